# Floor division, modulo and divmod with every sign combination, and errors caught.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (9, 3), (1, 10)]
for a, b in pairs:
    q, r = divmod(a, b)
    print(f"{a:>3} // {b:>2} = {a // b:>3}   {a:>3} % {b:>2} = {a % b:>3}   check {q * b + r == a}")
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (5, 0.5)]:
    print(a, b, a // b, a % b, divmod(a, b))
for a, b in [(1, 0), (1.5, 0), (0, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    divmod(3, 0)
except ZeroDivisionError as e:
    print("divmod:", e)
minutes = 135
print(f"{minutes // 60}h {minutes % 60}m")
seconds = 98765
print(seconds // 3600, (seconds % 3600) // 60, seconds % 60)
print(-1 % 7, -8 % 7, 13 % 7, 2 ** 31 % 1000)
