# Student records with classes, properties, sorting and grouping.
class Student:
    def __init__(self, name, year, grades):
        self.name = name
        self.year = year
        self.grades = dict(grades)
    @property
    def average(self):
        return sum(self.grades.values()) / len(self.grades) if self.grades else 0.0
    def best_subject(self):
        return max(self.grades, key=self.grades.get)
    def __repr__(self):
        return f"Student({self.name!r}, year={self.year})"
    def __lt__(self, other):
        return self.average < other.average
students = [
    Student("Ada", 2, {"math": 98, "physics": 91, "art": 72}),
    Student("Ben", 1, {"math": 65, "art": 88}),
    Student("Chloé", 3, {"math": 82, "physics": 79, "chemistry": 94}),
    Student("Dmitri", 2, {"math": 77, "physics": 85}),
    Student("Eve", 1, {}),
]
for s in sorted(students, reverse=True):
    best = s.best_subject() if s.grades else "-"
    print(f"{s.name:<8} year {s.year}  avg {s.average:6.2f}  best {best}")
by_year = {}
for s in students:
    by_year.setdefault(s.year, []).append(s)
for year in sorted(by_year):
    names = ", ".join(s.name for s in by_year[year])
    print(f"year {year}: {names} (mean {sum(s.average for s in by_year[year]) / len(by_year[year]):.1f})")
subjects = sorted({subj for s in students for subj in s.grades})
print(subjects)
for subj in subjects:
    scores = [(s.grades[subj], s.name) for s in students if subj in s.grades]
    top = max(scores)
    print(f"{subj:<10} n={len(scores)} top={top[1]} ({top[0]})")
print(sorted(students), min(students), max(students).name)
honours = [s.name for s in students if s.average >= 85]
print("honours:", honours)
