# The N-queens puzzle by backtracking: count solutions and draw the first.
def solve(n):
    solutions = []
    cols = []
    def place(row):
        if row == n:
            solutions.append(list(cols))
            return
        for c in range(n):
            if all(c != pc and abs(c - pc) != row - pr for pr, pc in enumerate(cols)):
                cols.append(c)
                place(row + 1)
                cols.pop()
    place(0)
    return solutions
for n in range(1, 8):
    print(n, len(solve(n)))
eight = solve(8)
print(8, len(eight))
first = eight[0]
print(first)
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
