# if / elif / else, conditional expressions, boolean operators.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"
for n in [-5, 0, 1, 2, 17, 100]:
    print(n, classify(n))
def grade(score):
    if score >= 90:
        letter = "A"
    elif score >= 80:
        letter = "B"
    elif score >= 70:
        letter = "C"
    elif score >= 60:
        letter = "D"
    else:
        letter = "F"
    return letter
print([grade(s) for s in [95, 85, 75, 65, 55, 90, 89.9]])
for year in [1900, 2000, 2023, 2024]:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    print(year, "leap" if leap else "common")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print(not 0, not 1, not "", not [1], not None)
x = 7
print("big" if x > 5 else "small", "odd" if x % 2 else "even")
if x:
    print("truthy")
if not []:
    print("empty list is falsy")
def noisy(v):
    print("evaluating", v)
    return v
print(noisy(0) and noisy(1))
print(noisy(1) or noisy(2))
print(noisy(1) and noisy(0) or noisy(3))
a, b, c = 3, 9, 5
if a > b:
    if a > c:
        print("a largest")
    else:
        print("c largest")
elif b > c:
    print("b largest")
else:
    print("c largest")
