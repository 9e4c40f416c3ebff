# An uncaught NameError with CPython 3.11's "Did you mean" suggestion.
def shout(message):
    return message.upper()
count = 3
for i in range(count):
    print(shout(f"line {i}"))
print(coutn)
