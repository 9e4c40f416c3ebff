# while / for with else, break, continue, nested loops.
i = 0
while i < 5:
    print("while", i)
    i += 1
else:
    print("while finished normally")
n = 0
while True:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
for x in range(3):
    print("for", x)
else:
    print("for finished normally")
for x in range(10):
    if x == 4:
        print("breaking at", x)
        break
else:
    print("never printed")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for row in range(1, 5):
    line = ""
    for col in range(1, 5):
        line += f"{row * col:4}"
    print(line)
total = 0
for ch in "a1b2c3d4":
    if not ch.isdigit():
        continue
    total += int(ch)
print("total", total)
count = 10
while count > 0:
    count -= 3
print("count", count)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
for i in range(0):
    print("never")
else:
    print("empty range else")
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -2)), list(range(0, -5, -1)))
r = range(3, 20, 4)
print(r, len(r), r[1], r[-1], 7 in r, 8 in r, list(r[1:3]))
