# Custom response headers, following redirects, and a slow response.
import sys
import time
import urllib.request
base = sys.argv[1]
with urllib.request.urlopen(base + "/headers") as response:
    print(response.headers["X-Course"], response.getheader("x-answer"), int(response.headers["X-Answer"]) + 1)
    print(response.headers.get("x-course"), "X-Course" in response.headers, "X-Nope" in response.headers)
    print(response.read())
with urllib.request.urlopen(base + "/redirect/3") as response:
    print(response.status, response.url == base + "/hello", response.url.replace(base, ""), response.read().decode().strip())
start = time.monotonic()
with urllib.request.urlopen(base + "/slow/200") as response:
    body = response.read().decode().strip()
elapsed = time.monotonic() - start
print(body, elapsed >= 0.2, elapsed < 10)
