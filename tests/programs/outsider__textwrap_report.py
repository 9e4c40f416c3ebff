import textwrap

para = ("Python is a programming language that lets you work quickly and integrate "
        "systems more effectively. It is used by beginners and experts alike, "
        "in teaching, science, the web and automation.")
print(textwrap.fill(para, width=40))
print()
for line in textwrap.wrap(para, width=30, initial_indent="* ", subsequent_indent="  "):
    print(line)
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
code = """
    def hello():
        print("hi")
"""
print(textwrap.dedent(code))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.wrap("supercalifragilisticexpialidocious word", width=10))
print(repr(textwrap.fill("", 10)), textwrap.wrap("   spaced    out   ", 8))
