grades = {
    "Alice": {"math": 92, "science": 88, "english": 79},
    "Bob": {"math": 75, "science": 64, "english": 91},
    "Chen": {"math": 88, "science": 95, "english": 85},
    "Dana": {"math": 59, "science": 71},
}
subjects = sorted({s for g in grades.values() for s in g})
print("Student".ljust(8) + "".join(s.rjust(9) for s in subjects) + "   avg")
for name, g in sorted(grades.items()):
    cells = "".join(str(g.get(s, "-")).rjust(9) for s in subjects)
    avg = sum(g.values()) / len(g)
    print(f"{name:<8}{cells}{avg:6.1f}")
for s in subjects:
    scores = [g[s] for g in grades.values() if s in g]
    best = max((g[s], n) for n, g in grades.items() if s in g)
    print(f"{s}: avg {sum(scores) / len(scores):.2f}, top {best[1]} ({best[0]})")
failing = {n for n, g in grades.items() if any(v < 60 for v in g.values())}
print("failing:", failing, "missing:", {n: set(subjects) - g.keys() for n, g in grades.items() if set(subjects) - g.keys()})
ranking = sorted(grades, key=lambda n: sum(grades[n].values()) / len(grades[n]), reverse=True)
for place, n in enumerate(ranking, 1):
    print(place, n)
print(dict(zip(ranking, range(1, 5))), list(map(len, grades.values())))
