def average(values):
    assert len(values) > 0, "values must not be empty"
    return sum(values) / len(values)

print(average([1, 2, 3]))
try:
    average([])
except AssertionError as e:
    print("caught:", e)
scores = {"ann": 90, "bob": 72}
for name in ["ann", "bob"]:
    assert scores[name] >= 70, f"{name} failed"
    print(name, "passed")
assert average([2, 4]) == 3.0
print("checks done")
assert scores["bob"] > 80, "bob needs " + str(80 - scores["bob"]) + " more points"
print("unreachable")
