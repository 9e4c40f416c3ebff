from fractions import Fraction
from math import gcd

a = Fraction(3, 4)
b = Fraction("2/3")
print(a + b, a - b, a * b, a / b, a ** 2, -a, abs(Fraction(-5, 10)))
print(Fraction(0.75), Fraction("1.25"), Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5)
print(float(b), int(Fraction(7, 2)), round(Fraction(7, 2)), round(Fraction(5, 2)), round(a, 1))
print(Fraction(3.141592653589793).limit_denominator(1000), Fraction(10, 4).numerator)
harmonic = sum(Fraction(1, n) for n in range(1, 11))
print(harmonic, f"{float(harmonic):.6f}")
egypt = []
f = Fraction(4, 13)
while f:
    d = -(-f.denominator // f.numerator)
    egypt.append(Fraction(1, d))
    f -= Fraction(1, d)
print(" + ".join(map(str, egypt)), sum(egypt))
print(sorted([Fraction(1, 3), Fraction(1, 4), 0.3]), gcd(84, 36), Fraction(6, 8).as_integer_ratio())
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(e)
