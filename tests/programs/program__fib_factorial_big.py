# Fibonacci and factorial with big integers, digit sums, and a memo table.
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
memo = {0: 0, 1: 1}
def fib_memo(n):
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
for n in [10, 50, 100, 200, 300]:
    f = fib_iter(n)
    print(f"fib({n}) = {f}")
    assert f == fib_memo(n)
print("digits in fib(1000):", len(str(fib_iter(1000))))
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
for n in [0, 1, 5, 10, 25, 52]:
    print(f"{n}! = {factorial(n)}")
f100 = factorial(100)
print("100! has", len(str(f100)), "digits, digit sum", sum(int(d) for d in str(f100)))
zeros = len(str(f100)) - len(str(f100).rstrip("0"))
print("trailing zeros in 100!:", zeros)
print("2**1000 digit sum:", sum(int(d) for d in str(2 ** 1000)))
print(factorial(30) // factorial(28), factorial(20) % (10 ** 9 + 7))
catalan = [factorial(2 * n) // (factorial(n + 1) * factorial(n)) for n in range(15)]
print("catalan:", catalan)
ratio = fib_iter(101) / fib_iter(100)
print("golden ratio approx:", ratio, round(ratio, 10))
print([fib_iter(n) % 10 for n in range(30)])
