from itertools import groupby

def encode(s):
    return "".join(f"{len(list(g))}{ch}" for ch, g in groupby(s))

def decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)

for text in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabbbcccc", ""]:
    e = encode(text)
    print(repr(e), decode(e) == text)
def vigenere(text, key, decrypt=False):
    out = []
    k = 0
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            shift = ord(key[k % len(key)].lower()) - ord("a")
            shift = -shift if decrypt else shift
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return "".join(out)
secret = vigenere("Attack at Dawn!", "lemon")
print(secret, vigenere(secret, "lemon", decrypt=True))
print(bytes("héllo", "utf-8"), "héllo".encode("latin-1"), b"caf\xc3\xa9".decode())
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(" ".join(f"{b:08b}" for b in "Hi".encode()), bytes.fromhex("48 69"), "Hi".encode().hex(":"))
