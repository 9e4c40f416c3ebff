# __call__, __hash__ in sets/dicts, __eq__ fallback, __len__ and truth, __int__/__float__/__index__-free conversions.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.factor
double = Multiplier(2)
print(double(5), double("ab"), list(map(double, [1, 2, 3])), double.calls)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {Point(1, 2), Point(1, 2), Point(3, 4)}
print(len(pts), Point(3, 4) in pts, Point(5, 5) in pts)
visits = {Point(0, 0): 1}
visits[Point(0, 0)] += 5
print(visits)
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), len(Sized()))
class Celsius:
    def __init__(self, deg):
        self.deg = deg
    def __int__(self):
        return int(self.deg)
    def __float__(self):
        return float(self.deg)
    def __str__(self):
        return f"{self.deg}°C"
c = Celsius(21.7)
print(int(c), float(c), str(c), f"{c}")
class Ordered:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return f"O{self.v}"
print(Ordered(2) > Ordered(1), Ordered(1) < Ordered(2), max([Ordered(3), Ordered(9), Ordered(4)]))
class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, a != b, a in [a], b in [a])
