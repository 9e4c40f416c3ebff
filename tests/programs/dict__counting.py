# Counting and grouping with dicts.
text = """It was the best of times it was the worst of times
it was the age of wisdom it was the age of foolishness"""
counts = {}
for word in text.lower().split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print(f"{word:<12}{n:>3}")
by_length = {}
for word in counts:
    by_length.setdefault(len(word), []).append(word)
for length in sorted(by_length):
    print(length, sorted(by_length[length]))
letters = {}
for ch in text:
    if ch.isalpha():
        letters[ch.lower()] = letters.get(ch.lower(), 0) + 1
top = sorted(letters, key=lambda c: -letters[c])[:3]
print(top, [letters[c] for c in top])
grades = [("Ada", "A"), ("Bob", "B"), ("Cy", "A"), ("Di", "C"), ("Ed", "B")]
groups = {}
for student, grade in grades:
    if grade not in groups:
        groups[grade] = []
    groups[grade].append(student)
print(groups)
print({g: len(s) for g, s in groups.items()})
