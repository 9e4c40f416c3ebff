# json errors: JSONDecodeError positions, unserialisable values.
import json
bad_documents = ["", "{", "[1, 2", '{"a" 1}', "{'single': 1}", "[1,]", "tru", '"unterminated', "1 2", "{\"a\": 1,}", "nul", "[1] x"]
for doc in bad_documents:
    try:
        json.loads(doc)
        print(repr(doc), "parsed?!")
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e.msg, "| line", e.lineno, "col", e.colno, "pos", e.pos)
    except ValueError as e:
        print(repr(doc), "-> ValueError", e)
print(issubclass(json.JSONDecodeError, ValueError))
class Thing:
    pass
for value in [Thing(), {1, 2}, b"bytes"]:
    try:
        json.dumps(value)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps({(1, 2): "tuple key"})
except TypeError as e:
    print("TypeError:", e)
json.loads('{"ok": true,\n "missing": }')
