# An uncaught exception whose last stderr line follows earlier stderr output.
import sys
print("starting", file=sys.stderr)
print("working")
values = {"a": 1}
print("value:", values["a"])
raise LookupError("no such thing")
