# array.array errors: every typecode's range checks and conversion errors with CPython's messages, bad typecodes, wrong argument types.
from array import array
a = array('i', [1, 2, 3])
for s in ['a[5]', 'a[5] = 1', 'del a[5]', 'a["x"]', 'a["x"] = 1', 'a[0:1] = [1]', 'a[0:1] = array("d", [1])', 'a[::2] = array("i", [1])',
          'a.pop(9)', 'array("i").pop()', 'a.remove(9)', 'a.index(9)', 'a.extend(array("d"))', 'a.extend(5)', 'a.frombytes(b"abc")',
          'a.fromlist((1,))', 'a + [1]', 'a + array("d")', 'a * "x"', 'a < [1]', 'array(1)', 'array("x")', 'array("ab")', 'array("i", "ab")',
          'array("u", [1])', 'array("i", 5)', 'a.tounicode()', 'array("u", "ab").fromunicode(5)', 'a.fromunicode("x")', 'hash(a)',
          'a.insert(0, "x")', 'a.append()', 'a.count()', 'a.index(1, 5)', 'array("i", array("u", "a"))', 'array("u", array("i"))',
          'a.frombytes("x")', 'a.tobytes(1)', 'a[1.5]', 'array("b", [1]).__iadd__([1])', 'a.fromlist([1, "x"])', 'a[0] = 2 ** 40',
          'array("i", typecode="i")', 'a.insert(1.5, 1)', 'a.pop("x")', 'array("f", ["1"])', 'array("d", [1j])', 'a[::0]']:
    try:
        exec(s)
        print(s, 'ok', a)
    except Exception as e:
        print(s, '->', type(e).__name__ + ':', e)
for tc in 'bBhHiIlLqQfdu':
    print(tc, repr(array(tc)))
    for v in [2 ** 64, -2 ** 64, 2 ** 7, -129, 256, -1, 1.5, 'a', None, 2 ** 31, 2 ** 32, 2 ** 63, 65536, True, -2 ** 31 - 1, 2 ** 15, -2 ** 15 - 1]:
        try:
            r = repr(array(tc, [v]))
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print('  ', repr(v), r)
class Index:
    def __index__(self):
        return 200
print(array('B', [Index()]), array('d', [Index()]))
try:
    array('b', [Index()])
except OverflowError as e:
    print('OverflowError', e)
