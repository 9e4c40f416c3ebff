# complex arithmetic: mixed int/float/complex operands, powers, division, abs, hashing, equality, complex(...) and its errors.
# Results that go through libm (non-integer powers, hypot) print to 12 digits, so a
# platform libm's last bit does not show; the rest is exact IEEE arithmetic.
import math


def show(v):
    if isinstance(v, complex):
        return '(%.12g%+.12gj)' % (v.real, v.imag)
    return '%.12g' % v


z = 1 + 2j
print(z + 1, 1 + z, z - 1.5, 2 * z, z * z, z / 2, 1 / z, z ** 2, show(z ** 0.5), show(2 ** z), z ** -1, (1+1j) ** 10, 0j ** 0)
print(show((1 + 1j) ** 101), (0.5 + 0.5j) ** -3, show((-8) ** (1/3 + 0j)), show(1j ** 1j), show((2+0j) ** 0.5), show(10 ** 1j))
print(complex(1e300, 1e300) / complex(1e300, 1e300), complex(1, 1) / complex(0, 1e-300), complex(float('inf'), 1) / 2)
print(2.0 * complex(float('inf'), 0), complex(float('nan'), 0) * 0, 1j * 1j, 1j * -1j, (1j).conjugate() * 1j)
print(abs(3 + 4j), abs(complex(float('inf'), float('nan'))), abs(complex(float('nan'), 1)), abs(-0j), abs(complex(1e-320, 0)))
print(z.real, z.imag, z.conjugate(), (2j).real, type(z.real), (5).imag, (2.5).real)
print(z == 1 + 2j, (1 + 0j) == 1, (1 + 0j) == 1.0, 1 == (1 + 0j), 2 ** 53 + 1 == complex(2 ** 53), z != z, 1j == 'x', 1j != None)
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(complex(1, 2)), hash(complex(-1, 0)), hash(1j), hash(complex(0, -1)))
print(hash(complex(1e300, -2.5)), hash(complex(float('inf'), 3)), hash(-0j), {1j: 'a'}[1j], 1j in [1j], 1 + 0j in {1}, {1: 'one'}[1 + 0j])
print(-z, +z, bool(0j), bool(1j), bool(complex(0, -0.0)), complex(True, False), complex(2**60), pow(2j, 2), isinstance(1j, complex))
print(complex(), complex(2), complex(2, 3), complex(1.5, -2.5), complex(1j, 1j), complex(1j), complex(real=1, imag=2), complex(imag=3))
print(complex('1+2j'), complex(' ( -3.5e2-4J ) '), complex('j'), complex('-j'), complex('1_0'), complex('inf+nanj'), complex('-1.5j'), complex('+1.e3-J'))
print(sum([1j, 2, 3.5]), [1j] * 2, (1+2j, 3j), {1j}, 1j.__class__.__name__, complex.__name__, type(1j))
class C:
    def __complex__(self):
        return 5j
class F:
    def __float__(self):
        return 2.5
print(complex(C()), complex(F()), complex(F(), F()))
for stmt in ['1j < 2j', '1j > 1', '1 / 0j', '1j / 0', '0j ** -1', '0j ** 1j', 'int(1j)', 'float(1j)', 'complex("1+")', 'complex("x")',
             'complex("1", 2)', 'complex(1, "2")', 'complex([])', 'complex(1, [])', '1j // 2', '1j % 2', 'divmod(1j, 2)',
             'show(abs(complex(1e308, 1e308)))', '(1e200+1j) ** 2', 'round(1j)', '1j & 1', 'complex("1e500j")', 'complex("")', 'math.sqrt(1j)',
             'complex("1+2j+3j")', 'complex("(1+2j")', 'complex(1, 2, 3)', '1j + "a"', '"a" * 1j', '[1] * 1j', '2 ** (10**400 * 1j)', 'complex(1, C())']:
    try:
        print(stmt, eval(stmt))
    except Exception as e:
        print(stmt, type(e).__name__, e)
# Subclasses of complex.
import cmath
class C(complex):
    def hello(self):
        return 'hi %r' % (self,)
c = C(1, 2)
print(c, repr(c), type(c).__name__, c.real, c.imag, c.conjugate(), c.hello(), isinstance(c, complex), c + 1, type(c + 1).__name__, c * c, abs(C(3, 4)), c == 1 + 2j, hash(c) == hash(1 + 2j))
print(complex(c), type(complex(c)).__name__, cmath.sqrt(C(-1)), -c, format(c, '.1f'), f'{c}', str(c), bool(C()), C('1+1j'), C(real=2))
class D(complex):
    def __add__(self, other):
        return 'D.add'
    def __repr__(self):
        return 'D!'
d = D(1)
print(d + 1, 1 + d, d, [d], d - 1)
