# re.error for the common pattern mistakes: CPython's message, pos, lineno and colno.
import re

BAD = ["(abc", "abc)", "*a", "a**", "a{2}{3}", r"\q", "[a-", "[z-a]", "(?P<1>x)", "(?P<n>a)(?P<n>b)",
       r"(?<=a+)b", "a{3,2}", "(?P=zz)", r"\1(a)", "(?z)", "x(?i)", r"[\d-z]", "(?<x", ")",
       "a\n(b", r"\g", "+", "a|*", "(?#unterminated"]
for pattern in BAD:
    try:
        re.compile(pattern)
        print("compiled?!", repr(pattern))
    except re.error as e:
        print(f"{pattern!r:22} {e} | msg={e.msg!r} pos={e.pos} line={e.lineno} col={e.colno}")

for template in [r"\2", r"\g<x>", r"\g<1", "\\"]:
    try:
        re.sub(r"(a)", template, "a")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)

try:
    re.match(r"(a)", "a").group(2)
except IndexError as e:
    print("IndexError", e)
try:
    re.match(r"(a)", "a").group("name")
except IndexError as e:
    print("IndexError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
try:
    re.search("a", 5)
except TypeError as e:
    print("TypeError", e)
try:
    re.search(5, "a")
except TypeError as e:
    print("TypeError", e)
print(isinstance(re.error("x"), Exception), re.error.__name__, re.error.__module__)
re.compile("(unclosed")
