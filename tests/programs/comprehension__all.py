# List, dict and set comprehensions with conditions and nesting.
nums = range(1, 16)
print([n * n for n in nums])
print([n for n in nums if n % 3 == 0])
print(["fizz" if n % 3 == 0 else n for n in nums])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[x * y for x in range(1, 5)] for y in range(1, 4)])
print({n: n ** 3 for n in range(6)})
print({w: len(w) for w in "the quick brown fox".split()})
print({n % 4 for n in range(20)}, {c.lower() for c in "AbBa"} == {"a", "b"})
words = ["apple", "Banana", "cherry", "date", "Elderberry"]
print([w.upper() for w in words if len(w) > 4])
print({w[0].lower(): w for w in words})
print(sorted({len(w) for w in words}))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
print([i for i in range(10)][::-2], [c * 2 for c in "abc"], [str(b) for b in [True, False]])
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
pairs = {(a, b) for a in range(4) for b in range(4) if a + b == 3}
print(sorted(pairs))
print(sum([len(w) for w in words]), max(len(w) for w in words))
print([[0] * n for n in range(4)])
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print([y for y in (x * 10 for x in range(5)) if y > 15])
