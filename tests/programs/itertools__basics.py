# The infinite and filtering iterators, islice, groupby, accumulate, tee, zip_longest.
import itertools
from itertools import count, cycle, repeat, islice, groupby, accumulate, chain
import operator

print(list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("ABC"), 7)), list(repeat("x", 3)), list(repeat(1, -2)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([])))
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None, 2)))
print(list(itertools.pairwise("ABCD")), list(itertools.pairwise("A")))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])))
a, b = itertools.tee(iter([1, 2, 3]))
print(next(a), list(a), list(b))
print(list(itertools.zip_longest("ABCD", "xy", fillvalue="-")), list(itertools.zip_longest()))
# Grouping sorted records by a key, as a report does.
sales = [("north", 10), ("south", 4), ("north", 7), ("east", 3), ("south", 8)]
for region, rows in groupby(sorted(sales), key=lambda r: r[0]):
    rows = list(rows)
    print(region, len(rows), sum(n for _, n in rows))
print([(k, len(list(g))) for k, g in groupby("aaabccddd")])
groups = groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
# Running balance with accumulate.
print(list(accumulate([100, -20, -30, 50])))
print(count(3), repeat("a"), repeat("a", 2))
for bad in (lambda: islice("abc", -1), lambda: islice("abc", 1, 2, 0), lambda: islice(5, 2),
            lambda: repeat(1, "a"), lambda: count("a"), lambda: itertools.tee("a", -1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
list(chain(1))
