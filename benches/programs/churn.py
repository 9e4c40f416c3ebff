# Dict and list churn: inserting, updating, deleting str and int keys, list appends,
# slicing, sorting with a key, comprehensions. Checksum: sums and lengths (never hash()).
N = 60000  # quick: 3000

counts = {}
order = []
for i in range(N):
    key = "k" + str(i % 997)
    counts[key] = counts.get(key, 0) + i
    order.append(i * 7 % 1009)
for i in range(0, N, 3):
    key = "k" + str(i % 997)
    if key in counts and counts[key] % 2 == 0:
        del counts[key]
squares = {i: i * i for i in range(N // 10)}
total = 0
for k, v in squares.items():
    if k % 3 == 0:
        total += v
order.sort()
by_value = sorted(counts.items(), key=lambda kv: (kv[1] % 101, kv[0]))
window = order[N // 4: N // 2]
evens = [x for x in window if x % 2 == 0]
nested = [[j for j in range(i % 7)] for i in range(N // 20)]
print("churn", N, len(counts), sum(counts.values()) % 1000003, total % 1000003,
      by_value[0][0], by_value[-1][0], sum(evens), sum(len(n) for n in nested))
