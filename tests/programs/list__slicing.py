# List slicing, slice assignment and deletion.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
b = a[:]
b[0] = 99
print(a[0], b[0])
a[2:4] = ["x", "y", "z"]
print(a)
a[1:1] = [0.5]
print(a)
a[-2:] = []
print(a)
a[::2] = ["E"] * len(a[::2])
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
try:
    a[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print("ValueError:", e)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1] for row in m], m[1][1:], m[-1][::-1])
print(a[100:200], a[-100:1])
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(nums[len(nums) // 2], sorted(nums)[len(nums) // 2])
first, *middle, last = nums
print(first, middle, last)
nums[3:6] = reversed(nums[3:6])
print(nums)
try:
    print(nums[11])
except IndexError as e:
    print("IndexError:", e)
try:
    nums[20] = 1
except IndexError as e:
    print("IndexError:", e)
