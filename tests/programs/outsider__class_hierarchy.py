import math

class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must define area")
    def __str__(self):
        return f"{self.name} with area {self.area():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def __repr__(self):
        return f"Rectangle({self.w}, {self.h})"

class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

shapes = [Circle(1), Rectangle(2, 3), Square(2), Circle(0.5)]
for s in sorted(shapes):
    print(s)
print(Shape.count, isinstance(shapes[2], Rectangle), issubclass(Square, Shape))
print([type(s).__name__ for s in shapes], Square.__mro__)
print(repr(Square(3)), max(shapes).name)
try:
    Shape("blob").area()
except NotImplementedError as e:
    print("error:", e)
print(Square.__bases__, Square(1).__dict__)
