# time.sleep() with small values, and clocks that only move forward.
import time
start = time.time()
mono = time.monotonic()
perf = time.perf_counter()
for i in range(3):
    print("tick", i)
    time.sleep(0.02)
time.sleep(0)
elapsed = time.time() - start
print("slept at least 0.05s:", elapsed >= 0.05)
print("less than 5s:", elapsed < 5)
print("monotonic advanced:", time.monotonic() - mono >= 0.05)
print("perf_counter advanced:", time.perf_counter() - perf >= 0.05)
print("time is a float:", type(time.time()).__name__, time.time() > 1_600_000_000)
def countdown(n):
    while n > 0:
        print(n, "...")
        time.sleep(0.01)
        n -= 1
    print("liftoff!")
countdown(3)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
