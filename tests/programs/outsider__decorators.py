import functools

call_log = []

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        call_log.append(f"{func.__name__}{args} -> {result!r}")
        return result
    return wrapper

def repeat(times):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorate

def counted(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b

@repeat(3)
def greet(name):
    return f"hi {name}"

@counted
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(add(2, 3), add("a", "b"), add.__name__, add.__doc__, add.__wrapped__(1, 1))
print(greet("bo"), fact(6), fact.calls)
print(call_log)
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(10), c2())
adders = [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders])
class cached_prop:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.f(obj)
        setattr(obj, self.f.__name__, value)
        return value
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_prop
    def area(self):
        print("computing area")
        return 3.14159 * self.r ** 2
c = Circle(2)
print(c.area, c.area)
