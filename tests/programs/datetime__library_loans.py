# Library loans: due dates, overdue fines and a weekly calendar, with date arithmetic.
from datetime import date, datetime, timedelta

LOAN_DAYS = 21
FINE_PER_DAY = 0.25
loans = [
    ("Dune", date(2024, 1, 3)),
    ("Emma", date(2024, 2, 10)),
    ("Ulysses", date(2024, 2, 26)),
]
today = date(2024, 3, 4)
for title, borrowed in loans:
    due = borrowed + timedelta(days=LOAN_DAYS)
    late = (today - due).days
    status = f"{late} days late, fine ${late * FINE_PER_DAY:.2f}" if late > 0 else f"due in {-late} days"
    print(f"{title:<8} borrowed {borrowed:%d %b} due {due.strftime('%a %d %b %Y')}: {status}")

start = today - timedelta(days=today.weekday())
print("week of", start.isoformat(), "ISO week", start.isocalendar().week)
for i in range(7):
    day = start + timedelta(days=i)
    mark = "<- today" if day == today else ""
    print(f"  {day:%A %d}".ljust(16), mark)

opened = datetime(2024, 3, 4, 9, 30)
closed = datetime(2024, 3, 4, 17, 45, 15)
span = closed - opened
hours, rest = divmod(span.seconds, 3600)
print("open for", span, "=", hours, "h", rest // 60, "min", f"({span.total_seconds() / 3600:.2f} h)")
print("leap years:", [y for y in range(2020, 2031) if date(y, 3, 1) - date(y, 2, 1) == timedelta(days=29)])
print(datetime.fromisoformat("2024-03-04T12:00:00") + timedelta(weeks=2, hours=36))
