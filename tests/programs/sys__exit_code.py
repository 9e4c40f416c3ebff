# sys.exit(3): status 3, nothing on stderr, finally blocks still run.
import sys
print("exiting with 3")
try:
    sys.exit(3)
finally:
    print("finally runs on exit")
print("not reached")
