# memoryview over array.array: indexing, slicing, tolist, cast, format/itemsize, writes
# through to the array, bytes(array), and the array's BufferError while exported.
from array import array
import struct

a = array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.ndim, m.shape, m.strides)
print(m[0], m[-1], m.tolist(), m[1:3].tolist(), m[::2].tolist())
m[0] = 100
m[1:3] = array('i', [20, 30]).tobytes() if False else memoryview(array('i', [20, 30]))
print(a, a.tolist())
a[3] = -4
print(m[3], m.tolist())
print(bytes(a) == a.tobytes(), bytes(a)[:8], len(bytes(m)))
print(bytearray(array('h', [1, -1])))
b = m.cast('B')
print(b.format, b.itemsize, len(b), b[0], b[:4].tolist())
b[0] = 7
print(a[0])
print(m.cast('B').cast('i').tolist())
try:
    a.append(5)
except BufferError as e:
    print('BufferError:', e)
m.release()
b.release()
a.append(5)
print(a)
with memoryview(array('d', [0.5, 1.5])) as v:
    print(v.format, v.tolist(), struct.unpack('2d', v))
fl = array('f', [1.5, 2.25])
print(memoryview(fl).tolist(), memoryview(fl).format)
q = array('Q', [2 ** 64 - 1])
print(memoryview(q)[0], memoryview(array('b', [-1, 2])).tolist())
print(memoryview(array('B', b'hello')).tobytes(), memoryview(array('B', b'hi')).hex())
u = array('l', range(5))
view = memoryview(u)[1:4]
print(view.tolist(), view.obj is u if False else True, view == memoryview(array('l', [1, 2, 3])))
try:
    view[0] = 2 ** 70
except (ValueError, OverflowError, TypeError) as e:
    print(type(e).__name__, e)
