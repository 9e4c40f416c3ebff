# An abstract base class with a typed interface, concrete shapes, and a dataclass mixed in.
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import List, Optional
import math


class Shape(ABC):
    @abstractmethod
    def area(self) -> float:
        ...

    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.3f}"


@dataclass
class Circle(Shape):
    radius: float

    def area(self) -> float:
        return math.pi * self.radius ** 2


@dataclass
class Rect(Shape):
    w: float
    h: float = 1.0

    def area(self) -> float:
        return self.w * self.h


def largest(shapes: List[Shape]) -> Optional[Shape]:
    return max(shapes, key=lambda s: s.area()) if shapes else None


shapes: List[Shape] = [Circle(1.5), Rect(2, 3), Rect(4)]
for s in shapes:
    print(s, "|", repr(s))
print("largest:", largest(shapes), largest([]))
print(isinstance(shapes[0], Shape), issubclass(Rect, ABC), __annotations__)
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Half(Shape):
    pass


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
