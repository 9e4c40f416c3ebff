# namedtuple records: fields, defaults, _replace/_asdict/_make, ordering, and the errors.
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x, p[1], len(p), list(p))
x, y = p
print(x + y, p == (3, 4), p == Point(3, 4), hash(p) == hash((3, 4)))
print(Point._fields, p._asdict(), p._replace(y=10), Point._make([5, 6]))
print(Point(y=2, x=1), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
Student = namedtuple("Student", ["name", "grade", "age"], defaults=[18])
people = [Student("Ann", 91), Student("Bob", 78, 20), Student("Cy", 85)]
for s in sorted(people, key=lambda s: s.grade, reverse=True):
    print(f"{s.name:<4} {s.grade:>3} {s.age}")
print(Student._field_defaults, max(people, key=lambda s: s.grade).name)
Card = namedtuple("Card", "rank, suit")
print(Card("Q", "hearts"), Card("Q", "hearts").count("Q"), Card("Q", "h").index("h"))
R = namedtuple("R", ["a", "def", "a", "_b"], rename=True)
print(R._fields)
print(type(p).__name__, p[:1], p + (5,))
for bad in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: Point(1, x=2), lambda: p._replace(z=1), lambda: Point._make([1]),
            lambda: namedtuple("P", "x _y"), lambda: namedtuple("P", "x x"),
            lambda: namedtuple("P", "x class"), lambda: namedtuple("1P", "x"),
            lambda: namedtuple("P", "x", defaults=[1, 2])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
import copy
print(isinstance(p, tuple), Point.__mro__, tuple(p), copy.copy(p), copy.deepcopy(Student("Di", [1])))
print("{} and {}".format(*p), "%d-%d" % p, dict([Point("k", "v")]))
p.z
