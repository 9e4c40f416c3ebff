# Word frequency analysis of a text: cleaning, counting, ranking, a histogram.
text = """Python is an easy to learn, powerful programming language. It has efficient
high-level data structures and a simple but effective approach to object-oriented
programming. Python's elegant syntax and dynamic typing, together with its interpreted
nature, make it an ideal language for scripting and rapid application development in
many areas on most platforms. The Python interpreter is easily extended with new
functions and data types."""
cleaned = ""
for ch in text.lower():
    cleaned += ch if ch.isalpha() or ch in " \n'-" else " "
words = cleaned.split()
print("words:", len(words), "unique:", len(set(words)))
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
ranking = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
print("top 10:")
for rank, (word, count) in enumerate(ranking[:10], 1):
    print(f"{rank:>2}. {word:<12} {count:>2} {'#' * count}")
stop = {"a", "an", "and", "the", "to", "is", "it", "in", "on", "with", "its", "for", "has", "but"}
content = [w for w in words if w not in stop]
print("content words:", len(content))
lengths = {}
for w in set(words):
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, sorted(lengths[n]))
print("longest:", max(words, key=len), "average length:", round(sum(map(len, words)) / len(words), 3))
sentences = [s.strip() for s in text.replace("\n", " ").split(".") if s.strip()]
print(len(sentences), [len(s.split()) for s in sentences])
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print("".join(sorted(letters, key=lambda c: (-letters[c], c))))
