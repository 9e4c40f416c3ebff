# Subclasses of the datetime classes: their reprs name the subclass as CPython's C types
# do (tp_name), arithmetic and methods still work.
import datetime

class D(datetime.date):
    pass

class DT(datetime.datetime):
    def label(self):
        return self.strftime('%Y-%m-%d %H:%M')

class T(datetime.time):
    pass

class Delta(datetime.timedelta):
    pass

print(repr(D(2020, 1, 1)), str(D(2020, 1, 1)))
print(repr(DT(2021, 5, 6, 7, 8, 9)), DT(2021, 5, 6, 7, 8).label())
print(repr(T(12, 30)), repr(T(1, 2, 3, 4)))
print(repr(Delta(days=2, hours=3)))
print(repr(datetime.date(2020, 1, 1)), repr(datetime.timedelta(0)))
print(repr(datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)))
print(repr(datetime.timezone(datetime.timedelta(hours=2), 'X')))
d = D(2020, 2, 28) + datetime.timedelta(days=1)
print(type(d).__name__, repr(d))
print(type(D.today()).__name__, type(DT.now()).__name__)
print(repr(D.fromisoformat('2024-03-01')), repr(D(2020, 1, 1).replace(day=9)))
print([repr(x) for x in sorted([D(2021, 1, 1), D(2019, 5, 5)])])
