# Decimal with fractions and statistics: exact conversions, mixed comparisons, Decimal data.
from decimal import Decimal as D
from fractions import Fraction
import statistics as st

def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

show("Fraction(D)", lambda: Fraction(D("1.25")))
show("Fraction(-D)", lambda: Fraction(D("-0.001")))
show("Fraction(nan)", lambda: Fraction(D("nan")))
show("Fraction(inf)", lambda: Fraction(D("inf")))
show("from_decimal", lambda: Fraction.from_decimal(D("3.5")))
show("from_decimal int", lambda: Fraction.from_decimal(3))
show("from_decimal float", lambda: Fraction.from_decimal(1.5))
show("F == D", lambda: Fraction(1, 2) == D("0.5"))
show("D == F", lambda: D("0.5") == Fraction(1, 2))
show("F < D", lambda: Fraction(1, 3) < D("0.34"))
show("D > F", lambda: D("0.34") > Fraction(1, 3))
show("D <= F", lambda: D("0.3") <= Fraction(1, 3))
show("F + D", lambda: Fraction(1, 2) + D(1))
show("D * F", lambda: D(1) * Fraction(1, 2))
data = [D("1.5"), D("2.25"), D("3"), D(4)]
show("mean", lambda: st.mean(data))
show("median", lambda: st.median(data))
show("variance", lambda: st.variance(data))
show("stdev", lambda: st.stdev(data))
show("pstdev", lambda: st.pstdev([D("1"), D("2"), D("4")]))
show("pvariance", lambda: st.pvariance([D("0.1"), D("0.2"), D("0.4")]))
show("mean with int", lambda: st.mean([D(1), 2]))
show("fmean", lambda: st.fmean([D("1.5"), D(2)]))
show("harmonic_mean", lambda: st.harmonic_mean([D(1), D(2)]))
show("geometric_mean", lambda: st.geometric_mean([D(1), D(4)]))
show("mode", lambda: st.mode([D("1.0"), D("1"), D(2)]))
show("quantiles", lambda: st.quantiles([D(i) for i in range(10)]))
show("median_grouped", lambda: st.median_grouped([D(1), D(2), D(2), D(3)]))
