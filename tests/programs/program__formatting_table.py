# Printing aligned tables with f-strings, str methods and %-formatting.
products = [
    ("Widget", 4, 3.5),
    ("Gadget with a long name", 1, 129.99),
    ("Nut", 250, 0.02),
    ("Bolt", 100, 0.1),
    ("Café crème", 2, 4.75),
]
name_width = max(len(p[0]) for p in products)
header = f"{'Item':<{name_width}} | {'Qty':>5} | {'Price':>8} | {'Total':>10}"
print(header)
print("=" * len(header))
grand = 0
for name, qty, price in products:
    total = qty * price
    grand += total
    print(f"{name:<{name_width}} | {qty:>5} | {price:>8.2f} | {total:>10,.2f}")
print("-" * len(header))
print(f"{'TOTAL':<{name_width}} | {sum(p[1] for p in products):>5} | {'':>8} | {grand:>10,.2f}")
print()
print("%-10s|%6s|%8s" % ("Name", "Count", "Share"))
counts = {"apples": 17, "bananas": 3, "cherries": 120}
total = sum(counts.values())
for k, v in counts.items():
    print("%-10s|%6d|%7.1f%%" % (k, v, 100 * v / total))
print()
for n in range(1, 11):
    print(f"{n:>3} {n ** 2:>5} {n ** 3:>6} {2 ** n:>6} {n ** 0.5:>8.4f} {1 / n:>10.6f}")
print()
print("+" + "-" * 20 + "+")
for line in ["centered", "text in", "a box"]:
    print("|" + line.center(20) + "|")
print("+" + "-" * 20 + "+")
print(f"{'left':<8}|{'mid':^8}|{'right':>8}|")
print(f"{'=':=^26}")
