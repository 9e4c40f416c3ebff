# Sets of ints: membership, operations, methods.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a, b, len(a))
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.issuperset({1, 2}), a.isdisjoint({9}))
s = set()
print(s, len(s), bool(s))
s.add(3)
s.add(3)
s.add(1)
print(s)
s.discard(10)
s.remove(3)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(set([3, 1, 3, 2, 1]), set(range(5)), set("aab") == {"a", "b"})
nums = [4, 2, 4, 1, 2, 9]
print(sorted(set(nums)), len(set(nums)))
seen = set()
dups = []
for n in nums:
    if n in seen:
        dups.append(n)
    seen.add(n)
print("dups", dups)
u = {10, 20}
u.update([30, 10], {40})
print(sorted(u))
u |= {50}
u &= {10, 50, 60}
print(sorted(u))
print(set([1, 2]) == {1, 2}, {(1, 2), (1, 2)})
print({n % 5 for n in range(20)})
print(3 in {1, 2, 3}, {1, 2, 3} == {3, 2, 1}, {x * x for x in range(-3, 4)})
