from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return self.name.lower()
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
class P2(IntFlag):
    A = auto(); B = auto(); C = auto()
class N(IntEnum):
    ONE = 1; TWO = 2
class S(StrEnum):
    A = auto(); B = 'bee'
print(repr(Color.RED), str(Color.RED), f"{Color.RED}", format(Color.RED, ">12"), Color.CRIMSON, Color(1), Color['GREEN'], Color.RED.describe())
print(list(Color), len(Color), Color.__members__.keys() if False else list(Color.__members__), repr(Color), str(Color), type(Color), type(Color.RED))
print(repr(N.ONE), str(N.ONE), f"{N.ONE}", N.ONE + 1, N.ONE < N.TWO, N(2), N.ONE == 1, isinstance(N.ONE, int), format(N.TWO, '03d'))
print(repr(S.A), str(S.A), S.B, S.A == 'a', S.B.upper())
print(repr(Perm.R | Perm.W), str(Perm.R|Perm.W), repr(Perm(0)), str(Perm(0)), repr(~Perm.R), list(Perm), list(Perm.R|Perm.X), Perm.R in Perm.RWX, bool(Perm(0)), repr(Perm.RWX), Perm(6).name, Perm(0).name, repr(Perm.R & Perm.W))
print(repr(P2.A | P2.C), str(P2.A|P2.C), P2.A | 8, repr(P2(12)), list(P2), P2.B.value)
for f in [lambda: Color(7), lambda: Color['PURPLE'], lambda: Color.RED < Color.GREEN, lambda: Color.RED in Color, lambda: Perm(8)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
try:
    @unique
    class U(Enum):
        A = 1; B = 1; C = 2; D = 2
except ValueError as e: print(e)
try:
    class Sub(Color): pass
except TypeError as e: print(e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def gravity(self): return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 3), Planet((3.303e+23, 2.4397e6)))
A = Enum('A', 'X Y Z'); print(list(A), A.Y.value)
B = Enum('B', ['P', 'Q'], start=10); print(list(B))
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), hash(Color.RED) == hash('RED'), {Color.RED: 'r'}[Color.RED])
class Shape(Enum):
    SQUARE = auto(); CIRCLE = auto()
    @classmethod
    def _missing_(cls, value):
        if value == 'sq': return cls.SQUARE
print(Shape('sq'), Shape(2), Color.RED.__class__, Color.__name__, dir(Color.RED)[:3] if False else '')
try:
    Color.RED = 5
except AttributeError as e: print(e)
class Weekday(Enum):
    MON = 1
    TUE = 2
    _ignore_ = []
    def next(self):
        members = list(type(self))
        return members[(members.index(self) + 1) % len(members)]
print(Weekday.TUE.next(), Weekday.MON.next(), sorted(Color, key=lambda c: c.value, reverse=True))
print(Color.RED == 1, Color.RED != Color.GREEN, Color.__members__['CRIMSON'])
