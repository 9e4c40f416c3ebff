# Simulating dice with a seeded random generator and checking the distribution.
import random
random.seed(31337)
def roll(n, sides=6):
    return [random.randint(1, sides) for _ in range(n)]
print(roll(10), roll(5, 20))
trials = 6000
counts = [0] * 7
for value in roll(trials):
    counts[value] += 1
for face in range(1, 7):
    share = counts[face] / trials
    print(f"{face}: {counts[face]:>5} {share:.3f} {'*' * round(share * 100)}")
print("sum of counts:", sum(counts), "chi-square:", round(sum((c - trials / 6) ** 2 / (trials / 6) for c in counts[1:]), 4))
yahtzees = 0
for _ in range(2000):
    hand = roll(5)
    if len(set(hand)) == 1:
        yahtzees += 1
print("yahtzees in 2000 hands:", yahtzees)
def play_craps():
    first = sum(roll(2))
    if first in (7, 11):
        return "win", [first]
    if first in (2, 3, 12):
        return "lose", [first]
    rolls = [first]
    while True:
        r = sum(roll(2))
        rolls.append(r)
        if r == first:
            return "win", rolls
        if r == 7:
            return "lose", rolls
for game in range(5):
    print(play_craps())
wins = sum(1 for _ in range(1000) if play_craps()[0] == "win")
print("craps wins out of 1000:", wins)
deck = [f"{r}{s}" for s in "SHDC" for r in ["A", "2", "3", "4", "5", "6", "7", "8", "9", "T", "J", "Q", "K"]]
random.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
for i, h in enumerate(hands, 1):
    print(f"player {i}: {' '.join(h)}")
print(random.sample(deck, 3), random.choice(deck))
