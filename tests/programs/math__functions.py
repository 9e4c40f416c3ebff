# The math module: constants, rounding, powers, logs and trigonometry.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.isqrt(10 ** 20))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.trunc(3.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0))
print(math.fabs(-3), math.pow(2, 10), math.exp(0), math.exp(1) == math.e)
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log(1))
print(f"{math.sin(math.pi / 6):.12f} {math.cos(math.pi / 3):.12f} {math.tan(math.pi / 4):.12f}")
print(f"{math.asin(1):.12f} {math.acos(0):.12f} {math.atan(1):.12f} {math.atan2(1, -1):.12f}")
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(5, 12))
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 8), math.lcm(4, 6))
print(math.comb(10, 3), math.perm(5, 2), math.comb(50, 25))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.copysign(3, -0.0), math.fmod(7, -3), 7 % -3, math.modf(3.25))
print(math.sqrt(0.0), math.floor(-0.5), math.ceil(-0.5))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.exp(1000)]:
    try:
        print(bad())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for angle in range(0, 361, 45):
    r = math.radians(angle)
    print(f"{angle:>3} {math.sin(r):+.4f} {math.cos(r):+.4f}")
