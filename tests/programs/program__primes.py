# Prime numbers: sieve of Eratosthenes, trial division, factorisation, twin primes.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, p in enumerate(is_prime) if p]
primes = sieve(200)
print(len(primes), primes)
big = sieve(100000)
print(len(big), big[-5:], sum(big))
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
print([n for n in range(90, 110) if is_prime(n)], is_prime(1000003), is_prime(1000001))
def factorise(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in [2, 12, 97, 360, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143]:
    print(n, "=", " x ".join(str(f) for f in factorise(n)))
twins = [(p, p + 2) for p in primes if p + 2 in set(primes)]
print("twin primes:", twins)
gaps = {}
for a, b in zip(big, big[1:]):
    gaps[b - a] = gaps.get(b - a, 0) + 1
print(sorted(gaps.items())[:8], max(gaps))
goldbach = {n: next((p, n - p) for p in primes if is_prime(n - p)) for n in range(4, 41, 2)}
print(goldbach)
