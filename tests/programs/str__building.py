# Building strings in loops, joining, counting characters.
sentence = "the quick brown fox jumps over the lazy dog"
words = sentence.split()
print(len(words), words)
print(" ".join(w.capitalize() for w in words))
print("-".join(sorted(words)))
print(" ".join(w[::-1] for w in words))
acronym = ""
for w in words:
    acronym += w[0].upper()
print(acronym)
vowels = 0
for ch in sentence:
    if ch in "aeiou":
        vowels += 1
print("vowels:", vowels)
letters = set(sentence.replace(" ", ""))
print("pangram:", len(letters) == 26)
counts = {}
for ch in sentence:
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
for ch in sorted(counts):
    print(ch, "#" * counts[ch])
longest = max(words, key=len)
print("longest:", longest, len(longest))
line = ""
for i in range(1, 6):
    line += str(i) * i + " "
print(line.strip())
print("|".join(str(n ** 2) for n in range(10)))
print(sentence.replace("the", "THE").split("o"))
