# bytearray: construction, mutation, slicing, bytes methods returning bytearray, operators, errors.
b = bytearray(b'hello world')
print(b, len(b), b[0], b[-1], b[1:4], b[::-2])
b[0] = 72
b[1:3] = b'EY'
print(b)
b[0:0] = [1, 2]
print(b)
del b[0]
del b[0:1]
print(b)
del b[::2]
print(b)
b.append(33); b.extend(b'??'); b.extend([65, 66]); b.insert(0, 90); b.insert(-1, 89)
print(b, b.pop(), b.pop(0), b)
b.remove(33); print(b)
b.reverse(); print(b); c = b.copy(); c.clear(); print(b, c)
x = bytearray(3); print(x, bytearray([1,2,3]), bytearray('héllo', 'utf-8'), bytearray(range(5)))
print(bytearray(b'a,b,c').split(b','), bytearray(b'  x ').strip(), bytearray(b'abc').upper())
print(bytearray(b'abc').find(b'c'), b'abc'.find(bytearray(b'b')), bytearray(b'abc').decode())
print(bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b')
print(bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'), bytearray(b'ab') * 3, 2 * bytearray(b'x'))
y = bytearray(b'ab'); z = y; y += b'cd'; y *= 2; print(z, z is y)
print(bytearray.fromhex('de ad be ef'), bytes.fromhex('0a0b'), bytearray(b'\xde\xad').hex(), bytearray(b'abc').hex(':'))
print(bytes(bytearray(b'xy')), b'-'.join([bytearray(b'a'), b'b', memoryview(b'c')]), bytearray(b'-').join([b'a', b'b']))
print(b'b' in bytearray(b'abc'), 98 in bytearray(b'abc'), bytearray(b'b') in b'abc')
print(list(bytearray(b'ab')), type(iter(bytearray())).__name__)
print(bytearray(b'a').partition(b'x'), bytearray(b'abc').replace(b'b', b'XX'))
print(repr(bytearray(b"it's")), str(bytearray(b'q')), bytearray(), type(bytearray(b'').split()))
for stmt in ['hash(bytearray())', 'bytearray(b"x") + 1', 'bytearray(b"a").upper(1)', 'bytearray(5).pop("a")',
             'bytearray(1.5)', 'bytearray("x")', 'bytearray(b"a")[1.5]', '"a" in bytearray(b"a")', '300 in bytearray()',
             'bytearray(b"abc").index(b"z")', 'bytearray(-2)', 'bytearray(b"ab")[5]']:
    try:
        eval(stmt)
    except Exception as e:
        print(stmt, type(e).__name__, e)
print(isinstance(bytearray(), bytearray), bytearray.__name__, bytearray(b'ab').count(b'a'), bytearray(b'ab').startswith((b'a',)))
big = bytearray(b'0123456789')
big[2:8:3] = b'AB'
del big[-3:]
big[1:1] = memoryview(b'++')
print(big, big.rfind(b'A'), big.rsplit(b'+'), big.lstrip(b'0+'), big.endswith(bytearray(b'B')))
e = bytearray()
e += bytearray(b'z') + b'y'
e *= 0
print(e, len(e), bool(e), bool(bytearray(1)), sorted([bytearray(b'b'), bytearray(b'a')]))
print(bytearray(b'AbC').lower(), bytearray(b'12').isdigit(), bytearray(b'a1').isalnum(), bytearray(b' ').isspace())
print(bytearray(source=b'kw'), bytearray(b'x', ) != b'y', bytearray(b'a') >= bytearray(b'a'))
for stmt in ['bytearray(b"ab")[0:1] = 5', 'bytearray(b"ab")[::2] = b"xy"', 'bytearray(b"a").extend(5)',
             'bytearray(b"a").extend("s")', 'bytearray(b"a").append(256)', 'bytearray(b"a").insert(0, -1)',
             'bytearray().pop()', 'bytearray(b"a").pop(3)', 'bytearray(b"a").remove(9)', 'del bytearray(b"a")[4]',
             'bytearray(b"a")[2] = 1', 'bytearray(b"a")["x"] = 1', 'bytearray(b"a") < 3', 'bytearray.fromhex("a")',
             'bytearray(b"a") * "x"', 'bytearray("x", "ascii", "strict", 1)', 'bytearray(b"x", "utf-8")']:
    try:
        exec(stmt)
        print(stmt, 'ok')
    except Exception as e:
        print(stmt, type(e).__name__, e)
# The ASCII methods shared by bytes and bytearray.
for t in (bytes, bytearray):
    print(t(b'abc').isascii(), t(b'\xff').isascii(), t(b'').isascii(), t(b'ab1').islower(), t(b'AB1').isupper(), t(b'1').islower(), t(b'Ab Cd').istitle(), t(b'AB').istitle(), t(b'').istitle())
    print(t(b'hELLO wORLD 1a').capitalize(), t(b'hELLO').swapcase(), t(b"hello WORLD it's 3rd").title(), t(b'abc').removeprefix(b'ab'), t(b'abc').removesuffix(bytearray(b'bc')), t(b'abc').removeprefix(b''))
    print(t(b'ab').center(7), t(b'ab').center(6, b'*'), t(b'abc').center(6), t(b'a').ljust(4, bytearray(b'-')), t(b'a').rjust(3), t(b'abc').center(2), t(b'-12').zfill(6), t(b'+1').zfill(1), t(b'12').zfill(-3), t(b'').zfill(3))
    print(t(b'a\tbc\td\n\te').expandtabs(), t(b'a\tb').expandtabs(4), t(b'a\tb').expandtabs(tabsize=0), t(b'a\r\nb\rc\n\nd').splitlines(), t(b'a\r\nb\rc\n').splitlines(True), t(b'').splitlines(), t(b'x\n').splitlines(keepends=False))
for s in ['b"a".center()', 'b"a".center(5, "x")', 'b"a".center(5, b"xy")', 'b"a".center("5")', 'b"a".zfill()', 'b"a".zfill("x")', 'b"a".removeprefix("a")', 'b"a".removeprefix()',
          'b"a".isascii(1)', 'b"a".expandtabs("x")', 'b"a".splitlines(1,2)', 'bytearray(b"a").zfill()', 'bytearray(b"a").isascii(1)', 'bytearray(b"a").center(3, "x")']:
    try:
        print(s, repr(eval(s)))
    except Exception as e:
        print(s, type(e).__name__, e)
b = b'xyz'
print(b.center(2) is b, b.removeprefix(b'q') is b)
# A bytearray's iterator sees changes made while iterating.
b = bytearray(b'abc')
out = []
for x in b:
    out.append(x)
    if x == 97:
        b.append(100)
    if x == 100:
        del b[:]
print(out, b, type(iter(b)).__name__)
it = iter(bytearray(b'xy'))
print(next(it), next(it), next(it, 'end'), next(it, 'end'), list(iter(bytearray())))
b = bytearray(b'q')
it = iter(b)
print(list(it))
b.append(1)
print(next(it, 'end'))
# translate and maketrans.
for s in ['bytes.maketrans(b"ab", b"c")', 'bytes.maketrans("a", "b")', 'b"abc".translate(b"x")', 'b"abc".translate(None, b"b")', 'b"abc".translate(bytes.maketrans(b"a", b"z"), delete=b"c")',
          'bytearray(b"abc").translate(None)', 'b"a".translate()', 'bytearray.maketrans(b"a", b"b")[97]', 'b"a".translate(1)', 'b"a".translate(None, 1)', 'bytes.maketrans(b"a")',
          'bytearray(b"hello").translate(bytes.maketrans(b"lo", b"01"), b"h")', 'b"x".translate(bytearray(256))', 'b"abc".maketrans(bytearray(b"a"), memoryview(b"b"))[:100]']:
    try:
        print(s, repr(eval(s)))
    except Exception as e:
        print(s, type(e).__name__, e)
