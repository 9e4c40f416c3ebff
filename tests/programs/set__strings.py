# Sets of strings (iteration order depends on the hash seed: the suite runs with PYTHONHASHSEED=0).
fruits = {"apple", "banana", "cherry"}
print(fruits)
fruits.add("date")
print(fruits)
print(sorted(fruits))
for f in fruits:
    print(f)
vowels = set("aeiou")
word = "programming"
print(vowels & set(word), set(word) - vowels)
print(sorted(set(word)))
a = {"x", "y", "z"}
b = {"y", "z", "w"}
print(a | b, a & b, a ^ b, a - b)
print(list({"one": 1, "two": 2}.keys()), set({"one": 1, "two": 2}))
print({w[0] for w in ["alpha", "beta", "avocado", "blue", "cyan"]})
