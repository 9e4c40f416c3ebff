import sys
with open("report.txt", "w") as out:
    print("total:", 3, file=out)
    print("a", "b", sep="-", end="!\n", file=out)
    out.write("tail")
print(repr(open("report.txt").read()))
with open("crlf.txt", "wb") as f:
    f.write(b"one\r\ntwo\rthree\nfour")
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open("crlf.txt", newline=nl) as f:
        print(repr(nl), f.readlines(), f.tell())
with open("crlf.txt") as f:
    print(repr(f.read(5)), f.tell(), repr(f.readline()))
    f.seek(0)
    print(repr(f.read()))
with open("w.txt", "w", newline="\r\n") as f:
    f.write("x\ny\n")
print(open("w.txt", "rb").read())
with open("u.txt", "w", encoding="utf-8") as f:
    f.write("héllo wörld\n")
    print(f.tell())
with open("u.txt", encoding="utf-8") as f:
    print(f.read(3), f.tell(), f.encoding)
words = {}
for line in open("report.txt"):
    for w in line.split():
        words[w] = words.get(w, 0) + 1
print(sorted(words.items()))
f = open("report.txt")
print(f.readable(), f.writable(), f.seekable())
f.close()
print(f.closed)
with open("report.txt", "a+") as f:
    f.write("\nmore")
    f.seek(0)
    print(repr(f.read()))
with open("report.txt", "r+") as f:
    print(repr(f.read(3)))
    f.seek(0)
    f.write("TOTAL")
print(repr(open("report.txt").read()))
open("nodir/x.txt", "w")
