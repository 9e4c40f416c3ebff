sentence = "the rain in spain falls mainly on the plain"
lengths = {w: len(w) for w in sentence.split()}
print(lengths)
by_len = {}
for w in sentence.split():
    by_len.setdefault(len(w), []).append(w)
print(dict(sorted(by_len.items())))
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
squares = {n: n * n for n in range(6) if n % 2}
print(squares, sum(squares.values()), max(squares, key=squares.get))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [x for row in matrix for x in row if x % 2 == 0])
vowels = {c for c in sentence if c in "aeiou"}
print(sorted(vowels), len(set(sentence.split())))
d = {"x": 1, "y": 2}
d |= {"z": 3}
print(d, d.get("q", 0), d.pop("x"), list(d.keys() & {"y", "w"}), d.setdefault("y", 9))
merged = {**d, "y": 20, **{"k": 0}}
print(merged, {k: v for k, v in sorted(merged.items(), key=lambda kv: kv[1])})
try:
    print(d["nope"])
except KeyError as e:
    print("KeyError", e)
nested = {"a": {"b": {"c": 42}}}
print(nested["a"]["b"]["c"], nested.get("a", {}).get("z", {}).get("c"))
