# String comparison, ordering and non-ASCII text.
names = ["bob", "Alice", "carol", "Dave", "alice", "Émile", "zoë"]
print(sorted(names))
print(sorted(names, key=str.lower))
print(sorted(names, key=len))
print(sorted(names, reverse=True))
print("apple" < "banana", "apple" < "Apple", "a" * 3 == "aaa")
text = "naïve café – 日本語 😀"
print(text, len(text))
print(text.upper())
print([ord(c) for c in "aé日😀"])
print(text[6:10], text[-1], text.split())
print("straße".upper(), "ǅ".lower(), "İ".lower() == "i̇")
print("ß" < "t", "é" > "z", max(text), min("hello world"))
for word in ["level", "Level", "noon", "python"]:
    print(word, word == word[::-1], word.lower() == word.lower()[::-1])
print("abc".encode(), len("é".encode()), "日本".encode("utf-8"))
print(b"hi".decode(), "x".encode() + b"y")
