def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1

def take(n, it):
    return [x for _, x in zip(range(n), it)]

def running_average():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(take(10, primes()))
avg = running_average()
next(avg)
print([avg.send(v) for v in (10, 20, 30, 40)])
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
squares = (x * x for x in range(10))
print(sum(squares), sum(squares))
def countdown(n):
    try:
        while n:
            yield n
            n -= 1
    finally:
        print("cleanup")
g = countdown(5)
print(next(g), next(g))
g.close()
print(list(countdown(3)))
fib = lambda: (yield 1)
print(list(fib()))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
