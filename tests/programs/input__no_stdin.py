# A program that asks for input when there is none: EOFError after the prompt.
print("about to ask")
answer = input("Your answer: ")
print("never", answer)
