# Binary search: iterative, recursive, insertion point, and searching a sorted list of words.
def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
def search_recursive(items, target, lo=0, hi=None):
    if hi is None:
        hi = len(items) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if items[mid] == target:
        return mid
    if items[mid] < target:
        return search_recursive(items, target, mid + 1, hi)
    return search_recursive(items, target, lo, mid - 1)
def insertion_point(items, target):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
numbers = list(range(0, 1000, 7))
for t in [0, 7, 350, 693, 994, 500, -1, 1000]:
    print(t, binary_search(numbers, t), search_recursive(numbers, t), insertion_point(numbers, t))
words = sorted("the quick brown fox jumps over the lazy dog again and again".split())
print(words)
for w in ["fox", "again", "zebra", "the", "aardvark"]:
    print(w, binary_search(words, w)[0], insertion_point(words, w))
big = list(range(10 ** 5))
print(binary_search(big, 76543), binary_search(big, -5))
def sqrt_floor(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print([sqrt_floor(n) for n in [0, 1, 15, 16, 17, 10 ** 12, 2 ** 100]])
