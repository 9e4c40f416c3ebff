# Recursive calls: the Python call path (frame set-up, argument binding, return).
# Checksum: fib(N). The bench replaces the N line with the quick size under --quick.
N = 27  # quick: 18


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", N, fib(N))
