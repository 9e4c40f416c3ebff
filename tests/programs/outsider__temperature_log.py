import os
import json

readings = {"mon": [12.5, 14.0, 9.75], "tue": [15.25, 16.0], "wed": [], "thu": [8.0, 7.5, 10.0, 11.25]}
path = "outsider_readings.json"
with open(path, "w") as f:
    json.dump(readings, f, indent=1)
with open(path) as f:
    raw = f.read()
print(raw.count("\n"), "lines of JSON")
with open(path) as f:
    loaded = json.load(f)
summary = {}
for day, values in loaded.items():
    if not values:
        print(f"{day}: no data")
        continue
    summary[day] = {"min": min(values), "max": max(values), "avg": round(sum(values) / len(values), 2)}
    print(f"{day}: {summary[day]}")
hottest = max(summary, key=lambda d: summary[d]["max"])
print("hottest:", hottest, summary[hottest]["max"])
out = "outsider_summary.txt"
with open(out, "w") as f:
    f.writelines(f"{d},{s['avg']}\n" for d, s in summary.items())
with open(out) as f:
    for line in f:
        day, avg = line.strip().split(",")
        print(day.upper(), float(avg) * 9 / 5 + 32)
print(sorted(os.listdir(".")) == sorted(os.listdir(".")), os.path.getsize(out), os.path.splitext(out))
for p in (path, out):
    os.remove(p)
print(os.path.exists(path), os.path.exists(out))
