# Comparisons, chaining, and mixing int/float/bool.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 3 == 3.0, 3 != 3)
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0)
print(1 == True, 0 == False, True + True, True * 10, False - 1)
print("abc" < "abd", "Z" < "a", "apple" < "apple pie", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [3] > [2, 99])
one = 1
print(None is None, None == None, one is not None)
print(max(3, 7.5), min(-1, -1.5), 2 ** 0.5 > 1.41)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b, a is c, a is not b)
try:
    print(1 < "2")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None < 1)
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", [] == (), {} == {}, {1: 2} == {1: 2.0})
print(float("nan") == float("nan"), float("inf") > 10 ** 300)
