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
# With an index that is not an int, every one of them says "does not".
for value in [(1,), "s", b"b", range(3), {1}, Plain()]:
    for index in ["a", 1.5, slice(0, 1)]:
        try:
            del value[index]
        except TypeError as e:
            print(e)
