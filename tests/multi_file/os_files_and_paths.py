import os
import os.path
from os.path import join, splitext
print(os.path is os.path, os.name, os.sep, repr(os.linesep))
print(os.path.join("a", "b", "c.txt"), join("/x", "/y"), join("a/", "b"), join("", "x"))
for p in ["a/b.txt", "/", "a/", "a//b/", ".bashrc", "x.tar.gz", "..", "", "//a//b"]:
    print(repr(p), os.path.split(p), splitext(p), os.path.basename(p), os.path.dirname(p), os.path.normpath(p), os.path.isabs(p))
os.mkdir("data")
os.makedirs("data/deep/er")
os.makedirs("data/deep", exist_ok=True)
with open(join("data", "a.txt"), "w") as f:
    f.write("hello")
with open("data/deep/b.txt", "w") as f:
    f.write("x" * 10)
print(sorted(os.listdir("data")), os.path.exists("data/a.txt"), os.path.isfile("data"), os.path.isdir("data"))
print(os.path.getsize("data/deep/b.txt"), os.path.exists("nope"), os.path.isfile("nope"))
for top, dirs, files in os.walk("data"):
    print(top, sorted(dirs), sorted(files))
os.rename("data/a.txt", "data/c.txt")
print(sorted(os.listdir("data")))
try:
    os.mkdir("data")
except FileExistsError as e:
    print(e)
try:
    os.remove("data/zzz")
except FileNotFoundError as e:
    print(e)
try:
    os.rmdir("data")
except OSError as e:
    print(type(e).__name__, e)
try:
    os.listdir("data/c.txt")
except NotADirectoryError as e:
    print(e)
os.remove("data/c.txt")
os.remove("data/deep/b.txt")
os.removedirs("data/deep/er")
print(os.path.exists("data"), os.path.relpath("/a/b/c", "/a/x"), os.path.commonprefix(["abc", "abd"]))
print(os.path.abspath("q") == os.path.join(os.getcwd(), "q"), os.getenv("STACKSWITCH_NOPE", "dflt"), "PATH" in os.environ)
os.remove("missing.txt")
