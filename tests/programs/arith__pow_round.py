# pow, round, abs and conversions between int and float.
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(2, 0.5))
print(pow(5, 3, 7), pow(3, -1, 7), pow(10, 20, 97))
print(2 ** -2, 10 ** 0, 0 ** 0, (-1) ** 5)
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005]:
    print(x, round(x), round(x, 1), round(x, 2))
for n in [1234, 1250, 1350, -1250, 15, 25]:
    print(n, round(n, -1), round(n, -2))
print(round(3.14159, 3), round(2.0), type(round(2.7)), type(round(2.7, 1)))
print(int(3.9), int(-3.9), int("42"), int("-17"), int("  8 "), int("ff", 16), int("0b101", 2), int("z", 36))
print(float("3.5"), float("-1e3"), float("inf"), float(" 2 "), float(7))
print(abs(-2.5), abs(3), abs(-0.0))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    int("3.5")
except ValueError as e:
    print("ValueError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
