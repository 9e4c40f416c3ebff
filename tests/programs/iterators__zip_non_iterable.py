# zip() of a non-iterable: iter()'s own TypeError, as in CPython 3.11.
try:
    zip([1], 2)
except TypeError as e:
    print(e)
zip(1)
