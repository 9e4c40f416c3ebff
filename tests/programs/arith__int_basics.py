# Integer arithmetic: the four operations, precedence, augmented assignment.
a = 17
b = 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
print(a ** 2, 2 ** 10, (-2) ** 3, -2 ** 2)
print(1 + 2 * 3, (1 + 2) * 3, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(10 - 3 - 2, 100 / 10 / 5, 2 * 3 % 4)
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 2
print(x)
x //= 5
print(x)
x **= 3
print(x)
x %= 7
print(x)
x /= 2
print(x)
print(abs(-42), abs(0), -(-7), +3)
print(7 / 7, 0 / 5, 1 / 3)
for i in range(-5, 6):
    print(i, i // 3, i % 3, divmod(i, 3), divmod(i, -3))
print(type(3), type(3 / 1), type(3 // 1))
print(0 == -0, 5 != 5.0, 1_000_000 + 1)
print(0b1010, 0o17, 0xff, 0XAB)
