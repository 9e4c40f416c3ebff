from fractions import Fraction
import math
a = Fraction(3, 4)
b = Fraction("1/3")
print(a, repr(b), a + b, a - b, a * b, a / b, a // b, a % b, -a, abs(Fraction(-2, 6)), a ** 2, a ** -2, 2 ** Fraction(1, 2))
print(Fraction(6, -4), Fraction(0.75), Fraction("  -1.25e-3 "), Fraction("1_000.5"), Fraction(".5"), Fraction("7"), Fraction(2.5), Fraction(Fraction(1, 3), Fraction(2, 5)))
print(a + 1, 1 + a, a + 0.5, 0.5 * a, a == 0.75, a < 1, a > b, sorted([a, b, Fraction(1, 2)]), max(a, 1), a == Fraction(6, 8))
print(Fraction(math.pi).limit_denominator(1000), Fraction(3.141592653589793).limit_denominator(10), Fraction(1, 3).limit_denominator(2))
print(float(a), int(Fraction(-7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(22, 7), 2), math.floor(Fraction(-7, 2)), math.ceil(Fraction(7, 2)), math.trunc(Fraction(-7, 2)))
print(a.numerator, a.denominator, a.as_integer_ratio(), hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), {Fraction(1, 2): "half"}[Fraction(2, 4)])
print(sum(Fraction(1, n) for n in range(1, 11)), Fraction.from_float(0.1), Fraction(1, 10) == 0.1, bool(Fraction(0)), divmod(Fraction(7, 2), 2))
for bad in ["1/0", "abc", "1.2.3", "1/2.0", "", "1_"]:
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for args in [(1, 0), (1.5, 2), ([],)]:
    try:
        Fraction(*args)
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    Fraction(1, 2) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    Fraction(float("inf"))
except (OverflowError, ValueError) as e:
    print(type(e).__name__, e)
# Egyptian fractions: a greedy decomposition
def egyptian(f):
    parts = []
    while f.numerator:
        d = -(-f.denominator // f.numerator)
        parts.append(Fraction(1, d))
        f -= Fraction(1, d)
    return parts
print(" + ".join(str(p) for p in egyptian(Fraction(7, 15))))
