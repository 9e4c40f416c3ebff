# FizzBuzz in several styles.
for i in range(1, 31):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
print(", ".join("Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or str(i) for i in range(1, 21)))
rules = {3: "Fizz", 5: "Buzz", 7: "Bazz"}
def fizz(n):
    out = "".join(word for k, word in rules.items() if n % k == 0)
    return out or str(n)
print([fizz(n) for n in range(100, 110)])
print(fizz(105), fizz(3 * 5 * 7 * 11))
counts = {"Fizz": 0, "Buzz": 0, "FizzBuzz": 0, "number": 0}
for i in range(1, 101):
    word = "Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0)
    counts[word or "number"] += 1
print(counts)
