# Unpacking: starred targets, nested targets, star in calls and literals.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
x, *empty, y = [1, 2]
print(x, empty, y)
(a, b), *others = [(1, 2), (3, 4), (5, 6)]
print(a, b, others)
head, (inner1, inner2), tail = 1, [2, 3], 4
print(head, inner1, inner2, tail)
for key, (lo, hi) in {"x": (0, 10), "y": (-5, 5)}.items():
    print(key, lo, hi, hi - lo)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3), {*"aa", *"b"} == {"a", "b"})
print({**{"a": 1}, **{"b": 2, "a": 3}})
def f(a, b, c, d):
    return a * 1000 + b * 100 + c * 10 + d
print(f(*[1, 2], *(3, 4)), f(1, *[2, 3], d=4), f(**{"d": 1, "c": 2, "b": 3, "a": 4}))
print(*[1, 2, 3], sep=" | ")
print(*"abc")
matrix = [[1, 2], [3, 4], [5, 6]]
print(list(zip(*matrix)))
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = {"only": 1}
except ValueError as e:
    print("ValueError:", e)
a, b = {"k1": 1, "k2": 2}
print(a, b)
[p, q] = "pq"
print(p, q)
i = 0
items = [0, 0, 0]
i, items[i] = 1, 9
print(i, items)
