# Palindromes and anagrams: normalising text, grouping words by signature.
def normalise(text):
    return "".join(ch.lower() for ch in text if ch.isalnum())
def is_palindrome(text):
    t = normalise(text)
    return t == t[::-1]
phrases = ["A man, a plan, a canal: Panama", "racecar", "hello", "Was it a car or a cat I saw?", "No 'x' in Nixon", "", "ab"]
for p in phrases:
    print(f"{p!r:<36} {is_palindrome(p)}")
def longest_palindrome(s):
    best = ""
    for center in range(len(s)):
        for lo, hi in [(center, center), (center, center + 1)]:
            while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
                lo -= 1
                hi += 1
            if hi - lo - 1 > len(best):
                best = s[lo + 1:hi]
    return best
print(longest_palindrome("forgeeksskeegfor"), longest_palindrome("abacdfgdcaba"), longest_palindrome("x"))
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "god", "odg", "bird"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
for key in sorted(groups):
    print(key, groups[key])
def is_anagram(a, b):
    return sorted(normalise(a)) == sorted(normalise(b))
print(is_anagram("Dormitory", "Dirty room"), is_anagram("Astronomer", "Moon starer"), is_anagram("abc", "abd"))
print([n for n in range(10, 200) if str(n) == str(n)[::-1] and str(n * n) == str(n * n)[::-1]])
