# POST a body and custom headers with urllib.request.Request; the server echoes them back.
import json
import sys
import urllib.request
base = sys.argv[1]
payload = json.dumps({"student": "Ada", "score": 97}).encode("utf-8")
request = urllib.request.Request(
    base + "/echo?course=cs101",
    data=payload,
    headers={"Content-Type": "application/json", "X-Course": "CS101"},
)
print(request.get_method(), request.full_url == base + "/echo?course=cs101")
with urllib.request.urlopen(request) as response:
    echo = json.loads(response.read())
print(echo["method"], echo["path"], echo["query"])
print(echo["headers"]["content-type"], echo["headers"]["x-course"], echo["headers"]["content-length"])
print(echo["body_length"], json.loads(echo["body"]))
with urllib.request.urlopen(base + "/echo", data=b"plain=1&b=2") as response:
    echo = json.loads(response.read())
print(echo["method"], echo["body"], echo["headers"]["content-type"])
put = urllib.request.Request(base + "/echo", data=b"new", method="PUT")
with urllib.request.urlopen(put) as response:
    echo = json.loads(response.read())
print(echo["method"], echo["body"])
delete = urllib.request.Request(base + "/echo", method="DELETE")
with urllib.request.urlopen(delete) as response:
    echo = json.loads(response.read())
print(echo["method"], repr(echo["body"]), echo["body_length"])
get = urllib.request.Request(base + "/echo", headers={"Accept": "application/json"})
with urllib.request.urlopen(get) as response:
    echo = json.loads(response.read())
print(echo["method"], echo["headers"]["accept"])
