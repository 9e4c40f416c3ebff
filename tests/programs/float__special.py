# inf, nan, negative zero and overflow.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -0.0, 0.0)
print(inf + 1, inf - inf, inf * 0, inf / inf, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, nan == nan, nan != nan, nan < 1, nan > 1)
print(inf == inf, 1e308 * 10, -1e308 * 10)
print(repr(-0.0), -0.0 == 0.0, str(0.0 * -1))
print(float("-inf"), float("Infinity"), float("NaN"), float("-nan"))
print([inf, nan], (inf,), {"x": -inf})
print(max(1, inf), min(-inf, 0))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(float(10 ** 400))
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print("OverflowError:", e)
print(f"{inf:.2f} {nan:.2f} {-inf:10.1f}|")
print(abs(-inf), -inf < 0 < inf)
