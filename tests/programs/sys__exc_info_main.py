import sys
import __main__
x = 5
print(__main__.x, __main__.__name__)
print(sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t, v, type(v).__name__)
print(sys.exc_info())
