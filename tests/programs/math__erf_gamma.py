# The error function, gamma and lgamma, as statistics exercises use them.
import math

def normal_cdf(x, mu=0.0, sigma=1.0):
    return 0.5 * (1 + math.erf((x - mu) / (sigma * math.sqrt(2))))

for x in [-3, -1.5, 0, 0.5, 1, 1.96, 3]:
    # 15 digits: the last bit may differ between C libraries (see README).
    print(f"{x:5} {normal_cdf(x):.10f} {math.erf(x):.15g} {math.erfc(x):.15g}")
print(math.erf(0.0), math.erf(-0.0), math.erf(math.inf), math.erf(-math.inf), math.erfc(math.inf), math.erfc(-math.inf))
print(math.erf(math.nan), math.erfc(40), math.erfc(-40), f"{math.erf(1e-300):.15g}", f"{math.erfc(0.1):.15g}")
print([math.gamma(n) for n in range(1, 8)], math.gamma(0.5) ** 2, math.lgamma(100))
print(math.gamma(-1.5), math.lgamma(0.5), math.lgamma(-0.5))
for bad in ("x", None):
    try:
        math.erf(bad)
    except TypeError as e:
        print("TypeError:", e)
math.gamma(0)
