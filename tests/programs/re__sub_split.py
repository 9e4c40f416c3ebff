# re.sub with templates and functions, subn, and split with groups and maxsplit.
import re

print(re.sub(r"\s+", " ", "  too   many    spaces  "))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "bob@home ann@work"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\d+)", r"<\g<1>0>", "a1 b22"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) ** 2), "1 2 3 10"))
print(re.sub(r"[aeiou]", lambda m: m.group().upper(), "programming is fun"))
print(re.subn(r"o", "0", "foo boo"), re.sub("o", "0", "foo boo", count=2))
print(re.sub("x*", "-", "abxd"), re.sub("", "|", "abc"), re.sub(r"\b", "|", "hi you"))
print(re.sub(r"(a)|b", r"[\1]", "ab"), re.sub("a", r"\n", "bab") == "b\nb", re.sub("a", "\\\\", "bab"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"))
print(re.sub(r"^", "> ", "line one\nline two", flags=re.M))

CELSIUS = re.compile(r"(-?\d+(?:\.\d+)?)\s*C\b")


def to_fahrenheit(m):
    return f"{float(m.group(1)) * 9 / 5 + 32:.1f}F"


print(CELSIUS.sub(to_fahrenheit, "It was 21C at noon, -3.5 C at night, 100C boiling."))
print(CELSIUS.subn(to_fahrenheit, "no temperatures here"))

print(re.split(r"\s*,\s*", "a , b,c ,d"))
print(re.split(r"(\s*)([,;])(\s*)", "a , b;c"))
print(re.split(r"\W+", "Words, words, words.", 1), re.split(r"\W+", "Words, words, words.", maxsplit=2))
print(re.split(r"(\W+)", "...words, words..."))
print(re.split(r"x*", "axbc"), re.split(r"\b", "hi you"), re.split(r"(a)|b", "1a2b3"))
print(re.split(r"[:/]", "2024/03:01"), re.split("q", "no match"), re.split(r"\d", ""))
print(re.escape("1+1=2? (yes) [really] $5 a.b*c^d"), re.escape("tab\there"), re.escape("ok_word"))
print(re.sub(re.escape("a.b"), "X", "a.b axb a.b"))
pattern = re.compile(r"(?P<key>\w+):(?P<value>[^;]*);?")
print(dict(m.group("key", "value") for m in pattern.finditer("name:Ada;lang:Python;year:1843")))
print(pattern.sub(lambda m: m.expand(r"\g<value>=\g<key> "), "a:1;b:2"))
