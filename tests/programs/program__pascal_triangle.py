# Pascal's triangle, centred, with row sums and binomial coefficients.
def pascal(n):
    rows = [[1]]
    for _ in range(n - 1):
        prev = rows[-1]
        rows.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
    return rows
triangle = pascal(12)
width = len("  ".join(str(v) for v in triangle[-1]))
for row in triangle:
    print("  ".join(str(v) for v in row).center(width).rstrip())
print([sum(r) for r in triangle])
print(pascal(31)[-1][15], pascal(61)[-1][30])
for row in pascal(16):
    print("".join("*" if v % 2 else " " for v in row).center(32).rstrip())
