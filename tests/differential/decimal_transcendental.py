"""Random exp/ln/log10/sqrt/power cases for `decimal`, printed one per line.

Run as `decimal_transcendental.py SEED COUNT` by python3 (CPython's C decimal, libmpdec)
and by each runner; `tests/tests/decimal_differential.rs` compares the two outputs line
for line. The cases come from `random.Random(SEED)`, whose sequence is CPython's in both,
so both interpreters see the same operands and contexts.

Invariant: every line is a pure function of the case (result repr, the flags raised,
or the exception class), so equal outputs mean equal results, flags and errors.
"""

import sys
from decimal import (Context, Decimal, ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR,
                     ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP,
                     DecimalException)
import random

ROUNDINGS = [ROUND_05UP, ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN,
             ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP]
SPECIALS = ['0', '-0', '1', '-1', 'Infinity', '-Infinity', 'NaN', 'sNaN', '1.000', '10',
            '0.001', '1E+5', '2', '0.5', '100']


def operand(rng):
    kind = rng.random()
    if kind < 0.08:
        return Decimal(rng.choice(SPECIALS))
    if kind < 0.2:
        # close to one, where ln and log10 lose their leading digits
        tiny = Decimal(rng.randint(1, 999)).scaleb(-rng.randint(3, 40))
        return Decimal(1) + tiny if rng.random() < 0.5 else Decimal(1) - tiny
    digits = rng.randint(1, 35)
    coefficient = rng.randrange(10 ** (digits - 1), 10 ** digits)
    exponent = rng.randint(-digits - 8, 6)
    sign = '-' if rng.random() < 0.25 else ''
    return Decimal('%s%dE%d' % (sign, coefficient, exponent))


def exponent_operand(rng):
    kind = rng.random()
    if kind < 0.15:
        return Decimal(rng.choice(['0.5', '-0.5', '1.5', '0.25', '2', '-3', '0.1', '3']))
    digits = rng.randint(1, 12)
    coefficient = rng.randrange(1, 10 ** digits)
    return Decimal('%s%dE%d' % ('-' if rng.random() < 0.3 else '', coefficient,
                                rng.randint(-digits - 2, 1)))


def context(rng):
    prec = rng.choice([1, 2, 3, 5, 9, 16, 28, 28, 34, 50])
    emax = rng.choice([999999, 999999, 99, 999, 20, 5000])
    ctx = Context(prec=prec, rounding=rng.choice(ROUNDINGS), Emax=emax,
                  Emin=-rng.choice([emax, emax, 30, 400]), clamp=rng.choice([0, 0, 1]))
    if rng.random() < 0.8:
        ctx.clear_traps()
    return ctx


def flags(ctx):
    return ','.join(sorted(s.__name__ for s, on in ctx.flags.items() if on))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rng = random.Random(seed)
    for case in range(count):
        ctx = context(rng)
        op = rng.choice(['exp', 'ln', 'log10', 'sqrt', 'pow', 'pow', 'pow_int'])
        a = operand(rng)
        if op == 'exp' and a.is_finite() and a.adjusted() > 3:
            a = a.scaleb(-a.adjusted())
        b = None
        try:
            if op == 'pow':
                b = exponent_operand(rng)
                result = ctx.power(a, b)
            elif op == 'pow_int':
                b = Decimal(rng.randint(-30, 30))
                result = ctx.power(a, b)
            else:
                result = getattr(ctx, op)(a)
            outcome = repr(result)
        except DecimalException as e:
            outcome = type(e).__name__
        print(case, str(ctx.rounding)[6:], ctx.prec, ctx.Emin, ctx.Emax, ctx.clamp, op,
              a, b if b is not None else '', '->', outcome, flags(ctx))


main()
