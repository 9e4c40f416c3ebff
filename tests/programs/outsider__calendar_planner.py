import calendar
from datetime import date, timedelta

year, month = 2024, 2
print(calendar.month(year, month))
print("Leap year:", calendar.isleap(year), "| days:", calendar.monthrange(year, month)[1])
meetings = []
for week in calendar.monthcalendar(year, month):
    if week[calendar.TUESDAY]:
        meetings.append(date(year, month, week[calendar.TUESDAY]))
print("Tuesdays:", ", ".join(d.strftime("%d %b") for d in meetings))
first_friday = next(d for d in (date(year, 3, 1) + timedelta(n) for n in range(7)) if d.weekday() == calendar.FRIDAY)
print("first Friday of March:", first_friday, calendar.day_name[first_friday.weekday()])
print("leap years 2000-2030:", [y for y in range(2000, 2031) if calendar.isleap(y)], calendar.leapdays(2000, 2031))
cal = calendar.TextCalendar(calendar.SUNDAY)
print(cal.formatmonth(2024, 12))
print(calendar.calendar(2025, 2, 1, 3, 4))
print([calendar.month_abbr[m] for m in range(1, 13, 3)], calendar.weekheader(3))
try:
    calendar.monthrange(2024, 0)
except calendar.IllegalMonthError as e:
    print("error:", e)
