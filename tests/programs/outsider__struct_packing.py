import struct

record = struct.pack("<I2sHd", 1024, b"OK", 7, 3.5)
print(record, len(record), struct.calcsize("<I2sHd"), struct.calcsize("I2sHd"))
print(struct.unpack("<I2sHd", record))
header = struct.Struct(">HHI")
packed = header.pack(1, 2, 0xDEADBEEF)
print(packed.hex(), header.size, header.unpack(packed))
points = b"".join(struct.pack("<hh", x, -x) for x in range(3))
print(list(struct.iter_unpack("<hh", points)))
print(struct.pack("!f", 1.5), struct.unpack("<q", struct.pack("<q", -2 ** 63)))
buf = bytearray(8)
struct.pack_into("<ii", buf, 0, 7, -7)
print(buf, struct.unpack_from("<i", buf, 4))
print(struct.pack("?bB", True, -1, 255), struct.pack("3s", b"abcdef"), struct.pack("c", b"z"))
for fmt, value in [("<h", 40000), ("B", -1), ("<i", 2.5)]:
    try:
        struct.pack(fmt, value)
    except struct.error as e:
        print("struct.error:", e)
