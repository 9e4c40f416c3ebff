# Generator pipelines, generator expressions, yield from.
def read_lines():
    data = "3,apple\n5,banana\n\n2,cherry\n# comment\n7,date"
    for line in data.split("\n"):
        yield line
def non_empty(lines):
    for line in lines:
        if line and not line.startswith("#"):
            yield line
def parse(lines):
    for line in lines:
        qty, name = line.split(",")
        yield name, int(qty)
records = list(parse(non_empty(read_lines())))
print(records)
print(sum(q for _, q in records), max(records, key=lambda r: r[1]))
squares = (n * n for n in range(10))
print(type(squares).__name__, next(squares), next(squares), list(squares), list(squares))
print(sum(x for x in range(1, 101) if x % 3 == 0), any(c.isdigit() for c in "ab3"), all(n > 0 for n in [1, 2, -3]))
def inner():
    yield 1
    yield 2
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from range(3, 5)
    yield from "xy"
print(list(outer()))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
print(list(running_total([5, 10, -3, 8])))
def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunks(list(range(10)), 4)), list(chunks("abcdefg", 3)))
gen = (x for x in [1, 2, 3])
print(3 in gen, list(gen))
def numbered(items, start=1):
    n = start
    for item in items:
        yield f"{n}. {item}"
        n += 1
for line in numbered(["eggs", "milk", "bread"]):
    print(line)
