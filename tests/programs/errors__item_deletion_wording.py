# del x[i] on a type without item deletion: CPython says "doesn't" for types with
# sequence slots and "does not" for the others.
def f():
    pass


class Plain:
    pass


for value in [None, 1, 1.5, True, f, len, object(), Plain(), (1,), "s", b"b", range(3), {1}, frozenset(), {}.keys()]:
    try:
        del value[0]
    except TypeError as e:
        print(e)
