# A loop reading numbers until 'done', with validation of bad input.
total = 0
count = 0
while True:
    entry = input("Enter a number (or done): ")
    if entry == "done":
        break
    try:
        value = float(entry)
    except ValueError:
        print(f"'{entry}' is not a number, try again")
        continue
    total += value
    count += 1
    print(f"running total: {total}")
print()
if count:
    print(f"{count} numbers, total {total}, average {total / count:.3f}")
else:
    print("no numbers")
