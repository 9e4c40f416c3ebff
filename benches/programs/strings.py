# String building and processing: concatenation, join, f-strings, % formatting, split,
# replace, case changes, slicing, find. Checksum: lengths and counts.
N = 40000  # quick: 2000

parts = []
for i in range(N):
    parts.append(f"item{i}:{i * 3 % 17}")
text = ",".join(parts)
acc = ""
for i in range(N // 4):
    acc += "ab"[i % 2]
fields = text.split(",")
upper = text.upper().replace("ITEM", "x")
formatted = ["%05d|%-4s|%.2f" % (i, str(i % 13), i / 7) for i in range(N // 4)]
words = " ".join(f[:6] for f in fields[: N // 2]).split()
found = 0
start = 0
while True:
    at = text.find("7:", start)
    if at < 0:
        break
    found += 1
    start = at + 2
print("strings", N, len(text), len(acc), acc.count("ab"), len(upper), upper.count("x"),
      sum(len(f) for f in formatted), len(words), found, text[-12:])
