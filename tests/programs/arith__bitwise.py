# Bitwise operators, shifts, bin/hex formatting.
for n in [0, 1, 5, 12, 255, -1, -6]:
    print(n, bin(n), hex(n), n & 3, n | 8, n ^ 5, ~n, n << 2, n >> 1)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ
flags |= EXEC
print("flags", flags, bin(flags))
print("can read", bool(flags & READ), "can write", bool(flags & WRITE))
flags &= ~EXEC
print("after clearing exec", flags)
count = 0
n = 0b1011_0110
while n:
    count += n & 1
    n >>= 1
print("bits set:", count)
print(1 << 10, 1 << 40, -16 >> 2, 7 >> 5)
print(f"{173:b} {173:08b} {173:x} {173:X} {173:o} {173:#x} {173:#b} {173:#o}")
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
print(True & False, True | False, True ^ True)
