# List methods and their return values.
nums = [5, 3, 8, 1]
print(nums, len(nums))
nums.append(7)
print(nums)
nums.extend([2, 9])
print(nums)
nums.insert(0, 10)
nums.insert(100, 11)
nums.insert(-1, 12)
print(nums)
print(nums.pop(), nums.pop(0), nums.pop(2), nums)
nums.remove(12)
print(nums, nums.index(1), nums.count(3), nums.count(42))
r = nums.sort()
print(r, nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
c = nums.copy()
c.append(100)
print(nums, c)
c.clear()
print(c, len(c))
try:
    nums.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    nums.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, 3 in [1, 2, 3], 4 not in [1, 2])
words = ["pear", "Apple", "fig", "banana"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
print(sum([1, 2, 3]), max([4, 9, 2]), min([4, 9, 2]), sorted([3, 1, 2], reverse=True))
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop())
a = [1, 2, 3]
a += [4]
a *= 2
print(a)
del a[0]
del a[-2:]
print(a)
