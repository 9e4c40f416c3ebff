# A tour of builtins, literals, unpacking, copying and formatting a course covers early.
import itertools, functools, operator
print(list(itertools.batched("abcdefg", 3)) if hasattr(itertools, "batched") else "no batched")
print(functools.reduce(operator.add, [1, 2, 3], 10), list(map(lambda x, y: x * y, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a", None])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
d = dict.fromkeys("ab", 0)
print(d, dict(zip("ab", range(2))), dict(a=1, **{"b": 2}), {**d})
print(sorted({"b": 1, "a": 2}), list({"x": 1}.items()), len({}), {} == dict())
s = "The Quick brown"
print(s.split(maxsplit=1), s.rsplit(" ", 1), s.lower().count("q"), s.casefold())
print(f"{'left':<{10}}|", f"{3.14159:{'.2f'}}", f"{'a' if True else 'b'}", f"{{braces}}")
print(str(b"abc"), bytes([65, 66]), bytearray(b"x") + b"y", list(b"hi"), b"a" in b"abc")
print(round(-0.5), round(0.5), round(1.25, 1), round(2.5), int(True) + True, 7 % 3, -7 % 3, 2 ** 0.5)
print(hex(-255), oct(-8), bin(-5), format(255, "08b"), format(0.000123, ".2e"), "%5.1f%%" % 12.345)
print(list(range(10, 0, -3)), range(5)[2], range(0, 10, 2)[-1], 5 in range(10), len(range(3, 30, 4)))
nested = [[1, [2]], [3]]
import copy
deep = copy.deepcopy(nested); deep[0][1][0] = 99
print(nested, deep, copy.copy(nested) is nested)
x = y = []
x.append(1)
print(y, [] is [], None is None, 1 == 1.0, "1" == 1)
print(chr(9731), ord("€"), "\N{GREEK SMALL LETTER ALPHA}", "tab\tend", r"raw\n", len("\n"))
print(max("apple", "pear", key=len), min([3, 1, 2]), sum(range(101)), abs(-7.5), pow(2, 10))
print(type(1 / 1), 1e300 * 1e10, -1e300 * 1e10, float("nan") == float("nan"), 0.1 + 0.7)
a, *b, c = range(5)
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
print([i for i in range(20) if i % 3 == 0 if i % 2 == 0], {x % 3 for x in range(10)})
print(" ".join(map(str, sorted([5, 2, 8], reverse=True))), ",".join("abc"))
