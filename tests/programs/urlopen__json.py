# urlopen + json: fetch a JSON document and walk it.
import json
import sys
from urllib.request import urlopen
base = sys.argv[1]
with urlopen(base + "/json") as response:
    print(response.status, response.headers["Content-Type"])
    data = json.loads(response.read().decode())
print(data)
print(data["name"], data["version"], data["pi"], data["tags"])
print(data["nested"]["ok"], data["nested"]["missing"], data["nested"]["count"] * 2)
for student in sorted(data["students"], key=lambda s: -s["grade"]):
    print(f"{student['name']:<6}{student['grade']:>4}")
average = sum(s["grade"] for s in data["students"]) / len(data["students"])
print(f"average {average:.2f}")
with urlopen(base + "/add?a=19&b=23") as response:
    result = json.loads(response.read())
print(result, result["sum"] == 42)
