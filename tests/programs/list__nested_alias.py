# Nested lists, aliasing and copies.
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
bad = [[0] * 3] * 3
bad[1][1] = 5
print(bad)
a = [1, [2, 3]]
b = a
c = a[:]
b.append(4)
c[1].append(99)
print(a, b, c)
print(a == b, a is b, c == a)
def add_item(lst, item):
    lst.append(item)
    return lst
x = []
y = add_item(x, 1)
print(x, y, x is y)
matrix = [[i * 3 + j for j in range(3)] for i in range(4)]
for row in matrix:
    print(" ".join(f"{v:2}" for v in row))
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [v for row in matrix for v in row]
print(flat, sum(flat))
print(len(matrix), len(matrix[0]), matrix[-1][-1])
nested = [1, [2, [3, [4, [5]]]]]
depth = 0
node = nested
while isinstance(node, list):
    depth += 1
    node = node[-1]
print("depth", depth, "innermost", node)
lst = [1, 2, 3]
lst.append(lst)
print(lst)
