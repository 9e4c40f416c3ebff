# Matrix operations with nested lists: add, multiply, transpose, determinant, identity, power.
def show(name, m):
    print(name)
    for row in m:
        print("  [" + " ".join(f"{v:>6}" for v in row) + " ]")
def add(a, b):
    return [[x + y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]
def mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(col) for col in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for j in range(len(m)):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total
def power(m, n):
    result = identity(len(m))
    while n:
        if n % 2:
            result = mul(result, m)
        m = mul(m, m)
        n //= 2
    return result
A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
B = [[2, 0, 1], [1, 3, -1], [0, -2, 4]]
show("A", A)
show("A + B", add(A, B))
show("A x B", mul(A, B))
show("B x A", mul(B, A))
show("A^T", transpose(A))
print("det(A) =", det(A), "det(B) =", det(B), "det(AB) =", det(mul(A, B)))
show("I3", identity(3))
print(mul(A, identity(3)) == A)
fib = power([[1, 1], [1, 0]], 90)
print("fib(90) =", fib[0][1])
show("2x3 times 3x2", mul([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]]))
scaled = [[v * 0.5 for v in row] for row in A]
show("A * 0.5", scaled)
print("trace:", sum(A[i][i] for i in range(3)), "max:", max(max(r) for r in A), "flatten:", [v for r in A for v in r])
