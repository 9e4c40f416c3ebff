# Weekly temperature statistics: min/max/mean/median/stdev, conversions, a bar chart.
readings = {"Mon": [12.5, 18.0, 15.2], "Tue": [10.1, 21.7, 16.0], "Wed": [8.4, 14.9, 11.1],
            "Thu": [13.3, 25.2, 19.8], "Fri": [15.0, 27.5, 22.4], "Sat": [16.8, 29.1, 23.3], "Sun": [14.2, 24.0, 18.6]}
def mean(xs):
    return sum(xs) / len(xs)
def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
def stdev(xs):
    m = mean(xs)
    return (sum((x - m) ** 2 for x in xs) / (len(xs) - 1)) ** 0.5
all_values = [v for day in readings.values() for v in day]
print(f"readings: {len(all_values)}  min {min(all_values)}  max {max(all_values)}")
print(f"mean {mean(all_values):.3f}  median {median(all_values)}  stdev {stdev(all_values):.3f}")
print()
for day, values in readings.items():
    avg = mean(values)
    bar = "█" * round(avg)
    print(f"{day} {avg:5.1f}°C {avg * 9 / 5 + 32:6.1f}°F {bar}")
hottest = max(readings, key=lambda d: max(readings[d]))
coldest = min(readings, key=lambda d: min(readings[d]))
print(f"\nhottest day: {hottest} ({max(readings[hottest])}), coldest: {coldest} ({min(readings[coldest])})")
swings = {day: round(max(v) - min(v), 1) for day, v in readings.items()}
print("daily swings:", swings)
warming = [b for a, b in zip(readings, list(readings)[1:]) if mean(readings[b]) > mean(readings[a])]
print("warmer than the day before:", warming)
