# sys.exit() and sys.exit(0) end the program successfully; SystemExit can be caught.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit("text")
except SystemExit as e:
    print("caught SystemExit with code", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raise SystemExit(7):", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    sys.exit(1)
except Exception:
    print("Exception does not catch SystemExit")
except BaseException as e:
    print("BaseException does:", type(e).__name__)
print("done; exiting with sys.exit()")
sys.exit()
