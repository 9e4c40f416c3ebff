# RecursionError can be caught, and the program continues normally.
def forever(n):
    return forever(n + 1) + 1
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
def deep(n):
    return n if n == 0 else deep(n - 1)
for limit in [10, 100, 500, 950, 5000]:
    try:
        print(limit, deep(limit))
    except RecursionError:
        print(limit, "too deep")
print("still running")
