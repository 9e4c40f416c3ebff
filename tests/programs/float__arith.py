# Float arithmetic and mixed int/float operations.
a = 7.5
b = 2
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b)
print(1 / 7, 22 / 7, 355 / 113)
print(2 ** 0.5, 10 ** -2, 4 ** 0.5, 8 ** (1 / 3))
print(0.1 * 3, 0.5 + 0.25, 1e10 + 1, 1e16 + 1)
total = 0.0
for i in range(1, 11):
    total += 1 / i
    print(i, total)
print(3 * 0.1 == 0.3, round(3 * 0.1, 10) == 0.3)
print(float(3), int(3.99), float("1.25") * 4)
print(7.0 // 2.0, -7.0 // 2.0, 7.0 % 2.5, -7.0 % 2.5)
print((1.5).is_integer(), (2.0).is_integer())
price = 19.99
qty = 3
print("total:", price * qty, round(price * qty, 2))
celsius = [-40, 0, 37, 100]
for c in celsius:
    print(c, "C =", c * 9 / 5 + 32, "F")
