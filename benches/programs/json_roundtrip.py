# A json round trip: build nested records (dicts, lists, str, int, bool, None, short
# floats), dumps them, loads them back and compares. Only json.dumps/loads without
# keyword arguments, which every runtime measured has (MicroPython's json has no
# separators, indent or sort_keys). Checksum: lengths of the encodings without spaces
# (MicroPython separates items with "," and ":", CPython with ", " and ": ") and a sum
# over the decoded records. ASCII only: MicroPython does not escape other characters.
import json

N = 4000  # quick: 200

records = []
for i in range(N):
    records.append({
        "id": i,
        "name": "user" + str(i),
        "tags": ["t" + str(i % 5), "t" + str(i % 11)],
        "score": (i % 100) / 4,
        "active": i % 2 == 0,
        "parent": None if i % 3 else i // 3,
        "nested": {"depth": [i % 4, {"k": "v" + str(i % 9)}]},
    })
compact = json.dumps(records)
part = json.dumps([r["nested"] for r in records[: N // 10]])
back = json.loads(compact)
again = json.loads(part)
assert back == records
assert again == [r["nested"] for r in records[: N // 10]]
print("json", N, len(compact.replace(" ", "")), len(part.replace(" ", "")), sum(r["id"] + len(r["tags"][1]) for r in back),
      sum(r["score"] for r in back), back[-1]["nested"]["depth"][1]["k"])
