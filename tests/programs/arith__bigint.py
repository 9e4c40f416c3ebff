# Arbitrary-precision integers.
print(2 ** 64, 2 ** 100, -(2 ** 70))
print(2 ** 200)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)), f % 1000007, f // 10 ** 60)
big = 123456789012345678901234567890
print(big * big)
print(big // 987654321, big % 987654321)
print(-big // 7, -big % 7)
print(divmod(big, -12345))
print(big - big, big + 1, big == 123456789012345678901234567890)
print(2 ** 64 - 1 == 18446744073709551615, 2 ** 63 > 2 ** 62 * 1.5)
print(int("9" * 50) + 1)
print(hex(2 ** 100), bin(2 ** 70 + 1))
print(pow(3, 200), pow(3, 200, 1000000007))
print(abs(-(10 ** 30)), 10 ** 30 // 3)
print(sum(range(10 ** 5)), sum([2 ** i for i in range(100)]))
x = 1
for _ in range(10):
    x = x * 1000003 + 17
print(x)
print(len(bin(x)) - 2)
print(10 ** 20 / 3, (10 ** 20) // 3)
print(float(2 ** 80), int(1e20), int(2.5e30))
print(-(2 ** 65) >> 3, (2 ** 65) << 5, (2 ** 65 - 1) & 0xFFFF, (2 ** 65) | 1, (2 ** 65) ^ (2 ** 64))
print(~(2 ** 70))
print(max(2 ** 70, 2 ** 69 * 3), min(-(2 ** 70), 5))
