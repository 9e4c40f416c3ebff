import os

FILENAME = "outsider_sales.csv"
rows = [
    ("region", "product", "units", "price"),
    ("north", "widget", "12", "2.50"),
    ("south", "gadget", "3", "10.00"),
    ("north", "gadget", "7", "10.00"),
    ("east", "widget", "", "2.50"),
    ("south", "widget", "20", "2.45"),
]
with open(FILENAME, "w") as f:
    for row in rows:
        f.write(",".join(row) + "\n")

totals = {}
bad = 0
with open(FILENAME) as f:
    header = f.readline().strip().split(",")
    print("columns:", header)
    for lineno, line in enumerate(f, start=2):
        record = dict(zip(header, line.rstrip("\n").split(",")))
        try:
            units = int(record["units"])
        except ValueError as e:
            print(f"line {lineno}: skipped ({e})")
            bad += 1
            continue
        amount = units * float(record["price"])
        totals[record["region"]] = totals.get(record["region"], 0) + amount
for region in sorted(totals):
    print(f"{region:<6}{totals[region]:>10.2f}")
print("bad rows:", bad)
with open(FILENAME, "a") as f:
    f.write("west,widget,1,2.50\n")
with open(FILENAME) as f:
    print(len(f.readlines()), "lines now")
os.remove(FILENAME)
print(os.path.exists(FILENAME))
