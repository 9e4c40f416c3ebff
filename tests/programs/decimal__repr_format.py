# Decimal str/repr (scientific notation rules), constructors and format() specs.
from decimal import Decimal, getcontext

for s in ["1E+3", "1000", "0E-7", "-0", "0.000001", "0.0000001", "123.4500", "1.23E-8",
          "12345678901234567890123456789E10", "-inf", "nan", "-sNaN7", " 42 ", "1_000.5",
          "5.", ".5", "+0.00", "1e-2", "100E-5", "0E+3"]:
    d = Decimal(s)
    print(repr(s), str(d), repr(d), d.to_eng_string(), d.as_tuple())
print(Decimal(0.1))
print(Decimal(2.5), Decimal(-0.0), Decimal(1e22), Decimal(10**25), Decimal(-7))
print(Decimal((1, (3, 1, 4, 1, 5), -4)), Decimal((0, (), "F")), Decimal([0, [7], 2]))
print(Decimal(Decimal("1.50")), Decimal.from_float(0.25), Decimal("1.5").as_integer_ratio())
print(Decimal("1.2300").normalize(), Decimal("120E+2").normalize(), Decimal("0.00").normalize())
print(Decimal("12.345").adjusted(), Decimal("0.00012").adjusted(), Decimal("-1.5").copy_abs())
print(Decimal("1.5").is_signed(), Decimal("-0").is_zero(), Decimal("nan").is_nan(),
      Decimal("inf").is_infinite(), Decimal("1").is_finite(), Decimal("sNaN").is_snan())
d = Decimal("1234567.891")
for spec in ["", ".2f", ",.2f", ">15", "<15", "^15", "*^15.1f", "015.3f", "+.3e", "E",
             ".3g", ".10g", "%", ".1%", "f", ",", ".0f", "-12,.1f", " .2f", "z.1f"]:
    print(repr(spec), repr(format(d, spec)), repr(format(-d / 1000000, spec)))
for v in ["0", "-0.000", "1E+3", "1E-9", "nan", "-inf", "0.5", "9.99"]:
    x = Decimal(v)
    print(v, f"{x}|{x:.2f}|{x:e}|{x:g}|{x:10.3}|{x:.0%}")
print("%s %r %.3f %5.1f %d" % (Decimal("3.14159"), Decimal("2.50"), Decimal("3.14159"),
                              Decimal("2.25"), Decimal("7.9")))
print(str(Decimal(1) / 3), str(Decimal("1e100") * Decimal("1e100")))
print(hash(Decimal("1.5")) == hash(1.5), hash(Decimal(7)) == hash(7), hash(Decimal("2.50")))
print({Decimal("1.0"): "a"}[1], Decimal("0.5") in {0.5}, len({Decimal("1"), Decimal("1.00"), 1}))
getcontext().capitals = 0
print(Decimal("1E+10"), repr(Decimal("-2E-8")), f"{Decimal('1E+10')}")
