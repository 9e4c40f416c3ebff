from datetime import date, datetime, timedelta

birthday = date(1990, 7, 15)
today = date(2024, 3, 1)
age = today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))
print("Age:", age)
next_bd = birthday.replace(year=today.year)
if next_bd < today:
    next_bd = next_bd.replace(year=today.year + 1)
print("Days until birthday:", (next_bd - today).days)
print("Weekday born:", birthday.strftime("%A"), birthday.isoweekday())
start = datetime(2024, 1, 31, 22, 30)
for hours in (1, 3, 25, 24 * 30):
    print(start + timedelta(hours=hours))
d = date(2024, 2, 28)
while d.month == 2:
    d += timedelta(days=1)
print(d, d.isocalendar())
span = datetime(2024, 12, 25) - datetime(2024, 3, 1, 12)
print(span, span.total_seconds(), span.days, span.seconds)
print(date.fromisoformat("2023-11-05").toordinal(), date.fromordinal(738000))
print(datetime.strptime("05/03/2021 14:07", "%d/%m/%Y %H:%M").isoformat())
print(timedelta(weeks=3, days=-2, minutes=90), -timedelta(hours=5))
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 30)]))
