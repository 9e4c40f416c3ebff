# Closures that keep state, and late binding of loop variables.
def make_counter(start=0, step=1):
    count = start
    def next_value():
        nonlocal count
        count += step
        return count
    return next_value
c1 = make_counter()
c2 = make_counter(100, 10)
print(c1(), c1(), c2(), c1(), c2())
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
def make_funcs():
    result = []
    for j in range(3):
        def f(k=j):
            return k * 10
        result.append(f)
    return result
print([f() for f in make_funcs()])
def memoize_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        value = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = value
        return value
    return fib, cache
fib, cache = memoize_fib()
print(fib(80), len(cache))
def accumulator():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
acc = accumulator()
acc(1)
acc("two")
print(acc(3.0))
def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            nonlocal a
            a += 10
            return a + b
        return inner
    return middle()
print(outer()(), outer()())
