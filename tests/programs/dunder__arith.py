# Arithmetic dunders: a 2D vector and a fraction class.
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
v = Vector(3, 4)
w = Vector(1, -2)
print(v + w, v - w, v * 2, 3 * v, -v, abs(v), v == Vector(3, 4))
total = Vector(0, 0)
for vec in [v, w, v]:
    total += vec
print(total)
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
class Fraction:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("denominator is zero")
        if den < 0:
            num, den = -num, -den
        g = gcd(abs(num), den)
        self.num, self.den = num // g, den // g
    def __add__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)
    __radd__ = __add__
    def __mul__(self, o):
        o = o if isinstance(o, Fraction) else Fraction(o)
        return Fraction(self.num * o.num, self.den * o.den)
    def __truediv__(self, o):
        return Fraction(self.num * o.den, self.den * o.num)
    def __eq__(self, o):
        return self.num == o.num and self.den == o.den
    def __lt__(self, o):
        return self.num * o.den < o.num * self.den
    def __float__(self):
        return self.num / self.den
    def __str__(self):
        return f"{self.num}/{self.den}" if self.den != 1 else str(self.num)
    def __repr__(self):
        return f"Fraction({self.num}, {self.den})"
half = Fraction(1, 2)
third = Fraction(1, 3)
print(half + third, half * third, half / third, half + 1, 2 + half)
print(float(half + third), half < third, Fraction(2, 4) == half, Fraction(3, -6))
h = Fraction(0)
for n in range(1, 11):
    h = h + Fraction(1, n)
print("H10 =", h, repr(h), round(float(h), 6))
print(sorted([Fraction(3, 4), Fraction(1, 8), Fraction(5, 6)]))
print(sum([Fraction(1, 4)] * 4, Fraction(0)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(v + 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(v @ w)
except TypeError as e:
    print("TypeError:", e)
