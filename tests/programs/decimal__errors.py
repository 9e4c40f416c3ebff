# decimal's errors: the signal classes, the C module's messages, TypeErrors, ValueErrors.
import decimal
from decimal import *

print(InvalidOperation.__mro__)
print(DivisionByZero.__mro__)
print(FloatOperation.__mro__)
print(Underflow.__mro__)
print(issubclass(DivisionUndefined, ZeroDivisionError), issubclass(Overflow, Inexact))

def attempt(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__module__, type(e).__name__, e)

attempt("syntax", lambda: Decimal("abc"))
attempt("syntax2", lambda: Decimal("1.2.3"))
attempt("div0", lambda: Decimal(1) / 0)
attempt("0/0", lambda: Decimal(0) / 0)
attempt("floordiv0", lambda: Decimal(5) // 0)
attempt("mod0", lambda: Decimal(5) % 0)
attempt("divmod0", lambda: divmod(Decimal(5), 0))
attempt("sqrt-1", lambda: Decimal(-1).sqrt())
attempt("inf-inf", lambda: Decimal("inf") - Decimal("inf"))
attempt("0*inf", lambda: Decimal(0) * Decimal("inf"))
attempt("0**0", lambda: Decimal(0) ** 0)
attempt("overflow", lambda: Decimal("9e999999") * 10)
attempt("quantize", lambda: Decimal("1e40").quantize(Decimal("0.01")))
attempt("impossible", lambda: Decimal("1e40") // Decimal("0.001"))
attempt("nan<", lambda: Decimal("nan") < 1)
attempt("snan==", lambda: Decimal("snan") == 1)
attempt("int(nan)", lambda: int(Decimal("nan")))
attempt("int(inf)", lambda: int(Decimal("-inf")))
attempt("round(nan)", lambda: round(Decimal("nan")))
attempt("float(snan)", lambda: float(Decimal("snan")))
attempt("hash(snan)", lambda: hash(Decimal("snan")))
attempt("add float", lambda: Decimal(1) + 1.5)
attempt("radd float", lambda: 1.5 + Decimal(1))
attempt("add str", lambda: Decimal(1) + "1")
attempt("mul str", lambda: "ab" * Decimal(2))
attempt("list", lambda: Decimal([1, 2]))
attempt("tuple sign", lambda: Decimal((3, (1,), 0)))
attempt("tuple digit", lambda: Decimal((0, (1, 12), 0)))
attempt("tuple exp", lambda: Decimal((0, (1,), "x")))
attempt("None", lambda: Decimal(None))
attempt("quantize float", lambda: Decimal(1).quantize(0.01))
attempt("rounding", lambda: Decimal(1).quantize(Decimal(1), rounding="UP"))
attempt("prec", lambda: Context(prec=0))
attempt("Emin", lambda: Context(Emin=5))
attempt("traps key", lambda: getcontext().traps["x"])
attempt("localcontext kw", lambda: localcontext(precision=5))
attempt("from_float", lambda: Decimal.from_float("1.5"))
attempt("format", lambda: format(Decimal(1), "#x"))
attempt("format2", lambda: format(Decimal(1), ",n"))
getcontext().traps[FloatOperation] = True
attempt("strict float", lambda: Decimal(0.5))
attempt("strict <", lambda: Decimal(1) < 0.5)
attempt("strict ==", lambda: Decimal("0.5") == 0.5)
getcontext().traps[FloatOperation] = False
getcontext().traps[Inexact] = True
getcontext().traps[Rounded] = True
attempt("two traps", lambda: Decimal(2) / 3)
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print("caught as ZeroDivisionError:", type(e).__name__, e.args)
try:
    Decimal("x")
except ArithmeticError as e:
    print("caught as ArithmeticError:", type(e).__name__)
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)
Decimal("1.5.5")
