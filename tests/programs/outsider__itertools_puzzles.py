from itertools import permutations, combinations, product, groupby, accumulate, chain, islice, count, cycle, zip_longest, combinations_with_replacement
import operator

for p in permutations("SEND"[:3]):
    print("".join(p), end=" ")
print()
print([c for c in combinations(range(1, 7), 3) if sum(c) == 10])
print(sum(1 for a, b, c in product(range(1, 7), repeat=3) if a + b + c == 10))
data = "aaabccddddde"
print([(k, len(list(g))) for k, g in groupby(data)])
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate(range(1, 6), operator.mul)))
print(list(chain("ab", [1, 2], (3,))), list(islice(count(10, 5), 4)), list(islice(cycle("xy"), 5)))
print(list(zip_longest("abc", [1, 2], fillvalue="-")))
coins = [1, 2, 5]
print(len([c for c in combinations_with_replacement(coins, 3) if sum(c) == 8]))
# magic square 3x3 search over permutations
for perm in permutations(range(1, 10)):
    rows = [perm[0:3], perm[3:6], perm[6:9]]
    if all(sum(r) == 15 for r in rows) and all(sum(perm[i::3]) == 15 for i in range(3)) \
            and perm[0] + perm[4] + perm[8] == 15 and perm[2] + perm[4] + perm[6] == 15:
        print(rows)
        break
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({k: list(g) for k, g in groupby(sorted(words), key=lambda w: w[0])})
