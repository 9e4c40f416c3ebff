def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            result.append([x] + rest)
    return result

def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]

def flood_fill(grid, r, c, new):
    old = grid[r][c]
    if old == new:
        return
    grid[r][c] = new
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] == old:
            flood_fill(grid, nr, nc, new)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(permutations([1, 2, 3]), len(permutations(list("abcde"))))
print(sorted(subsets([1, 2, 3]), key=lambda s: (len(s), s)))
g = [list("..##"), list(".#.."), list("....")]
flood_fill(g, 0, 0, "o")
print(["".join(r) for r in g])
print(ackermann(2, 3), ackermann(3, 3))
def power_set_sum(nums, target, i=0):
    if target == 0:
        return True
    if i == len(nums) or target < 0:
        return False
    return power_set_sum(nums, target - nums[i], i + 1) or power_set_sum(nums, target, i + 1)
print(power_set_sum([3, 34, 4, 12, 5, 2], 9), power_set_sum([3, 34, 4], 100))
def boom(n):
    return boom(n + 1)
try:
    boom(0)
except RecursionError as e:
    print("RecursionError:", e)
