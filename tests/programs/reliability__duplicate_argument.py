# Repeated parameter names are a SyntaxError at compile time.
print("never printed")


def f(a, b, *, a=1):
    return a
