# memoryview over bytes and bytearray: item access, write-through slices, exports, release, casts, equality, struct and io.
b = bytearray(b'abcdef')
m = memoryview(b)
print(len(m), m[0], m[-1], m.tobytes(), m.tolist()[:3], m.nbytes, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
m[0] = 65
print(b)
s = m[1:4]
s[0] = 66
print(b, s.tobytes(), bytes(s), s == b'Bcd', m[::2].tobytes(), m[::-1].tolist())
m[2:4] = b'XY'
print(b, m.obj is b)
try:
    b.append(1)
except BufferError as e:
    print('BufferError', e)
m.release(); s.release()
b.append(1); print(b)
print(repr(m)[:10])
try:
    m[0]
except ValueError as e:
    print('ValueError', e)
with memoryview(b'xyz') as v:
    print(v[1], v.readonly, hash(v) == hash(b'xyz'), v == b'xyz', v == memoryview(b'xyz'), v != b'xy')
print(repr(v)[:10])
c = memoryview(b'\xff\x01').cast('b')
print(c.tolist(), c.format, memoryview(b'ab').cast('c').tolist(), c == b'\xff\x01', memoryview(b'ab').hex())
print(list(memoryview(b'ab')), 97 in memoryview(b'ab'), b'x' + memoryview(b'y'), bytearray(memoryview(b'q')))
import struct
buf = bytearray(8)
struct.pack_into('<HH', buf, 2, 1, 2)
print(buf, struct.unpack_from('<H', buf, 2), struct.unpack(b'<H'.decode(), bytearray(b'\x01\x00')), struct.unpack('<H', memoryview(b'\x02\x00')))
print(b'abc'.decode(), bytearray(b'\xc3\xa9').decode('utf-8'), str(bytearray(b'x'), 'ascii'))
for stmt in ['memoryview(b"ab")[0] = 1', 'memoryview(1)', 'memoryview(bytearray(2))[0] = 300', 'memoryview(bytearray(2))[0:1] = b"ab"',
             'hash(memoryview(bytearray(1)))', 'memoryview(b"a") < memoryview(b"a")', 'memoryview(b"abc").cast("i")', 'memoryview(b"a").cast("x")',
             'memoryview(b"a")[1.5]', 'memoryview(b"a")[3]', 'del memoryview(bytearray(1))[0]']:
    try:
        exec(stmt)
    except Exception as e:
        print(stmt, type(e).__name__, e)
import io, os
b = io.BytesIO()
b.write(bytearray(b'ab')); b.write(memoryview(b'cd'))
print(b.getvalue(), bytes(b.getbuffer()), len(b.getbuffer()))
with open('_mv_test.bin', 'wb') as f:
    print(f.write(bytearray(b'xyz')), f.write(memoryview(b'12')))
with open('_mv_test.bin', 'rb') as f:
    print(f.read())
print(b'xyz'.startswith(bytearray(b'x')), b'a b'.split(bytearray(b' ')), b'abc'.replace(bytearray(b'b'), memoryview(b'Q')))
print(bytearray(b'abc').split(), bytearray(b'ab')[0:1] == b'a', hash(b'ab') == hash(bytes(bytearray(b'ab'))))
os.remove('_mv_test.bin')
# memoryview casts between byte and native formats: item access, writes, slicing, equality, struct buffers.
import struct
b = bytearray(range(16))
m = memoryview(b)
for fmt in 'BbchHiIlLqQnNfd?':
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist() if fmt != 'f' else [round(x, 3) for x in c.tolist()], c[0] if fmt != 'f' else 0, c[-1] if fmt not in 'fd' else 0)
h = m.cast('H')
h[0] = 65535
h[1] = 2
print(b[:4], h[::2].tolist(), h[1:3].tobytes(), h[::-1][0], list(h)[:3], 2 in h, h[::2].nbytes, h[::2].strides, h[::2].contiguous)
d = memoryview(bytearray(16)).cast('d')
d[0] = 1.5
d[1] = 7
print(d.tolist(), d == memoryview(struct.pack('dd', 1.5, 7.0)).cast('d'), d.cast('B')[:8].tolist(), d.obj)
q = memoryview(bytearray(8)).cast('q')
q[0] = -2
print(q.tolist(), q.cast('B').cast('Q').tolist(), q.tobytes(), q.hex())
bb = memoryview(bytearray(4)).cast('?')
bb[0] = 5
bb[1] = []
print(bb.tolist(), memoryview(b'\x01\x02').cast('c').tolist(), memoryview(b'ab').cast('c') == b'ab', memoryview(b'\x01\x00') == memoryview(b'\x01\x00').cast('H'))
print(memoryview(b'\x01\x00\x02\x00').cast('H') == memoryview(b'\x01\x00\x02\x00').cast('H'), memoryview(b'\x00\x00\x80\x3f').cast('f') == memoryview(b'\x01').cast('B') , memoryview(b'\x01\x00').cast('h') == [1])
h2 = memoryview(bytearray(8)).cast('H')
h2[0:2] = memoryview(bytearray(b'\x01\x00\x02\x00')).cast('H')
print(h2.tolist())
bx = bytearray(8)
struct.pack_into('<I', memoryview(bx).cast('H'), 2, 7)
print(bx, struct.unpack_from('<H', memoryview(bx).cast('H'), 2))
for s in ['m.cast("H").cast("i")', 'm[::2].cast("B")', 'memoryview(b"abc").cast("H")', 'h[0] = 65536', 'h[0] = -1', 'h[0] = 1.5', 'd[0] = "x"', 'q[0] = 2**63',
          'memoryview(bytearray(4)).cast("i")[0] = 2**31', 'h[0:1] = b"ab"', 'h[0:1] = memoryview(bytearray(2)).cast("h")', 'hash(memoryview(b"ab").cast("H"))',
          'memoryview(b"abcd").cast("e")', 'struct.unpack_from("B", memoryview(bytearray(4))[::2], 0)', 'struct.pack_into("B", memoryview(bytearray(4))[::2], 0, 1)',
          'memoryview(bytearray(2)).cast("c")[0] = b"ab"', 'memoryview(bytearray(2)).cast("c")[0] = 1', 'memoryview(bytearray(2)).cast("b")[0] = 128', 'memoryview(bytearray(2)).cast("b")[0] = -128']:
    try:
        exec(s)
        print(s, 'ok')
    except Exception as e:
        print(s, type(e).__name__, e)
