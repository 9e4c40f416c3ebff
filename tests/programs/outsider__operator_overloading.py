import math
from functools import total_ordering

@total_ordering
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return math.hypot(self.x, self.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __format__(self, spec):
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"

v, w = Vector(3, 4), Vector(1, -2)
print(v + w, v - w, 2 * v, v * 0.5, -w, abs(v), v > w, v <= w, v == Vector(3, 4))
print(bool(Vector(0, 0)), list(v), len({v, Vector(3, 4), w}), sorted([v, w, Vector(0, 1)]))
print(f"{v:.2f}", max(v, w), sum([v, w], Vector(0, 0)))
x, y = v
print(x, y)
try:
    v + 1
except AttributeError as e:
    print("AttributeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        return self + other
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
print(Money(150) + 25, 25 + Money(150), sum([Money(1), Money(2)], 0) if False else "skip")
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
