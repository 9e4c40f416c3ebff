# The random module with a fixed seed: the Mersenne Twister sequence is deterministic.
import random
random.seed(42)
print([random.random() for _ in range(5)])
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)], [random.randrange(5, 50, 5) for _ in range(5)])
print(random.choice(["rock", "paper", "scissors"]), random.choice("abcdef"), random.choice(range(100)))
deck = list(range(1, 11))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], 2))
print(round(random.uniform(1, 10), 6), random.uniform(0, 1))
print(random.choices(["x", "y", "z"], k=6))
random.seed(2024)
a = [random.randint(0, 100) for _ in range(5)]
random.seed(2024)
b = [random.randint(0, 100) for _ in range(5)]
print(a, b, a == b)
random.seed("stackswitch")
print(random.randint(1, 1000), random.random())
random.seed(0)
print(random.randint(10 ** 20, 10 ** 21), random.getrandbits(70))
random.seed(7)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
counts = {total: rolls.count(total) for total in range(2, 13)}
print(counts)
for total in range(2, 13):
    print(f"{total:>2} {'*' * (counts[total] // 5)}")
