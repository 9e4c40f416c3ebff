# An uncaught HTTPError: the traceback ends with urllib.error.HTTPError.
import sys
import urllib.request
base = sys.argv[1]
print(urllib.request.urlopen(base + "/hello").read().decode().strip())
page = urllib.request.urlopen(base + "/missing-page")
print("not reached", page)
