# Truth values of every built-in type and pass / assert.
values = [0, 1, -1, 0.0, 0.1, "", "0", " ", [], [0], (), (None,), {}, {"": 0}, set(), {0}, None, True, False]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
def placeholder():
    pass
print(placeholder())
class Empty:
    pass
print(bool(Empty()))
assert 1 + 1 == 2
assert [1], "non-empty"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e), e.args)
x = 0
while x < 3:
    x += 1
    if x == 2:
        pass
    print(x)
print(all([]), any([]), all([1, "a"]), any([0, "", None]))
