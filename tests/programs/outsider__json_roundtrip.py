import json

config = {"name": "demo", "version": 3, "debug": False, "ratio": 0.75, "tags": ["a", "b"],
          "nested": {"empty": [], "none": None, "unicode": "café ☕"}}
text = json.dumps(config)
print(text)
print(json.dumps(config, indent=2, sort_keys=True))
back = json.loads(text)
print(back == config, back["nested"]["unicode"], type(back["ratio"]).__name__)
print(json.dumps(config, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([1, 2.0, "x", True, None, {"k": (1, 2)}]))
print(json.loads('{"a": [1, 2, {"b": null}], "c": 1e3, "d": "\\u00e9"}'))
try:
    json.loads('{"bad": }')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({3: "int key", "z": 1}, sort_keys=False), json.dumps("quote\"and\\slash"))
