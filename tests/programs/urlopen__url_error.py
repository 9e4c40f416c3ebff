# A refused connection raises urllib.error.URLError (port 1 on localhost has no server).
import sys
import urllib.error
import urllib.request
try:
    urllib.request.urlopen("http://127.0.0.1:1/hello")
    print("connected?!")
except urllib.error.HTTPError as e:
    print("HTTPError?!", e)
except urllib.error.URLError as e:
    print("URLError caught")
    print(type(e).__name__, isinstance(e, OSError), isinstance(e.reason, OSError) or isinstance(e.reason, str))
print("still running")
try:
    urllib.request.urlopen(sys.argv[1] + "/hello")
    print("the test server answers")
except urllib.error.URLError:
    print("unexpected")
