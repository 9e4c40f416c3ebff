# exp, ln, log10 and non-integral powers of Decimal: correctly rounded results, flags,
# context precision, special values and the context's methods.
from decimal import Decimal, getcontext, localcontext, Context, Inexact, Rounded, \
    InvalidOperation, Overflow, ROUND_DOWN

def show(label, value, ctx=None):
    ctx = ctx or getcontext()
    raised = [s.__name__ for s in (Inexact, Rounded, InvalidOperation, Overflow) if ctx.flags[s]]
    print(label, repr(value), raised)
    ctx.clear_flags()

show('e', Decimal(1).exp())
show('exp(-1)', Decimal(-1).exp())
show('exp(0)', Decimal(0).exp())
show('exp(tiny)', Decimal('1E-40').exp())
show('ln 2', Decimal(2).ln())
show('ln 1', Decimal('1.000').ln())
show('ln 0', Decimal(0).ln())
show('ln 1e-5', Decimal('0.00001').ln())
show('log10 1000', Decimal(1000).log10())
show('log10 0.01', Decimal('0.01').log10())
show('log10 2', Decimal(2).log10())
show('sqrt 2', Decimal(2).sqrt())
show('2 ** 0.5', Decimal(2) ** Decimal('0.5'))
show('4 ** 0.5', Decimal(4) ** Decimal('0.5'))
show('1 ** 0.5', Decimal(1) ** Decimal('0.5'))
show('10 ** -1.5', Decimal(10) ** Decimal('-1.5'))
show('1.5 ** 2.25', Decimal('1.5') ** Decimal('2.25'))
show('inf exp', Decimal('Infinity').exp())
show('-inf exp', Decimal('-Infinity').exp())
show('inf ln', Decimal('Infinity').ln())

with localcontext() as ctx:
    ctx.prec = 50
    show('e50', Decimal(1).exp(), ctx)
    show('pi-ish', Decimal(-1).ln() if False else Decimal(10).ln(), ctx)
    ctx.prec = 6
    ctx.rounding = ROUND_DOWN
    show('2**0.5 down', Decimal(2) ** Decimal('0.5'), ctx)
    show('exp 2 (half-even anyway)', Decimal(2).exp(), ctx)

ctx = Context(prec=9, Emax=99, traps=[])
show('overflow', ctx.exp(Decimal(500)), ctx)
show('ctx.ln', ctx.ln(Decimal(3)), ctx)
show('ctx.log10', ctx.log10(7), ctx)
show('ctx.power', ctx.power(Decimal(3), Decimal('0.3333')), ctx)
show('negative ln', ctx.ln(Decimal(-2)), ctx)
show('negative base', ctx.power(Decimal(-8), Decimal('0.5')), ctx)

for bad in (lambda: Decimal(-1).ln(), lambda: Decimal(-2) ** Decimal('0.5')):
    try:
        bad()
    except InvalidOperation as e:
        print('InvalidOperation', e)
getcontext().clear_flags()

# compound interest with continuous compounding, as a textbook would
principal = Decimal('1000.00')
rate = Decimal('0.05')
for years in (1, 5, 10):
    amount = principal * (rate * years).exp()
    print(years, amount.quantize(Decimal('0.01')))
print((Decimal(2) ** Decimal(1) / Decimal(12)).quantize(Decimal('1E-10')))
print(Decimal(2) ** (Decimal(1) / Decimal(12)))
