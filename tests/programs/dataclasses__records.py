from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, is_dataclass, InitVar, KW_ONLY, make_dataclass


@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


p = Point(1)
print(p, Point(1, 2) == Point(1, 2), Point(1) == Point(2), Point(1) == (1, 0))
p.tags.append("a")
print(p, Point(3).tags, [f.name for f in fields(Point)], fields(p)[1].default)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


v = Version(1, 2)
try:
    v.major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e, isinstance(e, AttributeError))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), hash(v) == hash((1, 2)))
print(sorted([Version(3), Version(1, 5, "beta"), Version(1)]), {Version(1), Version(1, 0, "x")})
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, [], 4)
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
print(asdict(Point(1, 2, [Point(3)])), astuple(Point(1)), replace(Point(1), y=9))
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3))


@dataclass
class Point3(Point):
    z: int = 0

    def __post_init__(self):
        self.norm = abs(self.x) + abs(self.y) + abs(self.z)


q = Point3(1, -2, z=3)
print(q, q.norm, Point3.__mro__[1].__name__)


@dataclass(repr=False, eq=False)
class Plain:
    a: int


print(Plain(1) == Plain(1), Plain(5).a)


@dataclass
class Config:
    name: str
    _: KW_ONLY
    debug: bool = False
    level: int = 1


print(Config("app", level=3), Config.__match_args__)
try:
    Config("x", True)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class WithInit:
    total: int = field(init=False, default=0)
    scale: InitVar[int] = 1
    values: list = field(default_factory=list)

    def __post_init__(self, scale):
        self.total = sum(self.values) * scale


w = WithInit(2, [1, 2, 3])
print(w, w.total, [f.name for f in fields(w)])
print(Point.__eq__(Point(1), 5), Point.__hash__, Version.__match_args__)
try:
    {Point(1)}
except TypeError as e:
    print("TypeError:", e)
Item = make_dataclass("Item", [("name", str), ("price", float, field(default=0.0))])
print(Item("pen"), Item("ink", 2.5) == Item("ink", 2.5))


@dataclass
class Inventory:
    items: dict = field(default_factory=dict)

    def add(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty
        return self


print(Inventory().add("apple").add("pear", 3).add("apple"))
print(repr(field(default=1).default), field(default_factory=list).default_factory)
