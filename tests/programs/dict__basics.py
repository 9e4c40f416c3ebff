# Dict creation, lookup, update, deletion, insertion order.
ages = {"Ada": 36, "Alan": 41}
ages["Grace"] = 85
print(ages, len(ages), ages["Ada"])
ages["Ada"] = 37
print(ages)
print("Alan" in ages, "Bob" in ages, "Bob" not in ages)
print(ages.get("Bob"), ages.get("Bob", 0), ages.get("Ada", 0))
del ages["Alan"]
print(ages)
try:
    print(ages["Alan"])
except KeyError as e:
    print("KeyError:", e)
d = dict(a=1, b=2)
d2 = dict([("x", 10), ("y", 20)])
d3 = dict(zip("abc", range(3)))
print(d, d2, d3, dict(), {})
print(list(d3.keys()), list(d3.values()), list(d3.items()))
for key in d3:
    print(key, d3[key])
for key, value in d3.items():
    print(f"{key} -> {value}")
mixed = {1: "one", 2.5: "float", (1, 2): "tuple", "s": [1, 2], None: "none", True: "bool?"}
print(mixed)
print(mixed[1], mixed[(1, 2)], mixed[None])
try:
    bad = {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
nested = {"user": {"name": "Ada", "langs": ["python", "rust"]}}
print(nested["user"]["langs"][1], nested)
print({1: "a", 1.0: "b"}, {"k": 1, "k": 2})
