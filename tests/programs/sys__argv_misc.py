# sys.argv, sys.getrecursionlimit, sys.maxsize, sys.stdout/stderr writes.
import sys
print(len(sys.argv), sys.argv[0], sys.argv[1].startswith("http://127.0.0.1:"))
print(sys.getrecursionlimit(), sys.maxsize, sys.maxsize == 2 ** 63 - 1)
sys.stdout.write("written with sys.stdout.write\n")
n = sys.stdout.write("abc")
print(" <- returned", n)
sys.stderr.write("warning: written to stderr\n")
print(sys.version_info[0], sys.version_info[:2] >= (3, 8))
print(type(sys.argv).__name__, sys.argv[1:] != [])
