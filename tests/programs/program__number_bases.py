# Converting numbers between bases by hand and with built-ins.
DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
def to_base(n, base):
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(DIGITS[r])
    return sign + "".join(reversed(out))
def from_base(text, base):
    value = 0
    for ch in text.upper():
        value = value * base + DIGITS.index(ch)
    return value
for n in [0, 5, 10, 255, 1000, -42, 2 ** 32, 123456789]:
    print(f"{n:>11}  bin {to_base(n, 2):>34}  oct {to_base(n, 8):>12}  hex {to_base(n, 16):>9}  b36 {to_base(n, 36)}")
    assert to_base(n, 2) == (bin(n)[2:] if n >= 0 else "-" + bin(n)[3:])
print(from_base("FF", 16), from_base("777", 8), from_base("101010", 2), from_base("ZZ", 36), int("zz", 36))
print(hex(48879), bin(5), int("0b1111", 0), int("0o17", 0), int("0xff", 0), int("1_000", 0))
print(f"{48879:#x} {48879:#o} {48879:#b} {48879:X}")
def twos_complement(n, bits=8):
    return format(n & (2 ** bits - 1), f"0{bits}b")
print([twos_complement(n) for n in [0, 1, -1, 127, -128, 5, -5]])
ip = "192.168.1.254"
packed = 0
for part in ip.split("."):
    packed = packed * 256 + int(part)
print(ip, packed, hex(packed), ".".join(str((packed >> s) & 255) for s in (24, 16, 8, 0)))
