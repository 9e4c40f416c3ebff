# Comprehension scoping, nested comprehensions, and conditional expressions inside them.
x = 10
doubled = [x * 2 for x in range(3)]
print(x, doubled)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [(lambda i=i: i) for i in range(3)]
print([f() for f in funcs])
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid)
table = {r: {c: r * c for c in range(1, 4)} for r in range(1, 4)}
print(table, table[2][3])
words = ["apple", "bob", "kayak", "level", "python", "noon"]
print({w: ("palindrome" if w == w[::-1] else "plain") for w in words})
print([len(w) if len(w) > 4 else -len(w) for w in words if "o" in w or "a" in w])
print(sorted({ch for w in words for ch in w if ch in "aeiou"}))
print([[y for y in range(x)] for x in range(5)])
print([(a, b, c) for a in range(1, 21) for b in range(a, 21) for c in range(b, 21) if a * a + b * b == c * c])
n = 5
print([[1 if i == j else 0 for j in range(n)] for i in range(n)])
print(sum(x * x for x in range(100) if x % 2) , list(x for x in "abc"))
class Scores:
    values = [3, 1, 2]
    total = sum(v for v in values)
print(Scores.total)
