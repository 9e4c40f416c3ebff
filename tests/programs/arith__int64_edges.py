# Arithmetic at the edge of the machine-word fast path: results must spill into big ints
# exactly as CPython's ints do (found by the fuzzer: -2**63 << n overflowed a negation).
x = -9223372036854775807 - 1
print(x << 3, x << 0, -x, abs(x), x // -1, x % -1, divmod(x, -1), x * -1, -x - 1)
print(x ** 1, x >> 70, ~x, x + x, x - 1, round(x, -2), int(str(x)), hash(x), hex(x))
y = 9223372036854775807
print(y + 1, y * y, y << 1, -y - 2, y ** 2 // y, (y + 1) // 2, 2 ** 63 - 1 == y)
