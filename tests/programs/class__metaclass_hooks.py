class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.registered = True
    def __call__(cls, *args, **kw):
        print("meta call", cls.__name__, args)
        obj = super().__call__(*args, **kw)
        return obj
    def __iter__(cls):
        return iter(["x", "y"])
    def __len__(cls):
        return 2
    def __getitem__(cls, k):
        return k * 2
    def __contains__(cls, v):
        return v == "x"
    def __repr__(cls):
        return f"<registered {cls.__name__}>"
    def hello(cls):
        return "hello from " + cls.__name__
    @property
    def size(cls):
        return 42

class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v
class Child(Base, flag=True):
    pass
print(Registry.classes, type(Base), type(Child), isinstance(Base, Registry), isinstance(Base, type))
c = Child(5)
print(c.v, Child.registered, list(Child), len(Child), Child["ab"], "x" in Child, "z" in Child)
print(Child, repr(Base), Child.hello(), Child.size, type(c).__name__, Base.__class__)
print(issubclass(Registry, type), Registry.__mro__)

class Plugin:
    plugins = []
    def __init_subclass__(cls, /, kind="generic", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Plugin.plugins.append((cls.__name__, kind))
class A(Plugin): pass
class B(Plugin, kind="fast"): pass
class C(B): pass
print(Plugin.plugins, C.kind)
try:
    class D(Plugin, color="red"): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(object, x=1): pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Point:
    x = Field()
    y = Field()
p = Point()
p.x = 3
print(p.x, p.y, Point.x.name)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
print(Box[int])
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[str], frozenset[int])
print(list[int]([1, 2]), list[int].__origin__, list[int].__args__, type(list[int]))
def total(xs: list[int], m: dict[str, float] | None = None) -> int:
    return sum(xs)
print(total([1, 2, 3]))
try:
    int[str]
except TypeError as e:
    print("TypeError:", e)
X = type("X", (Base,), {"z": 1})
print(X, X.z, type(X))
class M2(type): pass
try:
    class Q(Child, metaclass=M2): pass
except TypeError as e:
    print("TypeError:", e)
def func_meta(name, bases, ns):
    return f"made {name} with {sorted(k for k in ns if not k.startswith('__'))}"
class Z(metaclass=func_meta):
    a = 1
print(Z)
