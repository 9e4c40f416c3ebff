# Reading all of stdin line by line, stopping at EOFError.
lines = []
while True:
    try:
        lines.append(input())
    except EOFError:
        break
print(len(lines), "lines")
for i, line in enumerate(lines, 1):
    print(f"{i:>2}: {line[::-1]}")
words = " ".join(lines).split()
print("words:", len(words), "longest:", max(words, key=len))
try:
    input("one more? ")
except EOFError as e:
    print("EOFError:", e)
