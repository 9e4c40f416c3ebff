# Grade calculator: read student names and scores, compute statistics and letter grades.
def letter(score):
    for threshold, grade in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if score >= threshold:
            return grade
    return "F"
count = int(input("How many students? "))
students = []
for i in range(count):
    name = input(f"Name of student {i + 1}: ").strip()
    scores_text = input(f"Scores for {name} (space separated): ")
    scores = [float(s) for s in scores_text.split()]
    students.append((name, scores))
print()
print(f"{'Name':<10}{'Avg':>7}{'Best':>7}{'Worst':>7}  Grade")
print("-" * 38)
class_total = 0
for name, scores in students:
    avg = sum(scores) / len(scores)
    class_total += avg
    print(f"{name:<10}{avg:>7.2f}{max(scores):>7.1f}{min(scores):>7.1f}  {letter(avg)}")
print("-" * 38)
print(f"Class average: {class_total / len(students):.2f}")
best = max(students, key=lambda s: sum(s[1]) / len(s[1]))
print(f"Top student: {best[0]}")
distribution = {}
for name, scores in students:
    g = letter(sum(scores) / len(scores))
    distribution[g] = distribution.get(g, 0) + 1
for g in "ABCDF":
    print(g, "*" * distribution.get(g, 0))
