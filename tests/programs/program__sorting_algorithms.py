# Sorting algorithms written by hand, with step counts, checked against sorted().
import random
def bubble_sort(items):
    a = list(items)
    swaps = 0
    for end in range(len(a) - 1, 0, -1):
        swapped = False
        for i in range(end):
            if a[i] > a[i + 1]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return a, swaps
def insertion_sort(items):
    a = list(items)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def selection_sort(items):
    a = list(items)
    for i in range(len(a)):
        m = min(range(i, len(a)), key=lambda k: a[k])
        a[i], a[m] = a[m], a[i]
    return a
def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    mid = len(items) // 2
    left, right = merge_sort(items[:mid]), merge_sort(items[mid:])
    merged = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]
def quick_sort(items):
    if len(items) <= 1:
        return list(items)
    pivot = items[len(items) // 2]
    return (quick_sort([x for x in items if x < pivot]) + [x for x in items if x == pivot]
            + quick_sort([x for x in items if x > pivot]))
random.seed(99)
data = [random.randint(-50, 50) for _ in range(25)]
print("data:     ", data)
result, swaps = bubble_sort(data)
print("bubble:   ", result, "swaps:", swaps)
print("insertion:", insertion_sort(data))
print("selection:", selection_sort(data))
print("merge:    ", merge_sort(data))
print("quick:    ", quick_sort(data))
expected = sorted(data)
for name, fn in [("insertion", insertion_sort), ("selection", selection_sort), ("merge", merge_sort), ("quick", quick_sort)]:
    ok = all(fn(sample) == sorted(sample) for sample in [[], [1], [2, 1], data, data[::-1], ["pear", "apple", "fig"]])
    print(name, "correct:", ok)
print(bubble_sort(list(range(10)))[1], bubble_sort(list(range(10, 0, -1)))[1])
print(merge_sort(["delta", "Alpha", "charlie", "bravo"]), quick_sort([3.5, -1, 2, 2, 0.5]))
