# random.Random instances (their own generators, CPython's sequences for a seed) and the
# distributions. Float results that go through log/exp/cos are printed to 12 digits: the
# C library's last bit may differ on wasm (see README).
import random

def show(*values):
    print(*[f"{v:.12g}" if isinstance(v, float) else v for v in values])

random.seed(42)
a = [random.random() for _ in range(3)]
r = random.Random(42)
print(a == [r.random() for _ in range(3)], a)
r1, r2 = random.Random(1), random.Random(1)
print(r1.randint(1, 100), r1.choice("abcdef"), r2.randint(1, 100), r2.choice("abcdef"))
print(r1.sample(range(50), 5), r1.choices("xyz", k=4), r1.uniform(1, 2))
show(r1.gauss(0, 1), r1.gauss(), r1.gauss(100, 15))
deck = list(range(10))
r1.shuffle(deck)
print(deck)
random.seed(7)
show(random.normalvariate(), random.normalvariate(10, 2), random.triangular(), random.triangular(0, 10, 2))
show(random.expovariate(1.5), random.lognormvariate(0, 0.5), random.vonmisesvariate(1, 4), random.vonmisesvariate(0, 0))
show(random.gammavariate(2.5, 1), random.gammavariate(1, 2), random.gammavariate(0.5, 1), random.betavariate(2, 3))
show(random.paretovariate(3), random.weibullvariate(1, 1.5), random.getrandbits(20), random.randrange(0, 100, 7))
unseeded = random.Random()
print(type(unseeded.random()).__name__, type(unseeded).__name__, isinstance(unseeded, random.Random))
r4 = random.Random("seed text")
print(r4.random(), r4.randrange(10))
r4.seed(3)
print(r4.random(), [r4.randint(1, 6) for _ in range(10)])
random.seed(3)
print(random.random(), [random.randint(1, 6) for _ in range(10)])
# Two players with their own dice do not disturb each other or the module's generator.
random.seed(5)
before = random.random()
random.seed(5)
p1, p2 = random.Random(10), random.Random(20)
rolls = [(p1.randint(1, 6), p2.randint(1, 6)) for _ in range(5)]
print(rolls, random.random() == before)

class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)

d = Dice(99)
print([d.roll() for _ in range(8)])
scores = {name: random.Random(name).randint(0, 100) for name in ["ann", "bob", "cy"]}
print(scores)
print(random.BPF, random.RECIP_BPF, f"{random.NV_MAGICCONST:.12g}", f"{random.SG_MAGICCONST:.12g}")
for bad in (lambda: r1.randint(1), lambda: random.gammavariate(-1, 1), lambda: r1.choice([]),
            lambda: random.Random([1])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
random.Random(1).sample([1, 2], 3)
