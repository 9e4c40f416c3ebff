# Conway's Game of Life on a small wrapping grid: a glider and a blinker.
def parse(picture):
    return {(r, c) for r, line in enumerate(picture) for c, ch in enumerate(line) if ch == "#"}
def step(alive, rows, cols):
    counts = {}
    for r, c in alive:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = ((r + dr) % rows, (c + dc) % cols)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in alive)}
def show(alive, rows, cols):
    for r in range(rows):
        print("".join("#" if (r, c) in alive else "." for c in range(cols)))
rows, cols = 8, 10
world = parse([".#........", "..#.......", "###.......", "..........", "......###."])
for generation in range(5):
    print(f"generation {generation}: {len(world)} alive")
    show(world, rows, cols)
    world = step(world, rows, cols)
for _ in range(27):
    world = step(world, rows, cols)
print("after 32 generations:", sorted(world))
