# Everyday builtins: print options, zip(strict), try/finally, str vs repr, slicing, math.
print(*[1, 2, 3], sep=", ", end="!\n")
print(list(zip("ab", [1, 2], strict=True)))
try:
    list(zip("abc", [1], strict=True))
except ValueError as e:
    print(e)
for i, c in enumerate("xyz", start=1):
    print(i, c, end=" ")
print()
def f():
    try:
        return "try"
    finally:
        print("finally")
print(f())
class P:
    def __str__(self): return "str"
    def __repr__(self): return "repr"
print(P(), [P()], {"k": P()}, (P(),), f"{P()!r}")
import time
print(time.strftime("%Y", time.gmtime(0)), time.gmtime(86400 * 365).tm_year)
x = 5
def g():
    global x
    x += 1
g(); print(x)
print(divmod(7.5, 2), 7 // -2, round(3.14159, 3), abs(-3 + 4j), complex(1, 2) * 2)
print(sum([0.1] * 10), 0.1 * 3, 1 / 3, 2 ** -1, 10 / 2, 3 * "ab", [0] * 3)
print(sorted([("b", 2), ("a", 2), ("c", 1)], key=lambda t: t[1]))
print("{:>10}|{:<5}|{:^7}".format("r", "l", "c"), "{0[1]}{1[k]}".format([1, 2], {"k": 3}))
s = "hello"
print(s.index("l"), s.split("l"), s.center(11, "-"), list(reversed(s)), s.encode())
import math
print(math.dist((0, 0), (3, 4)), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10), math.log(8, 2), math.degrees(math.pi))
nums = list(range(10))
print(nums[::3], nums[-3:], nums[8:2:-2], nums[:100])
a = [[0] * 3] * 2
a[0][0] = 1
print(a)
print(any([]), all([]), max([3, 1], default=0), min((), default="none"))
print(int("  42 "), float("1e3"), int(3.99), int(-3.99), str(10**20), 1_000_000)
print(isinstance(True, int), type(3) is int, type(None).__name__, bool("False"))
