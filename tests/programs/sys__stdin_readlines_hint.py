import sys
print(sys.stdin.readlines(2), sys.stdin.readlines(1))
