import sys
print(sys.stdin, sys.stdin.readable(), sys.stdin.fileno(), sys.stdin is sys.__stdin__)
first = sys.stdin.readline()
print(repr(first), repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))
name = input()
print("name", name)
lines = []
for line in sys.stdin:
    lines.append(line.rstrip("\n"))
    if line.startswith("stop"):
        break
print(lines)
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
print(sys.stdout is sys.__stdout__, type(sys.path), sys.stderr is sys.__stderr__)
