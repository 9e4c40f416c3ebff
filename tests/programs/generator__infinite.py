# Infinite generators consumed lazily: primes, cycling, counting, take-while.
def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
def take(n, gen):
    return [next(gen) for _ in range(n)]
def take_while(pred, gen):
    out = []
    for x in gen:
        if not pred(x):
            break
        out.append(x)
    return out
def cycle(items):
    while True:
        for item in items:
            yield item
def scan(gen, fn, initial):
    acc = initial
    for x in gen:
        acc = fn(acc, x)
        yield acc
print(take(20, primes()))
print(take_while(lambda p: p < 100, primes()))
print(take(7, cycle("abc")))
print(take(10, scan(naturals(), lambda a, b: a + b, 0)))
print(take(8, scan(naturals(), lambda a, b: a * b, 1)))
squares = (n * n for n in naturals())
print(take_while(lambda s: s < 200, squares), next(squares))
def zip_gens(a, b):
    while True:
        try:
            yield next(a), next(b)
        except StopIteration:
            return
print(list(zip_gens(iter("xyz"), naturals(10))))
colors = cycle(["red", "green", "blue"])
for i, c in zip(range(5), colors):
    print(i, c)
