# A string literal missing its closing quote.
print("one")
print("two")
message = "unterminated
print(message)
