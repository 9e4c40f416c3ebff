import os

poem = """Two roads diverged in a yellow wood,
And sorry I could not travel both
And be one traveler, long I stood
And looked down one as far as I could
To where it bent in the undergrowth;
"""
name = "outsider_poem.txt"
with open(name, "w", encoding="utf-8") as f:
    f.write(poem)
with open(name, encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), "lines")
longest = max(lines, key=len)
print("longest:", longest.strip(), len(longest.rstrip("\n")))
with open(name) as f:
    text = f.read()
words = text.split()
print(len(words), "words", len(text), "chars")
print("starting with 'And':", sum(1 for l in lines if l.startswith("And")))
with open(name) as f:
    for i, line in enumerate(f, 1):
        if "I" in line.split():
            print(f"{i}: {line.rstrip()}")
with open(name, "rb") as f:
    raw = f.read(10)
print(raw, type(raw).__name__)
with open(name, "a") as f:
    print("-- Robert Frost", file=f)
with open(name) as f:
    print(f.read().splitlines()[-1])
os.remove(name)
try:
    open(name)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
