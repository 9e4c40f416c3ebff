# Subclassing the built-in types: list, dict, str, int, float, tuple, set; methods of the
# built-in, super() calls into it, __new__ for the immutable ones.
class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    def is_empty(self):
        return not self

s = Stack()
for x in [1, 2, 3]:
    s.push(x)
s.extend([4, 5])
print(s, len(s), s.peek(), s.pop(), s, s.is_empty(), Stack().is_empty())
print(isinstance(s, list), type(s).__name__, sum(s), sorted(s, reverse=True), s == [1, 2, 3, 4])
print(s + [9], type(s + [9]).__name__, 2 in s, s[1:], s[0], str(s), list(reversed(s)))
s[0] = 10
del s[1]
s += [7]
print(s, type(s).__name__, s.index(7), s.count(10))

class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name

    def __repr__(self):
        return f"Named({self.name!r}, {list(self)})"

n = Named("scores", (30, 10, 20))
n.sort()
print(n, n.name, len(n), max(n), vars(n))

class Config(dict):
    def __missing__(self, key):
        return f"<no {key}>"

    def __getattr__(self, name):
        return self[name]

c = Config(debug=True, level=3)
print(c, c["debug"], c["color"], c.level, len(c), sorted(c), c.get("x", 0), dict(c))

class LoudDict(dict):
    def __setitem__(self, key, value):
        print("setting", key)
        super().__setitem__(key, value.upper())

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

ld = LoudDict()
ld["a"] = "x"
ld["b"] = "y"
print(ld, ld["A"], list(ld.items()), ld.keys(), "a" in ld)

class Word(str):
    def shout(self):
        return self.upper() + "!"

w = Word("hello")
print(w, repr(w), w.shout(), len(w), w + " world", w == "hello", w[1:3], f"[{w:>7}]")
print(w.split("l"), {w: 1}["hello"], "-".join([w, Word("x")]), "ell" in w, w in "say hello")

class Money(int):
    def __str__(self):
        return f"${int(self)}"

m = Money(5)
print(m, m + 3, type(m + 3).__name__, m * 2, repr(m), m > 3, f"{m}", [m], -m, abs(Money(-2)))
print([10, 20, 30][Money(1)], list(range(Money(3))), hash(m) == hash(5), max(Money(3), Money(7)))

class Celsius(float):
    def __new__(cls, degrees):
        if degrees < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)

    def fahrenheit(self):
        return self * 9 / 5 + 32

print(Celsius(100).fahrenheit(), Celsius(36.6), round(Celsius(2.567), 2), float(Celsius(1)))

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __add__(self, other):
        return Point(self[0] + other[0], self[1] + other[1])

p = Point(1, 2)
q = p + Point(10, 20)
print(p, p.x, len(p), p == (1, 2), hash(p) == hash((1, 2)), q, type(q).__name__, list(q))

class Tags(set):
    def add_all(self, *items):
        for item in items:
            self.add(item)

t = Tags(["a"])
t.add_all("b", "c")
print(sorted(t), len(t), "b" in t, t | {"z"} == {"a", "b", "c", "z"}, isinstance(t, set))
for bad in (lambda: hash(Stack()), lambda: Celsius(-300), lambda: Money("x"), lambda: Stack(5),
            lambda: type("X", (int, str), {}), lambda: type("B", (bool,), {}),
            lambda: list.__init__(5, [1]), lambda: list.__init__()):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
import copy
n2 = copy.deepcopy(n)
n2.append(99)
print(n, n2, n2.name, type(n2).__name__, copy.copy(ld), copy.copy(m), copy.deepcopy(t) == t)
# A built-in's method taken from its class needs its self (the message names the class in
# CPython, so only the type is printed).
for unbound in (list.copy, dict.keys, str.upper):
    try:
        unbound()
    except TypeError:
        print("TypeError from", unbound.__name__)
import json
print(json.dumps({"config": c, "scores": n, "word": w, "money": m, "point": p}))
# CPython's copy passes tuple(p) to Point.__new__, which wants x and y.
copy.copy(p)
