from operator import itemgetter, attrgetter
from functools import cmp_to_key

people = [("Alice", 30, "NYC"), ("bob", 25, "LA"), ("Carol", 35, "NYC"), ("dave", 25, "SF")]
print(sorted(people, key=itemgetter(1)))
print(sorted(people, key=lambda p: (-p[1], p[0].lower())))
print(sorted(people, key=lambda p: p[0]))
print(sorted(people, key=lambda p: p[0].casefold(), reverse=True))
by_city = sorted(people, key=itemgetter(2, 0))
print([p[0] for p in by_city])
words = "banana Apple cherry apple Banana date".split()
print(sorted(words), sorted(words, key=str.lower), sorted(set(map(str.lower, words))))
print(sorted(words, key=len), min(words, key=len), max(words, key=lambda w: (len(w), w)))
def compare(a, b):
    return (a % 10 - b % 10) or (a - b)
print(sorted([35, 12, 42, 7, 22, 17], key=cmp_to_key(compare)))
class Emp:
    def __init__(self, name, pay):
        self.name, self.pay = name, pay
    def __repr__(self):
        return f"Emp({self.name}, {self.pay})"
emps = [Emp("x", 3), Emp("y", 1), Emp("z", 2)]
print(sorted(emps, key=attrgetter("pay")))
data = [3, 1, 2]
data.sort(reverse=True)
print(data, sorted("hello"), sorted({3: "a", 1: "b"}.items()))
try:
    sorted([1, "two", 3])
except TypeError as e:
    print(e)
