# __slots__ restricts the attributes an instance may get (unless a class in the MRO has
# no __slots__, or lists __dict__); property deleters, property(fget, fset, fdel).
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __slots__ = "z"

class Loose(Point):
    pass

class WithDict:
    __slots__ = ["a", "__dict__"]

p = Point(1, 2)
p.x = 10
print(p.x, p.y)
for obj, name in [(p, "z"), (Point3(1, 2), "w"), (Point3(1, 2), "z")]:
    try:
        setattr(obj, name, 0)
        print("set", name)
    except AttributeError as e:
        print("AttributeError:", e)
l = Loose(1, 2)
l.anything = 3
w = WithDict()
w.a, w.b = 1, 2
print(l.anything, w.a, w.b)
try:
    Point(1, 2).__dict__
except AttributeError as e:
    print("no __dict__")
class Exc(Exception):
    __slots__ = ()
e = Exc()
e.note = "ok"
print(e.note)

class Account:
    def __init__(self):
        self._owner = "ann"
    @property
    def owner(self):
        return self._owner
    @owner.setter
    def owner(self, v):
        self._owner = v
    @owner.deleter
    def owner(self):
        print("deleting owner")
        del self._owner

a = Account()
a.owner = "bob"
print(a.owner)
del a.owner
print(hasattr(a, "_owner"))

class C:
    def _get(self):
        return 42
    def _del(self):
        print("fdel called")
    answer = property(_get, None, _del)
    readonly = property(_get)
c = C()
del c.answer
try:
    del c.readonly
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.answer = 1
except AttributeError as e:
    print("AttributeError:", e)
