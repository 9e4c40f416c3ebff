# HTTP error statuses raise urllib.error.HTTPError, which carries the status and the body.
import sys
import urllib.error
import urllib.request
base = sys.argv[1]
for path in ["/status/200", "/status/201", "/status/404", "/status/418", "/status/500", "/status/503", "/no/such/page"]:
    try:
        with urllib.request.urlopen(base + path) as response:
            print(path, "ok", response.status, response.reason, response.read().decode().strip())
    except urllib.error.HTTPError as e:
        print(path, "HTTPError", e.code, e.reason, "|", e, "|", e.read().decode().strip())
        print("   is URLError:", isinstance(e, urllib.error.URLError), "is OSError:", isinstance(e, OSError))
        print("   content type:", e.headers["Content-Type"])
try:
    urllib.request.urlopen(base + "/status/400")
except urllib.error.URLError as e:
    print("caught as URLError:", type(e).__name__, e.code)
with urllib.request.urlopen(base + "/status/204") as response:
    print("204:", response.status, response.reason, response.read())
