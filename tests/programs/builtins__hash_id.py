# hash() of ints and tuples of ints (deterministic), and identity without printing id().
for n in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(n, hash(n))
for t in [(), (1,), (1, 2), (2, 1), (1, (2, 3)), (-1, -2)]:
    print(t, hash(t))
print(hash(True), hash(False), hash(1.0), hash(0.5), hash(-0.0))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c)
x = None
print(x is None, id(None) == id(None))
