# Text processing: wrapping words to a width, justifying, title-casing, counting sentences.
text = ("Python is a programming language that lets you work quickly and integrate systems more "
        "effectively. It is used for web development, data science, scripting, and teaching. "
        "Beginners like its readable syntax!")
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for width in (30, 45):
    print(f"--- width {width} ---")
    lines = wrap(text, width)
    for line in lines[:-1]:
        print("|" + justify(line, width) + "|")
    print("|" + lines[-1].ljust(width) + "|")
sentences = [s.strip() for s in text.replace("!", ".").split(".") if s.strip()]
print(len(sentences), [s.split()[0] for s in sentences])
small = {"a", "an", "and", "of", "the", "for", "is"}
def headline(s):
    words = s.lower().split()
    return " ".join(w if (w in small and i) else w.capitalize() for i, w in enumerate(words))
print(headline("the lord of the rings and the return of the king"))
print(text.count(","), text.lower().count("it"), text.find("data"), text[text.find("data"):].split(",")[0])
csv_line = 'Ada,36,"London, UK",engineer'
fields, current, quoted = [], "", False
for ch in csv_line:
    if ch == '"':
        quoted = not quoted
    elif ch == "," and not quoted:
        fields.append(current)
        current = ""
    else:
        current += ch
fields.append(current)
print(fields)
