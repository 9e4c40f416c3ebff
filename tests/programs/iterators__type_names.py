# Native iterators have CPython's type names, in type(), __name__ and repr, also once exhausted.
d = {"a": 1, "b": 2}
cases = [
    enumerate([1]), zip([1], [2]), map(str, [1]), filter(None, [1]),
    iter([1]), reversed([1, 2]), iter((1,)), reversed((1, 2)),
    iter("ab"), iter("é"), reversed("ab"), iter(b"ab"), iter(range(3)), reversed(range(3)),
    iter({1}), iter(frozenset([1])),
    iter(d), iter(d.keys()), iter(d.values()), iter(d.items()),
    reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()),
    iter(lambda: 1, 1),
]
for it in cases:
    print(type(it).__name__, repr(it).split(" at 0x")[0], type(it))


class OnlyGetitem:
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError


it = iter(OnlyGetitem())
print(type(it).__name__, list(it), type(it).__name__)
done = iter([1, 2])
print(list(done), type(done).__name__, repr(done).startswith("<list_iterator object at 0x"))
m = map(abs, [-1])
print(next(m), next(m, "end"), type(m).__name__)
print(type(iter([])) is type(iter([1, 2])), type(iter([])) is type(iter(())))
print(type(enumerate([])).__name__ == "enumerate", iter(zip()) is not None)
