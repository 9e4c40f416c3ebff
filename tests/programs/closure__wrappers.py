# Functions that wrap functions (decorators applied by hand), with *args/**kwargs forwarding.
def logged(fn):
    def wrapper(*args, **kwargs):
        parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}({', '.join(parts)}) -> {result!r}")
        return result
    return wrapper
caches = []
def memoized(fn):
    cache = {}
    caches.append(cache)
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
def retry(times):
    def wrap(fn):
        def attempt(*args):
            for i in range(1, times + 1):
                try:
                    return fn(*args)
                except ValueError as e:
                    print(f"attempt {i} failed: {e}")
            return None
        return attempt
    return wrap
def add(a, b=0, *, scale=1):
    return (a + b) * scale
add = logged(add)
add(1, 2)
add(3, scale=10)
add("x", b="y")
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
slow_fib = memoized(slow_fib)
print(slow_fib(100), len(caches[0]))
state = {"calls": 0}
def flaky(x):
    state["calls"] += 1
    if state["calls"] < 3:
        raise ValueError(f"not yet ({state['calls']})")
    return x * 2
flaky = retry(5)(flaky)
print(flaky(21))
always_bad = retry(2)(lambda: int("bad"))
print(always_bad())
def pipeline(*funcs):
    def run(value):
        for f in funcs:
            value = f(value)
        return value
    return run
clean = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello Big World  "))
counters = {}
def counted(name):
    def wrap(fn):
        def inner(*a):
            counters[name] = counters.get(name, 0) + 1
            return fn(*a)
        return inner
    return wrap
square = counted("square")(lambda x: x * x)
print([square(i) for i in range(5)], counters)
