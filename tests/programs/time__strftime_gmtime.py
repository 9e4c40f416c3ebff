# time.gmtime / strftime / mktime / asctime on fixed timestamps (UTC, so no time zone).
import time

for ts in (0, 951782400, 1700000000, 1704067200, -86400 * 366):
    t = time.gmtime(ts)
    print(ts, tuple(t), t.tm_wday, t.tm_yday)
    print("  ", time.strftime("%Y-%m-%d %H:%M:%S %A %B %j %U %W %w %u %y %I %p", t))
    print("  ", time.strftime("%a %b %e %D %T %F %R %G-W%V %C %%", t), time.asctime(t))
    print("  ", time.mktime(t), time.mktime(t) == ts)
print(time.gmtime(1.9), time.gmtime(-1.5).tm_sec)
print(time.strftime("%H:%M", (2024, 1, 1, 7, 5, 0, 0, 1, 0)), time.struct_time((2024, 1, 1, 7, 5, 0, 0, 1, 0)))
for bad in [lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.strftime("%Y", (1, 2)),
            lambda: time.struct_time((1, 2)), lambda: time.strftime(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
