import bisect

def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]

print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
sorted_list = []
for x in [5, 1, 4, 4, 2, 9]:
    bisect.insort(sorted_list, x)
print(sorted_list, bisect.bisect_left(sorted_list, 4), bisect.bisect_right(sorted_list, 4))
def index(a, x):
    i = bisect.bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f"{x} not found")
print(index(sorted_list, 9))
try:
    index(sorted_list, 3)
except ValueError as e:
    print(e)
records = [("ann", 52), ("bob", 67), ("cy", 81)]
keys = [r[1] for r in records]
print(records[bisect.bisect_left(keys, 60)])
print(bisect.bisect([1, 2, 3], 2, lo=0, hi=1), bisect.bisect_left([(1, "a"), (2, "b")], (2,)))
print(bisect.bisect_left(records, 67, key=lambda r: r[1]))
