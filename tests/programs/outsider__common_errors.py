# Error messages a beginner meets, classes without __hash__, argument errors, containers.
class Node:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
n = Node(1)
try:
    {n: 1}
except TypeError as e:
    print(e)
print(Node.__hash__)
class A:
    x = []
a1, a2 = A(), A()
a1.x.append(1)
print(a2.x, A.__name__, a1.__class__.__name__, a1.__module__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__name__)
print(repr(outer).split(" at ")[0])
try:
    undefined_name
except NameError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    int("x")
except ValueError as e:
    print(e)
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    f = open("nope.txt")
except OSError as e:
    print(e)
def h(a, b=2, *args, c, **kw):
    return a, b, args, c, kw
print(h(1, c=3), h(1, 2, 3, 4, c=5, d=6))
try:
    h(1)
except TypeError as e:
    print(e)
x = [1, 2, 3]
print(x.pop(), x, x.index(2), x.count(1), x.copy(), sorted(x, reverse=True))
y = x
y += [9]
print(x, x is y)
t = (1,)
print(t, type(()), (1, 2) + (3,), tuple("ab"), t * 3)
print(set([3, 1, 2]), {1, 2} | {3}, {1, 2} & {2}, {1, 2} - {1}, {1} ^ {2}, frozenset([1]))
