from collections import deque

MAZE = """\
#########
#S..#...#
#.#.#.#.#
#.#...#.#
#.#####.#
#...#..E#
#########"""
grid = [list(row) for row in MAZE.splitlines()]
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
end = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
queue = deque([start])
came_from = {start: None}
while queue:
    cur = queue.popleft()
    if cur == end:
        break
    r, c = cur
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nxt = (r + dr, c + dc)
        if grid[nxt[0]][nxt[1]] != "#" and nxt not in came_from:
            came_from[nxt] = cur
            queue.append(nxt)
path = []
node = end
while node:
    path.append(node)
    node = came_from[node]
path.reverse()
for r, c in path[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))
print("steps:", len(path) - 1, "explored:", len(came_from))
def dfs_count(r, c, seen):
    if (r, c) == end:
        return 1
    seen.add((r, c))
    total = 0
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        nr, nc = r + dr, c + dc
        if MAZE.splitlines()[nr][nc] != "#" and (nr, nc) not in seen:
            total += dfs_count(nr, nc, seen)
    seen.discard((r, c))
    return total
print("simple paths:", dfs_count(*start, set()))
