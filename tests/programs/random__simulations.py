# Seeded simulations: Monte Carlo estimate of pi, random walks, and a birthday experiment.
import random
random.seed(12345)
inside = 0
n = 5000
for _ in range(n):
    x, y = random.random(), random.random()
    if x * x + y * y <= 1:
        inside += 1
print("pi estimate:", 4 * inside / n)
position = 0
path = []
for step in range(30):
    position += random.choice([-1, 1])
    path.append(position)
print(path, min(path), max(path))
def walk2d(steps):
    x = y = 0
    for _ in range(steps):
        dx, dy = random.choice([(0, 1), (0, -1), (1, 0), (-1, 0)])
        x, y = x + dx, y + dy
    return x, y
print([walk2d(100) for _ in range(5)])
def shared_birthday(people):
    days = [random.randint(1, 365) for _ in range(people)]
    return len(set(days)) < people
for people in [10, 23, 40, 60]:
    hits = sum(shared_birthday(people) for _ in range(500))
    print(f"{people} people: {hits / 500:.3f}")
names = ["Ada", "Ben", "Cy", "Di", "Ed", "Flo"]
random.shuffle(names)
teams = [names[i::2] for i in range(2)]
print(teams)
print([round(random.uniform(-1, 1), 4) for _ in range(5)], random.randrange(0, 100, 7))
weights = random.choices(["common", "rare", "epic"], weights=[80, 15, 5], k=20)
print(weights, {w: weights.count(w) for w in ["common", "rare", "epic"]})
