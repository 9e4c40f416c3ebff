import textwrap
text = """The quick brown fox jumps over the lazy dog. Python's textwrap module
formats paragraphs: it breaks long lines at spaces and after hyphens in
well-known compound words -- and it can indent   them too."""
for w in (10, 25, 40):
    print(f"width={w}")
    for line in textwrap.wrap(text, width=w):
        print(f"|{line:<{w}}|")
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 50))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 8))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 8, break_long_words=False))
print(textwrap.wrap("a-very-long-hyphenated-word here", 10, break_on_hyphens=False))
print(textwrap.wrap("tab\there and\tthere", 12))
print(textwrap.wrap("One. Two!  Three? \"Four.\" five", 80, fix_sentence_endings=True))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("  lead", 10, drop_whitespace=False))
w = textwrap.TextWrapper(width=20, max_lines=2, placeholder="...")
print(w.wrap(text))
print(w.fill("short text"))
code = '''
    def f(x):
        return x * 2
      
    print(f(3))
'''
print(repr(textwrap.dedent(code)))
print(textwrap.dedent("  a\n\tb\n  c"))
print(textwrap.indent("line one\n\nline two\n", "> "))
print(textwrap.indent("a\nb\n", "+ ", lambda line: True), end="")
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError:", e)
try:
    textwrap.shorten("hello world", 3)
except ValueError as e:
    print("ValueError:", e)
