from collections import Counter
import string

text = """The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
A fox, a dog, and a cat walked into a bar. The bar was closed."""

words = [w.strip(string.punctuation).lower() for w in text.split()]
words = [w for w in words if w]
counts = Counter(words)
print("Total words:", sum(counts.values()))
print("Unique words:", len(counts))
for word, n in counts.most_common(5):
    print(f"{word:>8} {n:3d} {'#' * n}")
letters = Counter(c for c in text.lower() if c.isalpha())
print(letters.most_common(3))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
first, second = Counter("mississippi"), Counter("missouri")
print(first - second, first & second)
print((first | second).most_common(2))
print(Counter({'a': 3, 'b': -1}) + Counter())
