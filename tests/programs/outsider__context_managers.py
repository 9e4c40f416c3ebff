from contextlib import contextmanager
import time

class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self
    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self.start
        print("timer stopped", exc_type.__name__ if exc_type else None)
        return exc_type is ZeroDivisionError

with Timer() as t:
    sum(range(1000))
print(t.elapsed >= 0)
with Timer():
    1 / 0
print("survived")

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("html") as h, tag("body"):
    print("content", h)
try:
    with tag("div"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
class Resource:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("open", self.n)
        return self
    def __exit__(self, *args):
        print("close", self.n)
with Resource(1) as r1, Resource(2) as r2:
    print("using", r1.n + r2.n)
