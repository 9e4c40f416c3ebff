# Number guessing game with a seeded random number and input().
import random
random.seed(1234)
print("Welcome to the guessing game!")
for round_number in range(1, 3):
    secret = random.randint(1, 100)
    print(f"Round {round_number}: I'm thinking of a number between 1 and 100.")
    attempts = 0
    low, high = 1, 100
    while True:
        guess_text = input("Your guess: ")
        if not guess_text.isdigit():
            print("Please type a whole number.")
            continue
        guess = int(guess_text)
        attempts += 1
        if guess < secret:
            low = max(low, guess + 1)
            print(f"Too low! ({low}-{high})")
        elif guess > secret:
            high = min(high, guess - 1)
            print(f"Too high! ({low}-{high})")
        else:
            print(f"Correct! The number was {secret}. You took {attempts} tries.")
            break
print("Thanks for playing.")
