from decimal import Decimal, ROUND_HALF_UP, getcontext

prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.10")]
subtotal = sum(prices)
tax = (subtotal * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(subtotal, tax, subtotal + tax)
print(0.1 + 0.2, Decimal("0.1") + Decimal("0.2"), Decimal(0.1))
monthly = Decimal("0.05") / 12
balance = Decimal("1000")
for month in range(1, 4):
    balance = (balance * (1 + monthly)).quantize(Decimal("0.01"))
    print(month, balance)
rate = Decimal("0.04")
years = Decimal(10)
print("continuous:", (Decimal(5000) * (rate * years).exp()).quantize(Decimal("0.01")))
print("doubling time:", (Decimal(2).ln() / (1 + rate).ln()).quantize(Decimal("0.1")))
print("cube root of 2:", Decimal(2) ** (Decimal(1) / 3))
getcontext().prec = 10
print(Decimal(1) / 7, Decimal(2).sqrt(), Decimal(10).log10(), Decimal("1E+3").log10())
print(f"{Decimal('1234.5678'):,.2f}", round(Decimal("2.5")), Decimal("3.14159").as_tuple())
