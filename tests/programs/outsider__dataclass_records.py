from dataclasses import dataclass, field, asdict, astuple, replace
from typing import List

@dataclass(order=True)
class Student:
    sort_key: float = field(init=False, repr=False)
    name: str
    grades: List[int] = field(default_factory=list)

    def __post_init__(self):
        self.sort_key = -self.average()

    def average(self):
        return sum(self.grades) / len(self.grades) if self.grades else 0.0

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

students = [Student("Ann", [90, 85, 77]), Student("Bob", [60, 70]), Student("Cy", [99])]
for s in sorted(students):
    print(f"{s.name:<5} {s.average():6.2f}", s)
p = Point(1, 2)
print(p, asdict(p), astuple(p), replace(p, y=5), p == Point(1, 2), hash(p) == hash(Point(1, 2)))
try:
    p.x = 10
except Exception as e:
    print(type(e).__name__, e)
print(Student("Dee"))
print(asdict(students[0]))
