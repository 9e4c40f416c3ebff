# Format specifications in f-strings: alignment, sign, width, grouping, types.
n = 1234567
x = -98.7654
print(f"[{n}] [{n:,}] [{n:_}] [{n:>12,}] [{n:<12}] [{n:^12}] [{n:+}] [{n:e}]")
print(f"[{x}] [{x:.1f}] [{x:8.2f}] [{x:+.3f}] [{x: .2f}] [{abs(x):.0f}] [{x:.2e}]")
print(f"[{'text':10}] [{'text':>10}] [{'text':^10}] [{'text':*^10}] [{'text':.2}]")
print(f"[{255:x}] [{255:#X}] [{255:08b}] [{255:o}] [{65:c}] [{0.25:.0%}]")
print(f"[{7:03}] [{-7:03}] [{7:=+5}] [{-3.5:=8.2f}] [{3:<03}]")
print(f"[{True:>6}] [{None!s:>6}] [{[1, 2]!s:>8}]")
print(f"[{1e-7:f}] [{1e-7}] [{123456789.123:,.2f}] [{0.1:.20f}]")
print(f"[{12.0:g}] [{0.0001:g}] [{12345678.0:g}] [{1.5:G}]")
rows = [("Alice", 93.456, 1), ("Bob", 7.1, 22), ("Charlotte", 100.0, 333)]
print(f"{'Name':<10}|{'Score':>8}|{'Rank':>5}")
print("-" * 25)
for nm, score, rank in rows:
    print(f"{nm:<10}|{score:>8.2f}|{rank:>5d}")
try:
    print(f"{'abc':d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{3.5:d}")
except ValueError as e:
    print("ValueError:", e)
