# Deep recursion once the engine has optimized the interpreter's hot code (a CPU-bound
# warm-up first): plain recursion near the limit; recursion through sorted(key=), fine
# at 300 levels and a RecursionError (not an engine overflow) past the limit; and
# input() at the bottom of a 900-deep stack.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
total = 0
for i in range(5):
    total += fib(20)
print("warm-up", total)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
for d in (500, 900, 990):
    print("plain", d, depth(d))

def keyed(n):
    if n == 0:
        return 0
    return sorted([n], key=lambda x: keyed(n - 1))[0] * 0 + n
print("sorted key", keyed(300))
try:
    keyed(5000)
except RecursionError as e:
    print("sorted key 5000:", type(e).__name__)

def down(n):
    if n == 0:
        return input("bottom> ")
    return down(n - 1) + "."
answer = down(900)
print(len(answer), answer[:12])
