# bytes % args and bytearray % args: conversions, mapping keys (bytes), %b/%s/%c/%a rules, errors.
class B:
    def __bytes__(self):
        return b"BB"
class I:
    def __index__(self):
        return 65
cases = [
    (b"%d-%s", (5, b"ab")), (b"%5.2f|%-6b|", (3.14159, b"xy")), (b"%x %X %o %#x", (255, 255, 8, 255)),
    (b"%c%c%c", (65, b"z", bytearray(b"q"))), (b"%r %a", ("h\xe9", b"x")), (b"%(a)s=%(b)d", {b"a": b"k", b"b": 3}),
    (b"%s", B()), (b"%s", memoryview(b"mv")), (b"%%", ()), (b"%5s|", b"ab"), (b"%.1s", (b"abc",)),
    (b"%s", "str"), (b"%c", 256), (b"%c", "x"), (b"%d %d", (1,)), (b"%d", (1, 2)), (b"%y", 1), (b"%s", 1),
    (bytearray(b"%s!"), b"ba"), (b"%c", I()), (b"%i", 3.9), (b"%s", (b"t",)), (b"%(a)s", {"a": b"strkey"}),
    (b"%s %s", [b"x", b"y"]), (b"%s", [b"x"]), (b"%e", 12345.678), (b"%g", 0.0001),
]
for fmt, args in cases:
    try:
        r = fmt % args
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)
