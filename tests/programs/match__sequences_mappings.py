# match: sequence patterns (fixed, starred, nested) and mapping patterns (**rest).
from collections import OrderedDict, defaultdict, deque, Counter, ChainMap, namedtuple


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [first, *middle, last] if len(middle) < 3:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case (0, *_):
            return "starts with 0"
        case [*_, 0]:
            return "ends with 0"
        case [_, _, *rest]:
            return f"rest {rest!r}"


for v in [[], (), [1], (2,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5),
          [0, 1, 2, 3, 4], [5, 4, 3, 2, 1, 0], list(range(8)), range(3), range(10),
          deque([7, 8]), namedtuple("P", "a b")(3, 4)]:
    print(repr(v), "->", seq(v))

# Strings, bytes, dicts, sets and iterators are not sequences for match.
for v in ["ab", b"ab", {"a": 1}, {1, 2}, iter([1, 2]), 12]:
    match v:
        case [a, b]:
            print(repr(v), "unexpected", a, b)
        case _:
            print(type(v).__name__, "is not a sequence pattern subject")

# Starred captures are lists, whatever the subject.
match (1, 2, 3):
    case (a, *b):
        print(a, b, type(b).__name__)
match range(6):
    case [0, *mid, 5]:
        print("mid", mid)

# Nesting.
match [(1, 2), [3, [4, 5]], {"k": (6,)}]:
    case [(a, b), [c, [d, e]], {"k": (f,)}]:
        print(a, b, c, d, e, f)


class LyingLength(list):
    def __len__(self):
        return 3


# len() decides the length test; the unpacking then finds too few items.
try:
    match LyingLength([1, 2]):
        case [a, b, c]:
            print("unexpected")
except ValueError as e:
    print("ValueError:", e)


def mapping(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"type": t}:
            return f"some {t}"
        case {}:
            return "a mapping"
        case _:
            return "not a mapping"


for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5},
          {"type": "circle", "r": 5, "color": "red", "fill": None},
          {"type": "square"}, {}, {"x": 1}, [("type", "point")], "type",
          OrderedDict(type="point", x=0, y=9), Counter(type=3),
          ChainMap({"type": "chained"}, {"r": 1})]:
    print(mapping(v))

# Missing keys are looked up with get(): a defaultdict does not grow.
d = defaultdict(list, a=1)
match d:
    case {"a": 1, "b": _}:
        print("unexpected")
    case {"a": a}:
        print("a =", a, "keys:", sorted(d))

# **rest is always a plain dict without the matched keys.
match OrderedDict(a=1, b=2, c=3):
    case {"b": 2, **rest}:
        print(type(rest).__name__, rest)
match {1: "one", 2: "two"}:
    case {**everything}:
        print(everything)


class Key:
    name = "n"


match {"n": 3, 4: 5, None: 6, True: 7, 2.5: 8, b"b": 9}:
    case {Key.name: n, 4: four, None: nothing, 1: one, 2.5: f, b"b": bb}:
        print(n, four, nothing, one, f, bb)


# get() is what mapping patterns call.
class Tracing(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)


match Tracing(x=1, y=2):
    case {"x": 1, "z": _}:
        print("unexpected")
    case {"x": 1, "y": y, **others}:
        print("y =", y, others)
