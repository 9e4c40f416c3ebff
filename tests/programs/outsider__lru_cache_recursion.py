from functools import lru_cache, cache
import sys

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

@cache
def ways(total, coins):
    if total == 0:
        return 1
    if total < 0 or not coins:
        return 0
    return ways(total - coins[0], coins) + ways(total, coins[1:])

@lru_cache(maxsize=3)
def square(n):
    print("computing", n)
    return n * n

print([fib(i) for i in range(15)])
print(fib(200))
print(fib.cache_info())
print(ways(100, (1, 5, 10, 25, 50)))
for n in (1, 2, 3, 1, 4, 1, 2):
    square(n)
print(square.cache_info())
square.cache_clear()
print(square.cache_info())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500), sys.getrecursionlimit())
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))
