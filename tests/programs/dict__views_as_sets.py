# Keys and items views behave as sets: -, &, |, ^ with any iterable, comparisons, isdisjoint.
stock = {"apple": 3, "pear": 0, "plum": 7, "kiwi": 2}
wanted = {"plum": 1, "fig": 2, "kiwi": 5}
print(sorted(stock.keys() - wanted.keys()), sorted(stock.keys() & wanted.keys()))
print(sorted(stock.keys() | wanted.keys()), sorted(stock.keys() ^ wanted.keys()))
print(stock.keys() - {"apple"} == {"pear", "plum", "kiwi"}, sorted(stock.keys() - ["pear", "nope"]))
print(sorted({"apple", "grape"} - stock.keys()), sorted(["plum", "x"] & stock.keys()), sorted({"z"} | stock.keys()))
a = {"x": 1, "y": 2}
b = {"y": 2, "z": 3}
print(sorted(a.items() & b.items()), sorted(a.items() - b.items()), sorted(a.items() ^ b.items()))
print(a.keys() == {"x", "y"}, {"x", "y"} == a.keys(), a.keys() == {"y": 0, "x": 0}.keys(), a.keys() != {"x"})
print(a.keys() <= {"x", "y", "z"}, a.keys() < a.keys(), a.keys() >= {"x"}, a.keys() > {"x"}, a.keys() == ["x", "y"])
print(a.items() == {("x", 1), ("y", 2)}, a.items() <= b.items(), a.values() == a.values())
print(a.keys().isdisjoint({"q"}), a.keys().isdisjoint("xyz"), a.items().isdisjoint([("x", 1)]))
print(type(a.keys() & b.keys()).__name__, len(a.keys() | b.keys()))
d = {"a": 1, "b": 2, "c": 3}
print(d.keys() - {"b"}, d.keys() & {"a", "c"}, d.keys() | {"d"}, d.items() - {("a", 1)})
# Which students handed in both assignments?
first = {"ann": 90, "bob": 70, "cy": 80}
second = {"bob": 75, "cy": 85, "dee": 60}
for name in sorted(first.keys() & second.keys()):
    print(name, first[name], second[name])
print("only first:", sorted(first.keys() - second.keys()))
s = set("abcdefgh")
s.difference_update("aceg", {"b"})
print(sorted(s))
for bad in (lambda: d.keys() - 5, lambda: d.values() - {1}, lambda: d.keys() < 3,
            lambda: {"k": [1]}.items() & {1}):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
d.values() | {1}
