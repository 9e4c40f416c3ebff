with open("scores.csv", "w") as f:
    print(f, f.name, f.mode, f.closed, f.encoding)
    f.write("name,score\n")
    n = f.write("ada,90\nbob,75\r\n")
    print(n)
    f.writelines(["cy,60\n", "dee,88"])
print(f.closed)
with open("scores.csv") as f:
    header = f.readline()
    print(repr(header))
    for line in f:
        print(repr(line))
    print(repr(f.read()), f.tell())
with open("scores.csv", newline="") as f:
    print(f.readlines())
with open("scores.csv", "rb") as f:
    print(f, f.read(5), f.tell(), f.readline(), f.read())
with open("scores.csv", "a") as f:
    f.write("\neve,99\n")
print(open("scores.csv").read().splitlines())
with open("data.bin", "wb") as f:
    print(f, f.write(bytes(range(5))), f.tell())
with open("data.bin", "r+b") as f:
    print(f)
    f.seek(2)
    f.write(b"XY")
    f.seek(0)
    print(f.read())
f = open("notes.txt", "w")
f.write("left open\n")
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(e, e.errno, e.filename)
try:
    open("scores.csv", "x")
except FileExistsError as e:
    print(e)
for bad in ["rw", "q", "rr", "tb", ""]:
    try:
        open("scores.csv", bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    open("scores.csv", "rb", encoding="utf-8")
except ValueError as e:
    print(e)
g = open("scores.csv")
try:
    g.write("x")
except Exception as e:
    print(type(e).__name__, e)
g.close()
try:
    g.read()
except ValueError as e:
    print(e)
h = open("scores.csv", "w")
try:
    h.read()
except Exception as e:
    print(type(e).__name__, e)
h.close()
with open("latin.txt", "wb") as f:
    f.write(b"caf\xe9\n")
print(open("latin.txt", encoding="latin-1").read())
try:
    open("latin.txt").read()
except UnicodeDecodeError as e:
    print(e)
print(open("latin.txt", errors="replace").read())
try:
    open(".")
except IsADirectoryError as e:
    print(e)
print(sum(1 for _ in open("scores.csv")))
