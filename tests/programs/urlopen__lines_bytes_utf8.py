# Reading text line by line, binary bytes, UTF-8 text and partial reads.
import sys
from urllib.request import urlopen
base = sys.argv[1]
with urlopen(base + "/lines/5") as response:
    text = response.read().decode()
for line in text.splitlines():
    print(line.upper())
print(len(text.splitlines()), text.count("line"))
with urlopen(base + "/bytes/300") as response:
    data = response.read()
print(len(data), data[0], data[1], data[255], data[256], data[-1], data[:5])
print(sum(data), max(data), list(data[250:260]))
with urlopen(base + "/utf8") as response:
    raw = response.read()
    text = raw.decode("utf-8")
print(len(raw), len(text), text.strip())
print(text.split()[2], [ord(c) for c in text if ord(c) > 127][:4])
with urlopen(base + "/lines/3") as response:
    first = response.read(7)
    rest = response.read()
print(first, rest)
with urlopen(base + "/bytes/100000") as response:
    big = response.read()
print(len(big), big[99999], big.count(b"\x00"))
