# A teaching-style "API client": fetch sums from a web service and format a report.
import json
import sys
import urllib.error
import urllib.request
BASE = sys.argv[1]
def add_remote(a, b):
    url = f"{BASE}/add?a={a}&b={b}"
    with urllib.request.urlopen(url) as response:
        return json.loads(response.read())["sum"]
def safe_fetch(path):
    try:
        with urllib.request.urlopen(BASE + path) as response:
            return response.status, response.read().decode().strip()
    except urllib.error.HTTPError as e:
        return e.code, f"error: {e.reason}"
print("remote arithmetic")
for a, b in [(1, 2), (-5, 5), (10 ** 12, 10 ** 12), (123, -456)]:
    print(f"  {a} + {b} = {add_remote(a, b)}")
total = 0
for n in range(1, 6):
    total = add_remote(total, n)
print("  running total:", total)
for path in ["/hello", "/status/404", "/add?a=1", "/add?a=x&b=2", "/status/500"]:
    status, text = safe_fetch(path)
    print(f"{path:<15} {status} {text}")
