# sorted and list.sort with keys, stability and reverse.
people = [("Ada", 36), ("Alan", 41), ("Grace", 36), ("Linus", 21), ("Barbara", 41)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
print(sorted(nums), sorted(nums, key=abs), sorted(nums, reverse=True))
words = ["banana", "Cherry", "apple", "date", "Elderberry", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted("hello world"), sorted({3: "c", 1: "a", 2: "b"}))
print(sorted([3.5, 1, 2.25, -0.5]), sorted([True, False, 2, 0.5]))
data = [[3, 1], [1, 2], [3, 0], [1, 1]]
data.sort()
print(data)
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
print(list(reversed(sorted(nums))))
