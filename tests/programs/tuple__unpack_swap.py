# Tuple packing and unpacking, swapping, returning several values.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (name, score) in enumerate([("Ada", 90), ("Bob", 72)]):
    print(i, name, score)
def stats(nums):
    n = len(nums)
    mean = sum(nums) / n
    var = sum((x - mean) ** 2 for x in nums) / n
    return n, mean, var
n, mean, var = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(n, mean, var, var ** 0.5)
result = stats([1, 2, 3])
print(result, type(result).__name__)
try:
    x, y = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    x, y = 5
except TypeError as e:
    print("TypeError:", e)
fib = [0, 1]
x, y = 0, 1
for _ in range(10):
    x, y = y, x + y
    fib.append(y)
print(fib)
matrix = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*matrix)
print(xs, ys)
