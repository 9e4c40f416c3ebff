# An uncaught bare AssertionError (no message: the last line is just the type).
def positive(n):
    assert n > 0
    return n
print(positive(5))
positive(-5)
