# Slices are unhashable in CPython 3.11: as dict keys and set items they raise TypeError.
d = {1: 'one'}


def store():
    d[1:2] = 3


def delete():
    del d[1:]


attempts = [
    lambda: d[1:2],
    store,
    delete,
    lambda: d.get(slice(1)),
    lambda: slice(1) in d,
    lambda: {slice(1, 2): 0},
    lambda: {slice(1)},
    lambda: hash(slice(None)),
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print('TypeError:', e)
print(d)
