import struct
# A fixed-size record format, as a binary file would hold it.
record = struct.Struct("<I10sHf?")
print(record.size, record.format)
people = [(1, b"ada", 36, 1.5, True), (2, b"grace", 45, 2.25, False), (3, b"alan-turing", 41, 0.1, True)]
blob = b"".join(record.pack(*p) for p in people)
print(len(blob), blob[:record.size].hex())
for ident, name, age, score, active in record.iter_unpack(blob):
    print(ident, name.rstrip(b"\0").decode(), age, round(score, 6), active)
print(struct.unpack_from("<H", blob, record.size + 14), struct.unpack_from("<I", blob, offset=-record.size))
for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d", "?", "c",
            "@ci", "=ci", "<ci", ">ci", "!ci", "ci0l", "3s", "3p", "2x i", "@bhiq", "<bhiq", "P"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack(">i", -2), struct.pack("<i", -2), struct.pack("!H", 513), struct.pack("@bh", 1, 2))
print(struct.pack(">q", -1), struct.pack("<Q", 2**64 - 1), struct.unpack("<Q", b"\xff" * 8), struct.unpack(">q", b"\xff" * 8))
print(struct.pack("<d", 3.14159).hex(), struct.unpack("<d", struct.pack("<d", 3.14159)))
print(struct.pack("<f", 0.1).hex(), struct.unpack("<f", struct.pack("<f", 0.1)))
for x in [0.1, -2.5, 65504.0, 1e-5, 1e-8, -0.0, float("inf"), 6.1e-05, 0.33325, 1.0009765625 + 2**-11]:
    h = struct.pack("<e", x)
    print(x, h.hex(), struct.unpack("<e", h))
print(struct.unpack("<e", b"\x00\x7e"), struct.unpack(">e", b"\xfc\x00"))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("4p", b"abcdef"), struct.unpack("4p", b"\x09abc"))
print(struct.pack("?", []), struct.pack("?", "x"), struct.unpack("??", b"\x00\x05"), struct.pack("c", b"z"))
print(struct.pack(b"<i", True), struct.unpack(">HH", b"\x01\x02\x03\x04"))
class Seven:
    def __index__(self):
        return 7
print(struct.pack("<i", Seven()), struct.pack("<d", 2), struct.pack("<q", -2**63))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\xff\xff")))
bad = [lambda: struct.pack("b", 200), lambda: struct.pack("B", -1), lambda: struct.pack("h", 40000),
       lambda: struct.pack("H", -1), lambda: struct.pack("i", 2**31), lambda: struct.pack("I", -1),
       lambda: struct.pack("<l", 2**31), lambda: struct.pack("<L", 2**32), lambda: struct.pack("l", 2**63),
       lambda: struct.pack("Q", -1), lambda: struct.pack("b", 2**70), lambda: struct.pack("i", "x"),
       lambda: struct.pack("i", 1.5), lambda: struct.pack("f", "x"), lambda: struct.pack("c", b"ab"),
       lambda: struct.pack("s", "a"), lambda: struct.pack("ii", 1), lambda: struct.pack("z", 1),
       lambda: struct.pack("3", 1), lambda: struct.unpack("i", b"ab"), lambda: struct.iter_unpack("i", b"abcde"),
       lambda: struct.iter_unpack("", b""), lambda: struct.pack("<n", 1), lambda: struct.pack("<e", 1e10),
       lambda: struct.pack("<f", 1e300), lambda: struct.unpack_from("i", b"abcdefg", 4),
       lambda: struct.unpack_from("i", b"abcdefg", -10), lambda: struct.pack(5, 1), lambda: struct.pack(),
       lambda: struct.unpack("i"), lambda: struct.unpack("i", "abcd"), lambda: struct.Struct(3.5)]
for f in bad:
    try:
        print(f())
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(struct.error.__mro__, struct.pack("f", 1e300))
