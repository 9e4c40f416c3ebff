# product, permutations, combinations, combinations_with_replacement, as exercises use them.
from itertools import product, permutations, combinations, combinations_with_replacement
import itertools

print(list(product("ab", [1, 2])), list(product([0, 1], repeat=3))[:4])
print(len(list(product(range(3), repeat=4))), list(product()), list(product("ab", [])))
print(list(permutations("abc")), list(permutations(range(4), 2))[:5])
print(list(permutations([1, 2], 3)), list(permutations([], 0)))
print(list(combinations("abcd", 2)), list(combinations(range(5), 0)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 1)))
# Which coins make 30?
coins = [5, 10, 10, 20, 25]
print(sorted({c for r in range(1, 4) for c in combinations(coins, r) if sum(c) == 30}))
# All anagrams of a word, in order, without duplicates.
print(sorted(set("".join(p) for p in permutations("toot"))))
# A truth table.
for a, b in product([False, True], repeat=2):
    print(a, b, a and b, a or b)
# The number of ways to pick 3 of 6.
print(sum(1 for _ in combinations(range(6), 3)))
for bad in (lambda: permutations("ab", -1), lambda: combinations("abc"),
            lambda: product("ab", repeat=-1), lambda: combinations("abc", "x")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
list(combinations(5, 2))
