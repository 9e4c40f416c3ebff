# array.array: construction from lists/bytes/str/arrays, list-like methods, slicing, operators, comparisons, bytes round trips, repr.
from array import array
import array as array_module
import copy
a = array('i', [1, 2, 3])
print(a == array('d', [1, 2, 3]), a < array('i', [1, 3]), a == [1, 2, 3], 2 in a, 7 in a, a.index(2), a.count(2))
print(list(reversed(a)), a[::-1], a * 2, 2 * a, a + a, a * 0, a[1], a[-1], a[5:], a[1:2])
print(array('u', 'hi'), array('d', [1.5, 2]), array('f', [0.1]), array('f', [1e40, -1e40]), repr(array('b')), str(a), array('u'))
print(array_module.typecodes, array_module.ArrayType is array, type(a), type(a).__module__, array.__name__)
print(a.itemsize, a.typecode, len(a), a.tobytes(), array('h', b'\x01\x00\x02\x00'), array('u', 'ab').tounicode(), array('u', 'ab').tobytes())
b = array('i', [5, 6, 7, 8, 9])
del b[1:3]
b[0:1] = array('i', [1, 2, 3])
b.insert(-1, 0)
b.insert(100, 11)
b.insert(-100, 12)
b.reverse()
b += array('i', [4])
b *= 2
print(b)
print(b.pop(), b.pop(0), b.pop(2), b, b.tolist(), sorted(b), sum(b), max(b))
b.remove(8)
b[::2] = array('i', range(len(b[::2])))
del b[::3]
print(b, b[::-2])
c = array('d', [1])
c.fromlist([2.5, 3])
c.frombytes(array('d', [9]).tobytes())
c.frombytes(bytearray(array('d', [10]).tobytes()))
c.extend([7])
c.extend(array('d', [8]))
c.extend(x / 2 for x in range(3))
print(c, c[1:3], array('i', range(5))[::2], c.index(3.0), c.index(7.0, 2, 7))
print(copy.copy(a), copy.deepcopy(a), array('Q', [2 ** 64 - 1]), array('q', [-2 ** 63]), array('I', [2 ** 32 - 1]), array('B', [255]), array('b', [-128]), array('L', [2 ** 64 - 1]))
for tc in 'bBhHiIlLqQfdu':
    x = array(tc, 'ab' if tc == 'u' else [1, 2])
    y = array(tc, x.tobytes())
    if tc != 'u':
        x.byteswap()
    print(tc, x.itemsize, y, y == array(tc, y), x.tobytes().hex(), list(y))
nan = float('nan')
print(array('d', [nan]) == array('d', [nan]), array('d', [1, nan]) < array('d', [2, nan]), array('i', [1, 2]) <= array('i', [1, 2]),
      array('i', [1, 2]) > array('i', [1]), array('b', [3]) >= array('d', [3.5]), array('i') == array('d'), array('i', [1]) != array('i', [1]))
u = array('u', 'hello')
u.fromunicode(' world')
u[0] = 'H'
u.append('!')
print(u, u.tounicode(), len(u), u.count('l'), array('u', u), u[1:4].tounicode())
it = array('i', [1, 2, 3])
seen = []
for v in it:
    seen.append(v)
    if v == 1:
        it.append(4)
print(seen, list(iter(array('H', [7, 8]))), [v * 2 for v in array('f', [0.5, 1.25])])
big = array('i', range(1000))
big[100:900] = array('i')
print(len(big), big[99:102], sum(big), array('B', b'\x00\xff') + array('B', [1]))
