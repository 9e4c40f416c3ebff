# time.strptime and datetime.strptime: the common directives, the C locale names, and
# CPython's ValueErrors for data that does not match or has data left over.
import time
from datetime import datetime, timezone, timedelta
cases = [
    ("2024-03-05 14:07:09", "%Y-%m-%d %H:%M:%S"),
    ("05/03/24", "%d/%m/%y"),
    ("5 Mar 1999", "%d %b %Y"),
    ("Tuesday, 05 March 2024", "%A, %d %B %Y"),
    ("tue 5 mar 24 02:15 PM", "%a %d %b %y %I:%M %p"),
    ("12:00 am", "%I:%M %p"),
    ("2024-060", "%Y-%j"),
    ("2024-03-05T14:07:09.123", "%Y-%m-%dT%H:%M:%S.%f"),
    ("2024-03-05 14:07:09 +0530", "%Y-%m-%d %H:%M:%S %z"),
    ("2024-03-05 14:07:09 -07:00", "%Y-%m-%d %H:%M:%S %z"),
    ("2024-03-05 Z", "%Y-%m-%d %z"),
    ("100%", "%d%%"),
    ("Tue Mar  5 14:07:09 2024", "%c"),
    ("03/05/24", "%x"),
    ("14:07:09", "%X"),
    ("2024 UTC", "%Y %Z"),
    ("29 Feb", "%d %b"),
    ("2024-13-01", "%Y-%m-%d"),
    ("2024-03-05 extra", "%Y-%m-%d"),
    ("2024-02-30", "%Y-%m-%d"),
    ("2024", "%Y %Q"),
    ("2024", "%Y%"),
    ("2024 10 3", "%Y %W %w"),
    ("2024 10 3", "%G %V %u"),
    ("+05:3000", "%z"),
    ("", ""),
    (" 7", "%d"),
]
for s, f in cases:
    for fn in (time.strptime, datetime.strptime):
        try:
            print(repr(fn(s, f)))
        except ValueError as e:
            print("ValueError:", e)
try:
    datetime.strptime(5, "%Y")
except TypeError as e:
    print("TypeError:", e)
try:
    time.strptime("2024", 5)
except TypeError as e:
    print("TypeError:", e)
print(time.strptime("Thu Jan  1 00:00:00 1970"))
d = datetime.strptime("2024-03-05 14:07:09 +0530", "%Y-%m-%d %H:%M:%S %z")
print(d.tzinfo, d.utcoffset(), d.isoformat())
t = time.strptime("2024 +0100", "%Y %z")
print(t.tm_zone, t.tm_gmtoff)
try:
    datetime.strptime("2024", None)
except TypeError as e:
    print("TypeError:", e)
class D(datetime):
    pass
print(type(D.strptime("2020", "%Y")).__name__)
print(datetime.strptime("1/2/03 4:5:6", "%m/%d/%y %H:%M:%S"))
print(datetime.strptime("  2024   1  ", " %Y %m "))
print(datetime.strptime("JANUARY 2024", "%B %Y"))
