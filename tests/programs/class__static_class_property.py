# @staticmethod, @classmethod and @property (getter and setter).
class Circle:
    PI = 3.14159
    instances = 0
    def __init__(self, radius):
        self.radius = radius
        Circle.instances += 1
    @property
    def radius(self):
        return self._radius
    @radius.setter
    def radius(self, value):
        if value < 0:
            raise ValueError("radius must be non-negative")
        self._radius = value
    @property
    def area(self):
        return round(self.PI * self._radius ** 2, 3)
    @classmethod
    def from_diameter(cls, d):
        return cls(d / 2)
    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.instances}"
    @staticmethod
    def is_valid(r):
        return r >= 0
c = Circle(2)
print(c.radius, c.area)
c.radius = 3
print(c.radius, c.area)
try:
    c.radius = -1
except ValueError as e:
    print("ValueError:", e)
print(c.radius)
d = Circle.from_diameter(10)
print(d.radius, d.area, type(d).__name__)
print(Circle.how_many(), c.how_many())
print(Circle.is_valid(5), c.is_valid(-1))
try:
    c.area = 5
except AttributeError as e:
    print("AttributeError:", e)
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
t = Temperature()
t.fahrenheit = 212
print(t._c, t.fahrenheit)
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, text):
        y, m, d = map(int, text.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __str__(self):
        return f"{self.y:04d}/{self.m:02d}/{self.d:02d}"
dt = Date.parse("2024-2-9")
print(dt, Date.is_leap(dt.y), Date.is_leap(1900))
