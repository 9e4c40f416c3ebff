# Dict views and insertion order through updates and deletions.
d = {}
for k in ["c", "a", "b"]:
    d[k] = len(d)
print(d)
d["a"] = 99
print(d)
del d["c"]
d["c"] = 7
print(d)
print(d.keys(), d.values(), d.items())
print(len(d.keys()), "a" in d.keys(), 99 in d.values(), ("b", 2) in d.items())
print(list(reversed(d)), list(reversed(d.items())), sorted(d.values()))
e = {"b": 2, "a": 99, "c": 7}
print(d == e, list(d) == list(e))
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as err:
    print("RuntimeError:", err)
squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print(dict(sorted(squares.items(), key=lambda kv: -kv[0])))
counts = dict.fromkeys("hello", 0)
for ch in "hello":
    counts[ch] += 1
print(counts)
