items = [("Coffee", 3.5, 2), ("Bagel", 2.25, 3), ("Orange juice", 4.0, 1)]
print(f"{'Item':<15}{'Price':>8}{'Qty':>5}{'Total':>9}")
print("-" * 37)
grand = 0
for name, price, qty in items:
    total = price * qty
    grand += total
    print(f"{name:<15}{price:>8.2f}{qty:>5}{total:>9.2f}")
print(f"{'TOTAL':<28}{grand:>9.2f}")
print("{0} + {0} = {1}".format(2, 4), "{name} is {age}".format(name="Al", age=30))
print("%-6s|%6.3f|%04d|%x|%o|%e" % ("pi", 3.14159, 42, 255, 8, 12345.678))
n = 1234567.891
print(f"{n:,.2f} {n:_.1f} {n:e} {n:.3g} {0.25:.0%} {42:b} {42:#x} {-7:+d}")
print(f"{'center':*^20}", f"{3:03}", f"{'x'!r:>5}", f"{12:>{6}}")
import math
print(f"{math.pi=:.4f}", f"{len('abc') * 2 = }")
print("|".join(s.center(7) for s in ["a", "bb", "ccc"]))
print("Name: {:10}|".format("Bo"), "{:^9.3}".format("formatting"))
print(format(1e-7, ".2e"), format(123.456, "010.2f"), format(True), str(1/3), repr(0.1 + 0.2))
