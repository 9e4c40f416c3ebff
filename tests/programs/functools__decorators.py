# wraps, total_ordering, cmp_to_key, cached_property.
import functools
from functools import wraps, total_ordering, cmp_to_key

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    "Add two numbers."
    return a + b

print(add(2, 3), add.__name__, add.__wrapped__(1, 1))

def counted(func):
    def inner(*args):
        inner.calls += 1
        return func(*args)
    inner.calls = 0
    return functools.update_wrapper(inner, func)

@counted
def hello():
    return "hi"

hello()
hello()
print(hello.calls, hello.__name__, hello.__qualname__)

@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

a, b = Version("1.10"), Version("1.9")
print(a > b, a >= b, a <= b, b < a, a == Version("1.10"))
print(sorted([Version("2.0"), a, b]), max(a, b))

def by_length_then_alpha(x, y):
    if len(x) != len(y):
        return len(x) - len(y)
    return (x > y) - (x < y)

words = ["pear", "fig", "banana", "kiwi", "apple"]
print(sorted(words, key=cmp_to_key(by_length_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area)
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)
