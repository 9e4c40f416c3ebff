# match: class patterns: __match_args__, keywords, dataclasses, named tuples, built-ins.
from dataclasses import dataclass, field
from collections import namedtuple


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Labelled:
    label: str
    point: Point
    tags: list = field(default_factory=list)


@dataclass(match_args=False)
class NoArgs:
    a: int


@dataclass
class KwOnlyTail:
    a: int
    b: int = field(default=0, kw_only=True)


print(Point.__match_args__, Labelled.__match_args__, hasattr(NoArgs, "__match_args__"),
      KwOnlyTail.__match_args__)


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"on the diagonal at {x}"
        case Point():
            return f"somewhere: {p}"
        case Labelled(name, Point(0, 0)):
            return f"{name} at the origin"
        case Labelled(label=name, point=Point(x, y), tags=[_, *_] as tags):
            return f"{name} at {x},{y} tagged {tags}"
        case Labelled(name, point):
            return f"{name} untagged at {point}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 2),
          Labelled("home", Point(0, 0)), Labelled("shop", Point(1, 2), ["a", "b"]),
          Labelled("park", Point(5, 5)), (0, 0)]:
    print(where(p))


class Shape:
    __match_args__ = ("kind", "size")

    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

    @property
    def area(self):
        return self.size ** 2


class Square(Shape):
    def __init__(self, size):
        super().__init__("square", size)


class Circle(Shape):
    __match_args__ = ("radius",)

    def __init__(self, radius):
        super().__init__("circle", radius)
        self.radius = radius


def describe(s):
    match s:
        case Circle(r) if r > 10:
            return f"big circle {r}"
        case Circle(radius=r, area=a):
            return f"circle {r} area {a}"
        case Square("square", size, area=100):
            return f"square of area 100 (side {size})"
        case Shape(kind, size=1):
            return f"unit {kind}"
        case Shape(kind):
            return f"some {kind}"


for s in [Circle(11), Circle(2), Square(10), Square(1), Shape("blob", 3)]:
    print(describe(s))

# Attributes that are missing make the pattern fail, quietly.
class Sparse:
    pass


sp = Sparse()
sp.present = 1
match sp:
    case Sparse(absent=_):
        print("unexpected")
    case Sparse(present=p):
        print("present =", p)

# Named tuples set __match_args__ to their fields.
Pair = namedtuple("Pair", "left right")
match Pair(1, [2, 3]):
    case Pair(l, [r, *_]):
        print("Pair", l, r, Pair.__match_args__)


# Built-in types match the subject itself with one positional sub-pattern.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(0 | 1 as bit):
            return f"bit {bit}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s) if s:
            return f"str {s!r}"
        case str():
            return "empty str"
        case bytes(b):
            return f"bytes {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": v}):
            return f"dict k={v}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
        case object():
            return f"object {type(v).__name__}"


for v in [True, 0, 1, 7, 1.5, "s", "", b"x", [9, 8], [], (1, 2), {"k": 3}, {1, 2},
          frozenset(), None, Point(1, 1)]:
    print(kind(v))


# A subclass of a built-in keeps matching itself, unless it sets __match_args__.
class MyInt(int):
    pass


class Named(str):
    __match_args__ = ("upper_name",)

    @property
    def upper_name(self):
        return self.upper()


match MyInt(5):
    case int(n):
        print("MyInt matched itself:", n, type(n).__name__)
match Named("abc"):
    case Named(u):
        print("Named matched its attribute:", u)

# Keyword sub-patterns on built-ins read attributes.
match 12:
    case int(real=r, imag=i):
        print("real", r, "imag", i)
match "hello":
    case str(upper=up):
        print("method via attribute", up())

# isinstance() semantics: subclasses match a base class pattern.
class Base:
    pass


class Derived(Base):
    pass


for obj in [Base(), Derived(), object()]:
    match obj:
        case Derived():
            print("Derived")
        case Base():
            print("Base")
        case _:
            print("neither")
