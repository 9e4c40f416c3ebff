# Reading past the end of stdin raises EOFError; the last input has no newline.
first = input("first: ")
print("got", repr(first))
second = input("second: ")
print("got", repr(second))
third = input("third: ")
print("got", repr(third))
