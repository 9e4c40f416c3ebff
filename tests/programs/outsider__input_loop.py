# Reading answers with input(): conversions, retry on ValueError, iter(input, sentinel).
name = input("Name? ")
age = int(input("Age? "))
print(f"Hello {name}, next year you'll be {age + 1}")
while True:
    try:
        n = int(input("number: "))
        break
    except ValueError:
        print("not a number")
print(n * 2)
total = 0
for line in iter(input, "done"):
    total += float(line)
print("total", total)
