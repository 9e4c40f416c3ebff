# Hangman: a seeded random word and guesses from input().
import random
WORDS = ["python", "variable", "function", "iterator", "generator", "dictionary", "exception"]
STAGES = ["", "O", "O|", "O|/", "O|/\\", "O|/\\/", "O|/\\/\\"]
random.seed(5)
word = random.choice(WORDS)
guessed = set()
misses = 0
while misses < len(STAGES) - 1:
    shown = " ".join(ch if ch in guessed else "_" for ch in word)
    print(f"{shown}   misses: {misses} {STAGES[misses]}")
    if "_" not in shown:
        print("You win! The word was", word)
        break
    guess = input("letter: ").strip().lower()
    if len(guess) != 1 or not guess.isalpha():
        print("one letter please")
        continue
    if guess in guessed:
        print("already guessed", guess)
        continue
    guessed.add(guess)
    if guess in word:
        print("yes,", word.count(guess), "x", guess)
    else:
        misses += 1
        print("no", guess)
else:
    print("You lose! The word was", word)
print("guessed letters:", "".join(sorted(guessed)))
