# cmath: every function over a grid of special and ordinary values (branch cuts, signed zeros, infinities, NaN), errors, constants.
# Finite results are printed to 12 significant digits, so a last-bit difference of a platform libm does not show.
import cmath
inf, nan = float('inf'), float('nan')


def show(v):
    if isinstance(v, complex):
        return '(%.12g,%.12g)' % (v.real, v.imag)
    if isinstance(v, tuple):
        return '(' + ','.join(show(x) for x in v) + ')'
    if isinstance(v, float):
        return '%.12g' % v
    return repr(v)


def attempt(f, *args):
    try:
        return show(f(*args))
    except Exception as e:
        return type(e).__name__ + ':' + str(e)


grid = [0.0, -0.0, 1.0, -2.5, 1e-310, 1e300, 800.0, inf, -inf, nan]
names = ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh',
         'asinh', 'acosh', 'atanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
for name in names:
    f = getattr(cmath, name)
    print(name)
    for a in grid:
        print('  ', a, ' '.join(attempt(f, complex(a, b)) for b in grid))
for a in grid:
    print('rect', a, ' '.join(attempt(cmath.rect, a, b) for b in grid))
    print('log', a, ' '.join(attempt(cmath.log, a, b) for b in [2, 1, 0.5, -1j, 0]))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(show(cmath.sqrt(-1)), cmath.sqrt(4), show(cmath.exp(1j * cmath.pi)), show(cmath.log(-1)), cmath.sqrt(-0.0), cmath.sqrt(complex(-4, -0.0)))
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9),
      cmath.isclose(inf, inf), cmath.isclose(nan, nan), cmath.isclose(a=1, b=1), cmath.isclose(1, complex(inf, 0)))
for s in ['cmath.sqrt()', 'cmath.sqrt(1,2)', 'cmath.sqrt("a")', 'cmath.log(0)', 'cmath.log(0,2)', 'cmath.log(1,1)', 'cmath.log(1,"a")', 'cmath.log()',
          'cmath.log(1,2,3)', 'cmath.exp(1000)', 'cmath.rect(1)', 'cmath.rect("a",1)', 'cmath.polar(complex(1e308,1e308))', 'cmath.isclose(1,2,rel_tol=-1)',
          'cmath.isclose(1)', 'cmath.isclose(1,2,3)', 'cmath.atanh(1)', 'cmath.sqrt(x=1)', 'cmath.phase()', 'cmath.cosh(1000)', 'cmath.sqrt(10**400)',
          'cmath.phase(complex(1e300, 1e-310))', 'cmath.acos(2)', 'cmath.asin(-2)', 'cmath.atan(1j)', 'cmath.sinh(complex(710, 1))']:
    print(s, attempt(lambda: eval(s)))
class Z:
    def __complex__(self):
        return 2j
class R:
    def __float__(self):
        return 4.0
print(show(cmath.sqrt(Z())), cmath.sqrt(R()), cmath.sqrt(True), cmath.polar(-1), cmath.phase(-1-0j), cmath.phase(complex(-1, -0.0)))
