# Generator functions: lazy evaluation, state, StopIteration, return values.
def count_up(n):
    print("  start")
    i = 1
    while i <= n:
        print("  yielding", i)
        yield i
        i += 1
    print("  done")
gen = count_up(3)
print(type(gen).__name__)
print(next(gen))
print(next(gen))
for value in gen:
    print("loop got", value)
print(next(gen, "exhausted"))
try:
    next(gen)
except StopIteration:
    print("StopIteration")
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, iterable):
    result = []
    for x in iterable:
        if len(result) == n:
            break
        result.append(x)
    return result
print(take(5, fib()), take(3, "abcdef"))
def evens(limit):
    for n in range(limit):
        if n % 2 == 0:
            yield n
print(list(evens(10)), sum(evens(100)), max(evens(7)))
def with_return():
    yield 1
    return "the result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
def chars(s):
    for ch in s:
        yield ch.upper()
print("".join(chars("shout")), list(zip(chars("ab"), count_up(5))))
