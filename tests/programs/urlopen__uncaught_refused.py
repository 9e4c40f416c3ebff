# An uncaught URLError is an OSError subclass; here it is caught, reported, and the program exits 4.
import sys
import urllib.error
import urllib.request
def fetch(url):
    return urllib.request.urlopen(url).read()
try:
    fetch("http://127.0.0.1:1/")
except OSError as e:
    print("could not connect:", type(e).__name__, file=sys.stderr)
    sys.exit(4)
