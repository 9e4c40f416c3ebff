# complex repr/str and format(): signed zeros, infinities, NaN, exponents, every presentation type and alignment.
inf, nan = float('inf'), float('nan')
vals = [1 + 2j, 1j, -0j, 0j, -1j, complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0), 1e20j, 1e16j, 1.5e-5j,
        complex(nan, inf), complex(inf, nan), complex(1, -inf), complex(-nan, -nan), 3.0 + 0j, complex(1e-310, 1e300),
        complex(123456789.125, -0.1), complex(2 ** 70, 1)]
for v in vals:
    print(repr(v), str(v), format(v), f'{v}')
for spec in ['.2f', '>20', '<15.3e', '^16g', '+.1f', '.0f', 'g', 'e', 'E', 'F', 'G', 'n', '.3', '*^24', '#g', ' .2f', '-.2f',
             ',.2f', '_.1f', '30', 'z.1f', '#.0f', '.10g', '12.4G']:
    print(repr(spec), [format(v, spec) for v in vals[:9]], format(complex(1234567, -0.5), spec))
print(f'{1.5-2j:+.1f}', f'{3j:.2f}', f'{-0j:g}', f'{1+2j!r:>12}', f'{1j!s:^9}', '%s %r' % (1j, 2 + 3j), str([1j, -1-1j]))
for spec in ['d', '010', '=10', '%', 'x', 's', '.2%', '0>10']:
    try:
        print(spec, format(1 + 1j, spec))
    except Exception as e:
        print(spec, type(e).__name__, e)
