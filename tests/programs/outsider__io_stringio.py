import io
import sys

buf = io.StringIO()
print("first line", file=buf)
buf.write("second line\n")
print(repr(buf.getvalue()))
reader = io.StringIO("alpha\nbeta\ngamma\n")
print(reader.readline().strip(), [l.strip() for l in reader])
old = sys.stdout
sys.stdout = capture = io.StringIO()
print("captured!")
sys.stdout = old
print("got:", capture.getvalue().strip())
b = io.BytesIO()
b.write(b"\x00\x01binary")
b.seek(0)
print(b.read(2), b.read(), b.tell())
lines = io.StringIO("name,qty\npen,3\ncup,1\n").read().splitlines()
header, *rows = lines
print(header.split(","), [r.split(",") for r in rows])
s = io.StringIO()
s.write("hello")
s.seek(0)
s.write("J")
print(s.getvalue())
