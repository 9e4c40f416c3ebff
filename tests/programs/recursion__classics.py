# Classic recursive algorithms: factorial, fibonacci, hanoi, permutations, power set, gcd.
def factorial(n):
    return 1 if n == 0 else n * factorial(n - 1)
print([factorial(n) for n in range(10)])
print(factorial(100))
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(n) for n in range(20)])
moves = []
def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append((n, source, target))
    hanoi(n - 1, spare, target, source)
hanoi(4, "A", "C", "B")
print(len(moves))
for disk, a, b in moves[:7]:
    print(f"move disk {disk} from {a} to {b}")
def permutations(items):
    if len(items) <= 1:
        return [items]
    result = []
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([items[i]] + rest)
    return result
print(permutations([1, 2, 3]))
print(len(permutations(list("abcde"))))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set(["a", "b", "c"]))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20))
def binary(n):
    return str(n) if n < 2 else binary(n // 2) + str(n % 2)
print([binary(n) for n in [0, 1, 5, 255, 1024]])
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out += flatten(item)
    return out
print(flatten([1, [2, [3, [4, [5, [6]]]]], 7]))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
