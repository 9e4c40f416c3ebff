# Indexing and slicing strings.
s = "Programming"
print(s[0], s[-1], s[3], s[-3])
print(s[0:4], s[4:], s[:4], s[-4:], s[:], s[::2], s[1::2], s[::-1])
print(s[2:9:3], s[-1:-6:-1], s[100:], s[:100], s[5:2], s[-100:3])
for i in range(0, len(s), 3):
    print(i, s[i:i + 3])
word = "racecar"
print(word == word[::-1], "python" == "python"[::-1])
try:
    print(s[20])
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "p"
except TypeError as e:
    print("TypeError:", e)
name = "ada lovelace"
first, last = name.split()
print(first[0].upper() + first[1:], last[0].upper() + last[1:])
print("".join(reversed("stressed")))
for ch in "héllo":
    print(ch, ord(ch), end="; ")
print()
print(s[1:-1], s[-len(s)], s[len(s) - 1])
