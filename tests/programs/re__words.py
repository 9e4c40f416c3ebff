# Extracting words and numbers from text with findall/finditer, counting them.
import re
from collections import Counter

text = """It was the best of times, it was the worst of times; it was the age
of wisdom, it was the age of foolishness... In 1859, Dickens wrote 45 chapters,
don't you think? Twenty-one e-mails cost $3.50 (or 3,000 yen)."""

words = re.findall(r"[a-z']+", text.lower())
print(len(words), words[:12])
print(Counter(words).most_common(5))
print(re.findall(r"\b\w+-\w+\b", text))
print(re.findall(r"\d+(?:[.,]\d+)?", text))
print(re.findall(r"\$(\d+)\.(\d\d)", text))
print(re.findall(r"(\w)\1", text))
print([m.group() for m in re.finditer(r"\b[A-Z]\w*", text)])
print([(m.start(), m.end()) for m in re.finditer(r"times|age", text)])
print(re.findall(r"^\w+", text, re.M))
print(re.findall(r"\w+$", text, re.M))
print(re.findall(r"\w+?", "abc"), re.findall(r"a*", "baaac"), re.findall(r"", "ab"))
print(re.findall(r"(?<=\bthe )\w+", text))
print(re.findall(r"\b(?!it\b|was\b)\w{2,3}\b", text.lower())[:10])
sentences = re.split(r"(?<=[.;?])\s+", text)
for s in sentences:
    print(repr(s))
print(re.findall(r"\w+", "naïve café Zürich"), re.findall(r"\w+", "naïve café", re.ASCII))
print(re.findall(r"(a)|(b)", "abc"), re.findall(r"[^\W\d_]+", "ab1_cd"))
