# Caesar and Vigenère ciphers, with brute-force cracking by letter frequency.
def shift_char(ch, k):
    if ch.isupper():
        return chr((ord(ch) - 65 + k) % 26 + 65)
    if ch.islower():
        return chr((ord(ch) - 97 + k) % 26 + 97)
    return ch
def caesar(text, k):
    return "".join(shift_char(c, k) for c in text)
message = "Meet me at the Old Bridge at Noon, bring 3 maps!"
secret = caesar(message, 7)
print(secret)
print(caesar(secret, -7))
print(caesar("xyz XYZ", 3), caesar("abc", -1), caesar("Hello", 26) == "Hello")
def score(text):
    common = "etaoinshrdlu"
    return sum(len(common) - common.index(c) for c in text.lower() if c in common)
best = max(range(26), key=lambda k: score(caesar(secret, -k)))
print("cracked key:", best, "->", caesar(secret, -best))
for k in range(0, 26, 5):
    print(f"{k:>2}: {caesar(secret, -k)[:24]}")
def vigenere(text, key, decrypt=False):
    out = []
    i = 0
    for ch in text:
        if ch.isalpha():
            k = ord(key[i % len(key)].lower()) - 97
            out.append(shift_char(ch, -k if decrypt else k))
            i += 1
        else:
            out.append(ch)
    return "".join(out)
v = vigenere("Attack at dawn", "LEMON")
print(v, "|", vigenere(v, "LEMON", decrypt=True))
rot13 = caesar("Why did the chicken cross the road?", 13)
print(rot13, "|", caesar(rot13, 13))
