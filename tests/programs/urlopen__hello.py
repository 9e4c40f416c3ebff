# urlopen: status, reason, headers, body of a plain-text response.
import sys
import urllib.request
base = sys.argv[1]
response = urllib.request.urlopen(base + "/hello")
print(response.status, response.reason, response.getcode())
print(response.headers["Content-Type"], response.getheader("content-type"))
print(response.headers.get("X-Missing"), response.getheader("X-Missing", "default"))
print(response.url == base + "/hello", response.geturl() == base + "/hello")
body = response.read()
print(type(body).__name__, len(body), body)
text = body.decode("utf-8")
print(repr(text), text.strip().upper())
print(response.read() == b"")
response.close()
