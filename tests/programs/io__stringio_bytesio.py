import io
s = io.StringIO()
s.write("hello ")
s.write("world\n")
print("line 2", 42, file=s)
s.writelines(["a\n", "b\n"])
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.read(4)), s.tell())
print(s.readlines())
s.seek(0)
for i, line in enumerate(s):
    print(i, repr(line))
with io.StringIO("x,y\n1,2\n3,4\n") as f:
    header = f.readline().strip().split(",")
    rows = [dict(zip(header, l.strip().split(","))) for l in f]
print(header, rows, f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
t = io.StringIO("hello")
print(t.read(2), t.tell(), t.truncate(), repr(t.getvalue()), repr(t.read()), t.truncate(1), t.tell(), repr(t.getvalue()))
t.seek(6); t.write("!"); print(repr(t.getvalue()), t.tell(), t.seek(0, 2))
print(io.StringIO('a\r\nb\rc\n', newline='').readlines(), io.StringIO('a\r\nb\rc\n').readlines())
print(repr(io.StringIO('a\r\nb\rc\n', newline=None).getvalue()))
u = io.StringIO(newline='\r\n'); u.write('x\ny'); print(repr(u.getvalue()))
print(io.StringIO('a\nbb\nc\n').readlines(3), io.StringIO('abc\ndef').readline(2))
for bad in (lambda: t.seek(-1), lambda: t.seek(1, 1), lambda: t.seek(0, 3), lambda: t.write(5),
            lambda: io.StringIO(5), lambda: t.truncate(-1), lambda: t.fileno(), lambda: io.StringIO(newline='x')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(type(io.StringIO()), type(io.BytesIO()))
b = io.BytesIO(b"abc")
print(b.read(), b.tell(), b.seek(1), b.read(1), b.seek(-1, 2), b.read())
b.seek(0, 2); b.write(b"\x00\xffdef\n"); b.write(b"gh\n")
print(b.getvalue(), len(b.getvalue()))
b.seek(0)
print(list(b), b.readline())
b.seek(6); b.write(b'Z'); print(b.getvalue())
b2 = io.BytesIO(); b2.seek(3); b2.write(b'x'); print(b2.getvalue(), b2.tell())
for bad in (lambda: b.write("s"), lambda: b.seek(-3), lambda: b.seek(0, 5), lambda: io.BytesIO("x")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with io.BytesIO(b"data") as bb:
    print(bb.read(2), bb.readable(), bb.writable(), bb.seekable())
print(bb.closed)
def report(out=None):
    print("total:", 3, file=out)
buf = io.StringIO()
report(buf)
report(buf)
print(buf.getvalue().splitlines())
