from enum import Enum, IntEnum, Flag, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

@unique
class Weekday(IntEnum):
    MON = 1
    TUE = 2
    WED = 3

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
print(Weekday.TUE + 1, Weekday.WED > Weekday.MON, sorted([Weekday.WED, Weekday.MON]))
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, repr(rw & Perm.W), bool(Perm.R & Perm.X))
for p in Planet:
    print(f"{p.name}: {p.gravity:.2f}")
try:
    Color(7)
except ValueError as e:
    print(e)
print({c: c.value for c in Color})
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
print(Status("active"), [s.value for s in Status])
