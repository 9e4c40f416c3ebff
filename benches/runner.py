# The bench's runner for interpreters that run Python files natively: CPython (python3)
# and stackswitch's native runner (stackswitch-native). bench.mjs starts it once per
# interpreter and sends one JSON request per line on stdin:
#   {"source": "..."}   run that program with exec() in a fresh __main__ namespace
# The program's own output goes to stdout as it is printed; after it, one line
#   @@bench-result@@ {"ms": <wall time of the exec>, "error": "Type: message" or null}
# Invariant: the runner itself prints nothing else, and it only measures (time.perf_counter
# around exec); it never judges the output, which bench.mjs compares with CPython's.
import json
import sys
import time

MARKER = "@@bench-result@@"

while True:
    line = sys.stdin.readline()
    if not line:
        break
    request = json.loads(line)
    namespace = {"__name__": "__main__"}
    error = None
    start = time.perf_counter()
    try:
        exec(request["source"], namespace)
    except BaseException as exc:  # noqa: BLE001 - the bench reports every failure
        error = type(exc).__name__ + ": " + str(exc)
    took = (time.perf_counter() - start) * 1000
    print(MARKER, json.dumps({"ms": took, "error": error}))
    sys.stdout.flush()
