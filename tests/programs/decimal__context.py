# The decimal context: precision, rounding modes, flags, traps, localcontext.
from decimal import *

print(getcontext())
print(Decimal(1) / Decimal(7))
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") + 0, +Decimal("123456789"))
getcontext().prec = 28

modes = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
         ROUND_HALF_EVEN, ROUND_05UP]
values = ["2.5", "-2.5", "1.25", "-1.35", "0.051", "7.45", "-0.5", "9.95"]
print(" " * 16 + "".join(f"{v:>7}" for v in values))
for mode in modes:
    row = [str(Decimal(v).quantize(Decimal("0.1"), rounding=mode)) for v in values]
    print(f"{mode:<16}" + "".join(f"{r:>7}" for r in row))

for mode in modes:
    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = mode
        print(mode, Decimal(2) / 3, Decimal(-2) / 3, Decimal("1.005") * 1, Decimal(10) ** 5)

with localcontext(prec=50) as ctx:
    print(ctx.prec, Decimal(2).sqrt())
print(getcontext().prec, Decimal(2).sqrt())

ctx = Context(prec=5, rounding=ROUND_HALF_UP)
print(ctx, ctx.divide(Decimal(1), Decimal(3)), ctx.add(Decimal("1.23456"), 1))
print(ctx.flags[Inexact], ctx.flags[Rounded], ctx)
ctx.clear_flags()
print(ctx.create_decimal("3.14159265"), ctx.power(Decimal(2), 20), ctx.sqrt(Decimal(10)))
print(ctx.Etiny(), ctx.Etop(), ctx.quantize(Decimal("2.5"), Decimal("1")))

getcontext().clear_flags()
Decimal(1) / 3
print(sorted(s.__name__ for s, v in getcontext().flags.items() if v))
getcontext().traps[Inexact] = True
try:
    Decimal(1) / 3
except Inexact as e:
    print("trapped:", type(e).__name__, e)
getcontext().traps[Inexact] = False
getcontext().traps[DivisionByZero] = False
print(Decimal(1) / 0, Decimal(-1) / 0)
getcontext().traps[DivisionByZero] = True
getcontext().traps[InvalidOperation] = False
print(Decimal(0) / 0, Decimal("inf") - Decimal("inf"), Decimal(-1).sqrt(), Decimal("abc"))
getcontext().traps[InvalidOperation] = True

getcontext().Emax = 10
getcontext().Emin = -10
try:
    Decimal("1e10") * 100
except Overflow as e:
    print("overflow:", e)
print(Decimal("1e-10") / 1000, Decimal("1e-10") / 10**30)
setcontext(DefaultContext)
print(getcontext().Emax, getcontext().prec)
setcontext(BasicContext)
print(getcontext(), Decimal(1) / 7)
setcontext(ExtendedContext)
print(Decimal(1) / 0, Decimal(0) / 0)
setcontext(Context())
getcontext().capitals = 0
print(Decimal("1e20") * 10, repr(Decimal("1E-9")))
for bad in [dict(prec=0), dict(rounding="HALF"), dict(Emax=-5), dict(clamp=2)]:
    try:
        Context(**bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
