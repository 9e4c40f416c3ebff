# A json round trip: build nested records (dicts, lists, str, int, bool, None, short
# floats), dumps them (compact and indented), loads them back and compares.
# Checksum: lengths of the encodings and a sum over the decoded records.
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
        "nested": {"depth": [i % 4, {"k": "v\u00e9" + str(i % 9)}]},
    })
compact = json.dumps(records, separators=(",", ":"))
pretty = json.dumps(records[: N // 10], indent=2, sort_keys=True)
back = json.loads(compact)
again = json.loads(pretty)
assert back == records
assert again == records[: N // 10]
print("json", N, len(compact), len(pretty), sum(r["id"] + len(r["tags"][1]) for r in back),
      sum(r["score"] for r in back), back[-1]["nested"]["depth"][1]["k"])
