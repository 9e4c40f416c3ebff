// The example programs of the playground's Example menu: one per thing a teaching page
// must survive (input, sleeping, a same-origin download, a loop only Stop ends, a
// CPU-bound run, a module import, a traceback). Each is plain Python 3 that prints the
// same under python3 (the urlopen one needs PLAYGROUND_URL set, as the page does).

export const EXAMPLES = [
  {
    name: "Greeting (input)",
    code: `name = input("What is your name? ")
age = int(input("How old are you? "))
print(f"Hello, {name}! Next year you will be {age + 1}.")
`,
  },
  {
    name: "Guess the number",
    code: `import random

secret = random.randint(1, 100)
tries = 0
while True:
    guess = int(input("Guess a number from 1 to 100: "))
    tries += 1
    if guess < secret:
        print("Higher!")
    elif guess > secret:
        print("Lower!")
    else:
        print(f"Yes, {secret}! You needed {tries} tries.")
        break
`,
  },
  {
    name: "Countdown (time.sleep)",
    code: `import time

for n in range(5, 0, -1):
    print(n, "...")
    time.sleep(1)
print("Lift off!")
`,
  },
  {
    name: "Download a file (urlopen)",
    code: `import os
from urllib.request import urlopen

# The page sets PLAYGROUND_URL to its own address: the file is on the same server.
url = os.environ["PLAYGROUND_URL"] + "data/poem.txt"
with urlopen(url) as response:
    print(response.status, response.headers["Content-Type"])
    text = response.read().decode("utf-8")
print(text)
print(len(text.split()), "words")
`,
  },
  {
    name: "Infinite loop (press Stop)",
    code: `n = 0
while True:
    n += 1
    if n % 1_000_000 == 0:
        print(n, "iterations so far: press Stop")
`,
  },
  {
    name: "Primes (CPU-bound)",
    code: `import time

def primes_below(limit):
    sieve = bytearray([1]) * limit
    sieve[0] = sieve[1] = 0
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytes(len(range(i * i, limit, i)))
    return [i for i, is_prime in enumerate(sieve) if is_prime]

start = time.perf_counter()
primes = primes_below(1_000_000)
print(len(primes), "primes below a million; the last is", primes[-1])

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print("fib(24) =", fib(24))
print(f"{time.perf_counter() - start:.2f} s")
`,
  },
  {
    name: "Word count (collections)",
    code: `from collections import Counter
import re

text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief"""
words = re.findall(r"[a-z']+", text.lower())
for word, count in Counter(words).most_common(5):
    print(f"{word:>8} {count}")
`,
  },
  {
    name: "A traceback",
    code: `def average(numbers):
    return sum(numbers) / len(numbers)

def report(name, marks):
    print(name, "averages", average(marks))

report("Ada", [90, 85, 77])
report("Bob", [])
`,
  },
];
