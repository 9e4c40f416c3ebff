import io
text = 'a\nbb\nccc\n'
with open("rl_hint.txt", "w") as f:
    f.write(text)
for hint in [-1, 0, 1, 2, 3, 5, 6, 100, None]:
    print(hint, io.StringIO(text).readlines(hint), io.BytesIO(text.encode()).readlines(hint),
          open("rl_hint.txt").readlines(hint), open("rl_hint.txt", "rb").readlines(hint))
import os
os.remove("rl_hint.txt")
