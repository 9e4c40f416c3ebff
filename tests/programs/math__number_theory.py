# Number theory with math and plain integers: gcd/lcm, perfect numbers, digits, modular arithmetic.
import math
print([math.gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 0), (100, 75), (2 ** 40, 3 ** 20)]])
def lcm(a, b):
    return a * b // math.gcd(a, b)
l = 1
for n in range(1, 21):
    l = lcm(l, n)
print("lcm(1..20) =", l)
def divisors(n):
    small = [d for d in range(1, math.isqrt(n) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))
print(divisors(28), divisors(36), divisors(97))
print("perfect:", [n for n in range(2, 1000) if sum(divisors(n)) - n == n])
partner = {a: sum(divisors(a)) - a for a in range(2, 1500)}
amicable = [(a, b) for a, b in partner.items() if b > a and b in partner and partner[b] == a]
print("amicable:", amicable)
print("digit sums:", [sum(map(int, str(n))) for n in [0, 9, 99, 12345, 2 ** 50]])
armstrong = [n for n in range(1, 10000) if n == sum(int(d) ** len(str(n)) for d in str(n))]
print("armstrong:", armstrong)
print(pow(7, 128, 13), pow(2, 10 ** 9, 10 ** 9 + 7), pow(17, -1, 3120))
def totient(n):
    return sum(1 for k in range(1, n + 1) if math.gcd(n, k) == 1)
print([totient(n) for n in range(1, 21)])
print(math.comb(52, 5), math.perm(10, 3), math.factorial(15) // (math.factorial(5) * math.factorial(10)))
print([n for n in range(1, 50) if math.isqrt(n) ** 2 == n], math.isqrt(2 ** 100))
triples = [(a, b, math.isqrt(a * a + b * b)) for a in range(1, 30) for b in range(a, 30) if math.isqrt(a * a + b * b) ** 2 == a * a + b * b]
print(triples)
