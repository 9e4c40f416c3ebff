# Explicitly raised built-in exceptions without and with messages.
def check(n):
    if n < 0:
        raise ValueError
    if n > 100:
        raise RuntimeError("too big: " + str(n))
    return n
for n in [1, 50]:
    print(check(n))
try:
    check(-1)
except ValueError as e:
    print("caught", repr(e))
check(1000)
