# Money with decimal: prices, tax, quantize to cents, sums, splitting a bill.
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, getcontext

CENT = Decimal("0.01")
prices = {"coffee": Decimal("3.45"), "bagel": Decimal("2.10"), "juice": Decimal("4.99")}
order = [("coffee", 3), ("bagel", 2), ("juice", 1)]
subtotal = sum((prices[name] * qty for name, qty in order), Decimal(0))
print("subtotal", subtotal, repr(subtotal))
tax_rate = Decimal("0.0825")
tax = (subtotal * tax_rate).quantize(CENT, rounding=ROUND_HALF_UP)
print("tax", subtotal * tax_rate, "->", tax)
total = subtotal + tax
print(f"total {total} | {total:>10} | {total:,.2f} | {total:.1f}")

# float versus Decimal
print(0.1 + 0.2, Decimal("0.1") + Decimal("0.2"), Decimal(0.1) + Decimal(0.2))
print(sum([Decimal("0.10")] * 10), sum([0.1] * 10))

# banker's rounding versus half-up on the halfway cents
for s in ["2.675", "2.665", "0.125", "0.135", "-1.005", "1.995"]:
    d = Decimal(s)
    print(s, d.quantize(CENT, ROUND_HALF_UP), d.quantize(CENT, ROUND_HALF_EVEN),
          d.quantize(CENT, ROUND_DOWN), round(d, 2), round(float(s), 2))

# splitting a bill: the remainder cents go to the first payers
bill = Decimal("100.00")
people = 3
share = (bill / people).quantize(CENT, ROUND_DOWN)
left = bill - share * people
shares = [share + CENT if i < int(left / CENT) else share for i in range(people)]
print(share, left, shares, sum(shares))

# compound interest, monthly, 5 years
balance = Decimal("1000.00")
monthly = Decimal("0.05") / 12
for month in range(60):
    balance = (balance * (1 + monthly)).quantize(CENT, ROUND_HALF_EVEN)
print("balance", balance, (Decimal("1000") * (1 + monthly) ** 60).quantize(CENT))

# a ledger of strings, totals per category, formatted report
ledger = """2024-01-03,food,-12.50
2024-01-04,salary,2500.00
2024-01-05,food,-7.25
2024-01-09,rent,-950.00
2024-01-12,food,-30.10"""
totals = {}
for line in ledger.splitlines():
    date, cat, amount = line.split(",")
    totals[cat] = totals.get(cat, Decimal("0")) + Decimal(amount)
for cat in sorted(totals):
    print(f"{cat:<8}{totals[cat]:>12,.2f}")
print(f"{'net':<8}{sum(totals.values()):>12,.2f}")
print(max(totals.values()), min(totals.values()), sorted(totals.values()))
print(int(Decimal("19.99")), float(Decimal("19.99")), Decimal("19.99") * 100, int(Decimal("19.99") * 100))
print(Decimal("10") / Decimal("4"), Decimal("10") // Decimal("4"), Decimal("10") % Decimal("4"), divmod(Decimal("-10"), 4))
print(getcontext().prec, Decimal(1) / Decimal(3) * 3)
