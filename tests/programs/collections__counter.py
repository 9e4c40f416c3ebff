# Word counts with Counter, as a teaching exercise does them, and Counter arithmetic.
from collections import Counter

text = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs"""
words = Counter(text.split())
print(words)
print(words.most_common(3))
print(words["fox"], words["cat"], "cat" in words)
print(len(words), words.total())
letters = Counter("mississippi")
print(letters, sorted(letters.elements()))
letters.update("spam")
letters.subtract({"s": 10, "z": 1})
print(letters)
a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(+a, -a)
a += b
print(a, a == Counter(a=4, b=3, d=4), Counter(a=1) <= Counter(a=1, b=1))
print(Counter(), Counter().most_common(), dict(Counter("aab")))
del letters["zzz"]
for word, n in words.most_common():
    if n > 1:
        print(f"{word:>6}: {'*' * n}")
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Counter("ab") + 1
except TypeError as e:
    print("TypeError:", e)
print(sorted(Counter([3, 1, 3, 2, 1, 3]).items()))
