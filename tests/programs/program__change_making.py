# Making change: greedy versus dynamic programming, counting the ways.
def greedy(amount, coins):
    result = {}
    for c in sorted(coins, reverse=True):
        if amount >= c:
            result[c], amount = divmod(amount, c)
    return result if amount == 0 else None
def min_coins(amount, coins):
    best = [0] + [None] * amount
    choice = [0] * (amount + 1)
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and best[a - c] is not None and (best[a] is None or best[a - c] + 1 < best[a]):
                best[a] = best[a - c] + 1
                choice[a] = c
    if best[amount] is None:
        return None
    used = []
    while amount:
        used.append(choice[amount])
        amount -= choice[amount]
    return sorted(used, reverse=True)
def ways(amount, coins):
    table = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            table[a] += table[a - c]
    return table[amount]
us = [1, 5, 10, 25]
odd = [1, 3, 4]
for amount in [0, 6, 41, 99]:
    print(amount, greedy(amount, us), min_coins(amount, us))
print(greedy(6, odd), min_coins(6, odd))
print(greedy(7, [2, 5]), min_coins(7, [2, 5]), min_coins(3, [2]))
print(ways(100, us), ways(200, [1, 2, 5, 10, 20, 50, 100, 200]))
euros = [1, 2, 5, 10, 20, 50]
for cents in [3, 88, 199]:
    print(f"{cents / 100:.2f} EUR:", min_coins(cents, euros))
