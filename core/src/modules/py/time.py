# `time`'s Python half: struct_time, gmtime, localtime, mktime, strftime, strptime (in
# `_strptime`, imported on first use), asctime, ctime
# and the timezone constants, over the native time() the Rust half installs first.
#
# The host clock gives UTC and no time zone, so local time here is UTC on every target
# (tm_zone 'UTC', offset 0); strftime formats as glibc's in the C locale.
# Invariant: for UTC, the tuples, reprs and formatted text are CPython 3.11's on Linux.

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')
_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December')


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)'
                            % len(seq))
        if len(seq) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)'
                            % len(seq))
        self = tuple.__new__(cls, seq[:9])
        self._zone = seq[9] if len(seq) > 9 else None
        self._gmtoff = seq[10] if len(seq) > 10 else None
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)

    def __repr__(self):
        return 'time.struct_time(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self),))


def _civil(days):
    # Howard Hinnant's days-from-civil inverse: (year, month, day) of days since 1970-01-01.
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y), m, d


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _seconds(secs):
    if secs is None:
        return int(time() // 1)
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        return int(secs // 1)
    if isinstance(secs, int):
        return int(secs)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(secs).__name__)


def gmtime(secs=None):
    t = _seconds(secs)
    days, rem = divmod(t, 86400)
    y, m, d = _civil(days)
    yday = days - _days_from_civil(y, 1, 1) + 1
    return struct_time((y, m, d, rem // 3600, rem // 60 % 60, rem % 60, (days + 3) % 7, yday, 0,
                        'GMT', 0))


def localtime(secs=None):
    t = gmtime(secs)
    return struct_time(tuple(t) + ('UTC', 0))


def mktime(t):
    t = _as_tuple(t, 'mktime')
    # Month and day may be out of range, as C's mktime normalises them.
    y, mon = t[0] + (t[1] - 1) // 12, (t[1] - 1) % 12 + 1
    days = _days_from_civil(y, mon, 1) + t[2] - 1
    return float(days * 86400 + t[3] * 3600 + t[4] * 60 + t[5])


def _as_tuple(t, fname):
    if t is None:
        return localtime()
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fname)
    return t


def _check(t):
    y, m, d, hh, mm, ss, wd, yd, dst = t
    if not 1 <= m <= 12 and m != 0:
        raise ValueError('month out of range')
    if not 1 <= d <= 31 and d != 0:
        raise ValueError('day of month out of range')
    if not 0 <= hh <= 23:
        raise ValueError('hour out of range')
    if not 0 <= mm <= 59:
        raise ValueError('minute out of range')
    if not 0 <= ss <= 61:
        raise ValueError('seconds out of range')
    if yd < 0 or yd > 366:
        raise ValueError('day of year out of range')


def _iso_week(y, yday, wday):
    # ISO 8601 (year, week) of the day with 1-based yday and Monday=0 wday.
    week = (yday - wday + 9) // 7
    if week < 1:
        y -= 1
        dec31 = 366 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 365
        return _iso_week(y, yday + dec31, wday)
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    if week == 53 and (yday - wday) > (366 if leap else 365) - 3:
        return y + 1, 1
    return y, week


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    t = _as_tuple(t, 'strftime')
    _check(t)
    y, m, d, hh, mm, ss, wd, yd, dst = t[:9]
    zone = getattr(t, 'tm_zone', None) or 'UTC'
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != '%' or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        k = format[i + 1]
        i += 2
        if k == 'Y':
            out.append(str(y))
        elif k == 'm':
            out.append('%02d' % m)
        elif k == 'd':
            out.append('%02d' % d)
        elif k == 'e':
            out.append('%2d' % d)
        elif k == 'H':
            out.append('%02d' % hh)
        elif k == 'k':
            out.append('%2d' % hh)
        elif k == 'I':
            out.append('%02d' % (hh % 12 or 12))
        elif k == 'l':
            out.append('%2d' % (hh % 12 or 12))
        elif k == 'M':
            out.append('%02d' % mm)
        elif k == 'S':
            out.append('%02d' % ss)
        elif k == 'p':
            out.append('AM' if hh < 12 else 'PM')
        elif k == 'P':
            out.append('am' if hh < 12 else 'pm')
        elif k == 'y':
            out.append('%02d' % (y % 100))
        elif k == 'C':
            out.append('%02d' % (y // 100))
        elif k == 'a':
            out.append(_DAYS[wd % 7][:3])
        elif k == 'A':
            out.append(_DAYS[wd % 7])
        elif k in 'bh':
            out.append(_MONTHS[(m - 1) % 12][:3])
        elif k == 'B':
            out.append(_MONTHS[(m - 1) % 12])
        elif k == 'j':
            out.append('%03d' % yd)
        elif k == 'w':
            out.append(str((wd + 1) % 7))
        elif k == 'u':
            out.append(str(wd + 1))
        elif k == 'U':
            out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif k == 'W':
            out.append('%02d' % ((yd + 6 - wd) // 7))
        elif k in 'GgV':
            iy, iw = _iso_week(y, yd, wd)
            out.append(str(iy) if k == 'G' else '%02d' % (iy % 100) if k == 'g' else '%02d' % iw)
        elif k == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYS[wd % 7][:3], _MONTHS[(m - 1) % 12][:3],
                                                       d, hh, mm, ss, y))
        elif k == 'x' or k == 'D':
            out.append('%02d/%02d/%02d' % (m, d, y % 100))
        elif k == 'X' or k == 'T':
            out.append('%02d:%02d:%02d' % (hh, mm, ss))
        elif k == 'F':
            out.append('%d-%02d-%02d' % (y, m, d))
        elif k == 'R':
            out.append('%02d:%02d' % (hh, mm))
        elif k == 'r':
            out.append('%02d:%02d:%02d %s' % (hh % 12 or 12, mm, ss, 'AM' if hh < 12 else 'PM'))
        elif k == 'Z':
            out.append(zone)
        elif k == 'z':
            off = getattr(t, 'tm_gmtoff', None) or 0
            sign = '-' if off < 0 else '+'
            off = abs(off)
            out.append('%s%02d%02d' % (sign, off // 3600, off // 60 % 60))
        elif k == 's':
            out.append(str(int(mktime(t))))
        elif k == 'n':
            out.append('\n')
        elif k == 't':
            out.append('\t')
        elif k == '%':
            out.append('%')
        else:
            out.append('%' + k)
    return ''.join(out)


def asctime(t=None):
    t = _as_tuple(t, 'asctime')
    y, m, d, hh, mm, ss, wd = t[:7]
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[wd % 7][:3], _MONTHS[(m - 1) % 12][:3], d,
                                           hh, mm, ss, y)


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    import _strptime
    return _strptime._strptime_time(data_string, format)
