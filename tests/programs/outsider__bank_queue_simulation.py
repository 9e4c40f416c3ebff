import random

random.seed(42)
customers = []
clock = 0
for i in range(8):
    clock += random.randint(1, 4)
    customers.append((i, clock, random.randint(2, 6)))
teller_free = 0
waits = []
for cid, arrival, service in customers:
    start = max(arrival, teller_free)
    waits.append(start - arrival)
    teller_free = start + service
    print(f"customer {cid}: arrives {arrival:2d}, starts {start:2d}, leaves {teller_free:2d}")
print("average wait: %.2f" % (sum(waits) / len(waits)))
print(random.choice(["a", "b", "c"]), random.sample(range(100), 5), round(random.uniform(1, 2), 6))
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:5], random.choices("xyz", weights=[5, 1, 1], k=6))
rolls = [random.randint(1, 6) for _ in range(600)]
print({face: rolls.count(face) for face in range(1, 7)})
print(round(random.gauss(0, 1), 10), random.randrange(0, 100, 7), random.getrandbits(16))
