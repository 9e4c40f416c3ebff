# lru_cache and cache on recursive functions, with cache_info; reduce and partial.
from functools import lru_cache, cache, reduce, partial
import functools
import operator

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])

print(ways(50), ways.cache_info().hits > 0)

@lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x

for x in [1, 2, 1, 3, 2, 1]:
    square(x)
print(square.cache_info())
square.cache_clear()
print(square.cache_info(), square.cache_parameters())

@lru_cache
def plain(x):
    return x + 1

print(plain(1), plain(1), plain.cache_info(), plain.__name__)

@lru_cache(maxsize=0)
def nocache(x):
    return x

nocache(1)
nocache(1)
print(nocache.cache_info())
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(max, [3, 9, 2]), reduce(operator.add, [], 0))
base2 = partial(int, base=2)
print(base2("1011"), base2("11", base=3))
greet = partial(print, "Hello", sep=", ")
greet("world")
pw = partial(pow, 2)
print(pw(10), pw.func is pow, pw.args, pw.keywords, partial(pw, 3)(), partial(pow, 2, 3).args)
print(repr(partial(max, 1, key=abs)))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)
try:
    plain([1])
except TypeError as e:
    print("TypeError:", e)
functools.lru_cache("x")
