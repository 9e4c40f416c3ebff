# The Collatz conjecture: sequences, longest chains, a memoised search.
def collatz(n):
    seq = [n]
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        seq.append(n)
    return seq
print(collatz(6))
print(collatz(27)[:20], len(collatz(27)), max(collatz(27)))
cache = {1: 1}
def length(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    count = cache[n]
    for m in reversed(path):
        count += 1
        cache[m] = count
    return cache[path[0]] if path else count
best = max(range(1, 20000), key=length)
print("longest chain under 20000 starts at", best, "with length", length(best))
print([length(n) for n in range(1, 21)])
histogram = {}
for n in range(1, 1001):
    bucket = length(n) // 20 * 20
    histogram[bucket] = histogram.get(bucket, 0) + 1
for bucket in sorted(histogram):
    print(f"{bucket:>3}-{bucket + 19:<3} {'#' * (histogram[bucket] // 10)} {histogram[bucket]}")
