# A class-heavy program: a small shape hierarchy with __init__, super(), properties,
# overridden methods, dunder operators, and many short-lived instances.
# Checksum: sums of areas (rounded), counts and a repr.
N = 30000  # quick: 1500


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


class Shape:
    count = 0

    def __init__(self, origin):
        self.origin = origin
        Shape.count += 1

    def area(self):
        return 0

    def moved(self, delta):
        return self.__class__.make(self.origin + delta, self)

    def describe(self):
        return type(self).__name__ + " " + str(self.area())


class Rect(Shape):
    def __init__(self, origin, w, h):
        super().__init__(origin)
        self.w = w
        self.h = h

    @staticmethod
    def make(origin, like):
        return Rect(origin, like.w, like.h)

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, origin, side):
        super().__init__(origin, side, side)

    @staticmethod
    def make(origin, like):
        return Square(origin, like.w)

    @property
    def side(self):
        return self.w


class Circle(Shape):
    def __init__(self, origin, r):
        super().__init__(origin)
        self.r = r

    @staticmethod
    def make(origin, like):
        return Circle(origin, like.r)

    def area(self):
        return 3 * self.r * self.r


shapes = []
for i in range(N):
    kind = i % 3
    o = Vec(i % 10, i % 7)
    if kind == 0:
        shapes.append(Rect(o, i % 5 + 1, i % 3 + 1))
    elif kind == 1:
        shapes.append(Square(o, i % 4 + 1))
    else:
        shapes.append(Circle(o, i % 6 + 1))
step = Vec(1, 2) * 3
moved = [s.moved(step) for s in shapes]
total = sum(s.area() for s in moved)
squares = sum(s.side for s in moved if isinstance(s, Square))
same = sum(1 for a, b in zip(shapes, moved) if a.origin + step == b.origin)
print("classes", N, total, squares, same, Shape.count, moved[-1].describe(), repr(moved[5].origin))
