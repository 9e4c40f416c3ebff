# String literals, escapes and repr quoting.
print("tab:\tend", "newline:\\n", 'single \' quote', "double \" quote")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("back\\slash"))
print(repr("line\nbreak"), repr("tab\t"), repr("\r"), repr("\x00\x07"), repr("\x7f"))
print(repr("é"), repr("日本"), repr("\u2603"), repr("\U0001F600"))
print(["a", 'b', "it's"], ("x",), {"k": "v"})
raw = r"C:\new\table"
print(raw, len(raw), repr(raw))
multi = """first line
second line
    indented"""
print(multi)
print(len(multi), multi.count("\n"))
print("a" "b" "c", 'concat' ' ' "implicit")
print("\x41\x42", "\101", "\u00e9", "\N{GREEK SMALL LETTER ALPHA}")
print(str("x"), repr(repr("x")), repr(str(5)))
print(chr(65), chr(0x263A), ord("A"), ord("€"), chr(ord("a") + 1))
print(repr(""), repr(" "), str(""), "[" + "" + "]")
