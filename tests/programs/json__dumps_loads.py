# json.dumps and json.loads: types, formatting options, round trips.
import json
data = {"name": "Ada", "age": 36, "score": 97.5, "admin": False, "tags": ["math", "code"],
        "address": None, "nested": {"a": [1, 2, {"b": True}]}, "unicode": "café ☕"}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True, indent=4, ensure_ascii=False))
print(json.dumps([1, "two", 3.0, None, True], separators=(",", ":")))
print(json.dumps("quote \" backslash \\ newline \n tab \t"), json.dumps(1e100), json.dumps(0.1))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", True: "bool"}), json.dumps([]), json.dumps({}))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps(10 ** 30), json.dumps(-0.0))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps("日本", ensure_ascii=True))
text = '{"users": [{"id": 1, "name": "Ada", "active": true}, {"id": 2, "name": "Linus", "active": false}], "count": 2, "ratio": 0.5, "next": null, "big": 123456789012345678901234567890, "exp": 1e3, "esc": "a\\u00e9\\n\\"b\\""}'
obj = json.loads(text)
print(obj)
print(type(obj).__name__, type(obj["users"]).__name__, type(obj["ratio"]).__name__, type(obj["exp"]).__name__)
for user in obj["users"]:
    print(user["id"], user["name"], "active" if user["active"] else "inactive")
print(obj["esc"], obj["big"] + 1)
print(json.loads("[]"), json.loads('"s"'), json.loads("3"), json.loads("-2.5e-3"), json.loads(" true "), json.loads("null"))
print(json.loads(json.dumps(data)) == data)
roundtrip = json.loads(json.dumps({"t": (1, 2), "k": {3: 4}}))
print(roundtrip)
print(json.dumps({"list": [[1, 2], [3, [4, [5]]]], "empty": {"x": []}}, indent=1))
print(json.dumps(data["nested"], indent="\t"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('[1, [2, [3]]]')[1][1][0])
