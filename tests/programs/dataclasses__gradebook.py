# Student records as dataclasses: defaults, factories, ordering, asdict.
from dataclasses import dataclass, field, asdict


@dataclass
class Student:
    name: str
    grades: list = field(default_factory=list)
    year: int = 1

    def average(self):
        return sum(self.grades) / len(self.grades) if self.grades else 0.0


@dataclass(order=True, frozen=True)
class Ranking:
    score: float
    name: str = field(compare=False)


students = [Student("Ada", [92, 88, 95], 2), Student("Ben", [70, 65]), Student("Cy")]
students[2].grades.extend([80, 85, 90])
for s in students:
    print(s, f"avg={s.average():.2f}")
ranks = sorted((Ranking(round(s.average(), 2), s.name) for s in students), reverse=True)
for i, r in enumerate(ranks, 1):
    print(i, r.name, r.score)
print(asdict(students[0]))
print(Student("Ada", [92, 88, 95], 2) == students[0], students[1] == students[2])
try:
    ranks[0].score = 100
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Student()
except TypeError as e:
    print("TypeError:", e)
