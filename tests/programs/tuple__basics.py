# Tuples: creation, indexing, immutability, methods, as dict keys.
t = (1, 2, 3)
single = (5,)
empty = ()
print(t, single, empty, len(t), len(empty), type(single) == tuple)
print(t[0], t[-1], t[1:], t[::-1], t + (4,), t * 2)
print(t.count(2), t.index(3), 2 in t)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
point = 3, 4
x, y = point
print(point, x, y, (x ** 2 + y ** 2) ** 0.5)
locations = {(0, 0): "origin", (1, 2): "a", (3, 4): "b"}
print(locations[(1, 2)], locations[point], sorted(locations))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested)
print((1, 2) < (1, 3), (2,) > (1, 99), (1, 2) == (1, 2), (1, 2) != [1, 2])
print(max((3, "c"), (3, "d")), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(hash((1, 2)) == hash((1, 2)), hash(42), hash(-1), hash((1, (2, 3))) == hash((1, (2, 3))))
lst = [1, 2]
holder = (lst, "x")
lst.append(3)
print(holder)
try:
    hash(holder)
except TypeError as e:
    print("TypeError:", e)
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi, min_max("hello"))
