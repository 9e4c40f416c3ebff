"""decimal: decimal fixed- and floating-point arithmetic, CPython 3.11's interface.

A compact implementation of the General Decimal Arithmetic specification (the one CPython's
_pydecimal and libmpdec follow). Exposes Decimal, Context, DefaultContext/BasicContext/
ExtendedContext, getcontext/setcontext/localcontext, the ROUND_* constants and the signal
classes with CPython's hierarchy.

Invariants: a finite Decimal is (sign, coefficient int >= 0, exponent int); a special one
has exponent 'F' (Infinity), 'n' (quiet NaN) or 'N' (signalling NaN) and its payload as the
coefficient. Every public operation collects its conditions in the context's pending list
and ends with `ctx._done(result)`, which sets the flags and raises, as the C module does,
the first trapped signal with the list of trapped conditions as its argument.
"""

import math as _math

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero', 'Inexact', 'Rounded',
    'Subnormal', 'Overflow', 'Underflow', 'FloatOperation', 'DivisionImpossible',
    'InvalidContext', 'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN',
    'ROUND_05UP', 'setcontext', 'getcontext', 'localcontext', 'MAX_PREC', 'MAX_EMAX',
    'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS', 'HAVE_CONTEXTVAR']

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# The C module's order, used for flag lists, reprs and choosing the exception raised.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped)
# libmpdec's flag-bit order, in which a Context's repr lists its flags and traps.
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow)
_SIGNAL_KEY_MESSAGE = ('valid values for signals are:\n'
                       '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                       '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                       '   Clamped]')
_INVALID_CONDITIONS = (InvalidOperation, ConversionSyntax, DivisionImpossible,
                       DivisionUndefined, InvalidContext)

_HASH_MODULUS = 2305843009213693951
_HASH_10INV = 2075258708292324556
_NO_REFLECTION = (float, str, type(None), list, tuple, dict, set, bytes)


def _ndigits(n):
    return len(str(n)) if n else 1


def _exp_digits(n):
    return len(str(abs(n)))


def _round_coefficient(sign, coef, drop, rounding):
    """Drops `drop` digits of `coef` under `rounding`: (new coefficient, inexact)."""
    if drop <= 0:
        return coef, False
    if drop > len(str(coef)) + 1:
        coef, drop = 1, 1
    p = 10 ** drop
    q, r = divmod(coef, p)
    if not r:
        return q, False
    half = p // 2
    if rounding == ROUND_HALF_EVEN:
        up = r > half or (r == half and q & 1)
    elif rounding == ROUND_HALF_UP:
        up = r >= half
    elif rounding == ROUND_HALF_DOWN:
        up = r > half
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = sign
    else:
        up = q % 5 == 0
    return (q + 1 if up else q), True


def _new(sign, coef, exp):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    return d


def _type_name(x):
    t = type(x)
    if t is Decimal:
        return 'decimal.Decimal'
    return t.__name__


def _convert(other, ctx, op=None, me=None, reflected=False, allow_float=False):
    """`other` as a Decimal for arithmetic, or NotImplemented."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return Decimal(other)
    if allow_float and isinstance(other, float):
        ctx._pending.append(FloatOperation)
        return Decimal.from_float(other)
    if op is not None and (type(other) in _NO_REFLECTION or _is_rational(other)):
        if op == '*' and type(other) in (str, list, tuple, bytes):
            raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
        if op == '+' and reflected and type(other) in (str, list, tuple, bytes):
            raise TypeError('can only concatenate %s (not "decimal.Decimal") to %s'
                            % (type(other).__name__, type(other).__name__))
        names = (_type_name(other), 'decimal.Decimal') if reflected else (
            'decimal.Decimal', _type_name(other))
        raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, *names))
    return NotImplemented


def _operand(x):
    """A method's Decimal operand: a Decimal or an int, as in the C module."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    raise TypeError("conversion from %s to Decimal is not supported" % type(x).__name__)


def _parse(s):
    """The string syntax of the specification: a Decimal, or None on a syntax error."""
    # As the C module: surrounding whitespace and every underscore are dropped.
    s = s.strip().replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return _new(sign, 0, 'F')
    for prefix, kind in (('snan', 'N'), ('nan', 'n')):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if not payload:
                return _new(sign, 0, kind)
            if not payload.isdecimal():
                return None
            return _new(sign, int(payload), kind)
    exp = 0
    epos = max(low.find('e'), -1)
    if epos >= 0:
        es = s[epos + 1:]
        s = s[:epos]
        body = es[1:] if es[:1] in ('+', '-') else es
        if not body or not body.isdecimal():
            return None
        exp = int(es)
    if s.count('.') > 1:
        return None
    intpart, _, frac = s.partition('.')
    digits = intpart + frac
    if not digits or not digits.isdecimal():
        return None
    return _new(sign, int(digits), exp - len(frac))


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp')

    def __new__(cls, value='0', context=None):
        if isinstance(value, str):
            d = _parse(value)
            if d is None:
                ctx = getcontext() if context is None else context
                ctx._pending.append(ConversionSyntax)
                d = ctx._done(_new(0, 0, 'n'))
        elif isinstance(value, int):
            d = _new(1 if value < 0 else 0, abs(value), 0)
        elif isinstance(value, Decimal):
            if cls is Decimal:
                return value
            d = value
        elif isinstance(value, float):
            ctx = getcontext() if context is None else context
            ctx._pending.append(FloatOperation)
            ctx._done(None)
            d = Decimal.from_float(value)
        elif isinstance(value, (list, tuple)):
            d = _from_tuple(value)
        else:
            raise TypeError("conversion from %s to Decimal is not supported"
                            % type(value).__name__)
        if cls is Decimal:
            return d
        self = object.__new__(cls)
        self._sign, self._int, self._exp = d._sign, d._int, d._exp
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = Decimal(f)
        elif not isinstance(f, float):
            raise TypeError("argument must be int or float")
        else:
            sign = 0 if _math.copysign(1.0, f) == 1.0 else 1
            if f != f:
                d = _new(0, 0, 'n')
            elif f in (float('inf'), float('-inf')):
                d = _new(sign, 0, 'F')
            else:
                n, den = abs(f).as_integer_ratio()
                k = den.bit_length() - 1
                d = _new(sign, n * 5 ** k, -k)
        return d if cls is Decimal else cls(d)

    # ----- classification -----
    def _special(self):
        return isinstance(self._exp, str)

    def is_nan(self):
        return self._exp in ('n', 'N')

    def is_qnan(self):
        return self._exp == 'n'

    def is_snan(self):
        return self._exp == 'N'

    def is_infinite(self):
        return self._exp == 'F'

    def is_finite(self):
        return not isinstance(self._exp, str)

    def is_zero(self):
        return not isinstance(self._exp, str) and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        if isinstance(self._exp, str) or not self._int:
            return False
        ctx = getcontext() if context is None else context
        return ctx.Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        if isinstance(self._exp, str) or not self._int:
            return False
        ctx = getcontext() if context is None else context
        return self.adjusted() < ctx.Emin

    def adjusted(self):
        if isinstance(self._exp, str):
            return 0
        return self._exp + _ndigits(self._int) - 1

    def number_class(self, context=None):
        s = '-' if self._sign else '+'
        if self._exp == 'N':
            return 'sNaN'
        if self._exp == 'n':
            return 'NaN'
        if self._exp == 'F':
            return s + 'Infinity'
        if not self._int:
            return s + 'Zero'
        if self.is_subnormal(context):
            return s + 'Subnormal'
        return s + 'Normal'

    def radix(self):
        return Decimal(10)

    def as_tuple(self):
        if self._exp in ('n', 'N', 'F'):
            digits = tuple(map(int, str(self._int))) if self._int else (
                (0,) if self._exp == 'F' else ())
        else:
            digits = tuple(map(int, str(self._int)))
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._exp in ('n', 'N'):
            raise ValueError("cannot convert NaN to integer ratio")
        if self._exp == 'F':
            raise OverflowError("cannot convert Infinity to integer ratio")
        n, e = self._int, self._exp
        if e >= 0:
            n, d = n * 10 ** e, 1
        else:
            d = 10 ** -e
            g = _math.gcd(n, d)
            n, d = n // g, d // g
        return (-n if self._sign else n), d

    # ----- string conversion -----
    def __str__(self, eng=False, context=None):
        sign = '-' if self._sign else ''
        e = self._exp
        if isinstance(e, str):
            if e == 'F':
                return sign + 'Infinity'
            return sign + ('sNaN' if e == 'N' else 'NaN') + (str(self._int) if self._int else '')
        digits = str(self._int)
        leftdigits = e + len(digits)
        if e <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == 0:
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart, fracpart = '0', '.' + '0' * (-dotplace) + digits
        elif dotplace >= len(digits):
            intpart, fracpart = digits + '0' * (dotplace - len(digits)), ''
        else:
            intpart, fracpart = digits[:dotplace], '.' + digits[dotplace:]
        if leftdigits == dotplace:
            exp = ''
        else:
            ctx = getcontext() if context is None else context
            exp = ('E' if ctx.capitals else 'e') + '%+d' % (leftdigits - dotplace)
        return sign + intpart + fracpart + exp

    def to_eng_string(self, context=None):
        return self.__str__(True, context)

    def __repr__(self):
        return "Decimal('%s')" % self

    # ----- conversions -----
    def __bool__(self):
        return isinstance(self._exp, str) or self._int != 0

    def __int__(self):
        if self._exp in ('n', 'N'):
            raise ValueError("cannot convert NaN to integer")
        if self._exp == 'F':
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        elif -self._exp > len(str(self._int)):
            n = 0  # without computing 10 ** -exp for a tiny value such as 1E-999999999
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._exp in ('n', 'N'):
            if self._exp == 'N':
                raise ValueError("cannot convert signaling NaN to float")
            return float('-nan' if self._sign else 'nan')
        return float(str(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def _to_int(self, rounding):
        if self._exp in ('n', 'N'):
            raise ValueError("cannot convert NaN to integer")
        if self._exp == 'F':
            raise OverflowError("cannot convert Infinity to integer")
        return int(self._rescale(0, rounding))

    def __round__(self, *args):
        if args:
            n = args[0]
            if len(args) > 1 or not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            return self.quantize(_new(0, 1, -n))
        return self._to_int(ROUND_HALF_EVEN)

    def __hash__(self):
        e = self._exp
        if isinstance(e, str):
            if e == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if e == 'n':
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        if e >= 0:
            exp_hash = pow(10, e, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -e, _HASH_MODULUS)
        h = self._int * exp_hash % _HASH_MODULUS
        h = -h if self._sign else h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # ----- the core of the context: rounding to precision and exponent limits -----
    def _fix(self, ctx):
        sign, coef, exp = self._sign, self._int, self._exp
        if isinstance(exp, str):
            if exp in ('n', 'N') and coef:
                room = ctx.prec - ctx.clamp
                if len(str(coef)) > room:
                    return _new(sign, int(str(coef)[-room:]) if room > 0 else 0, exp)
            return self
        prec = ctx.prec
        etiny = ctx.Emin - prec + 1
        etop = ctx.Emax - prec + 1
        pending = ctx._pending
        if not coef:
            exp_max = etop if ctx.clamp else ctx.Emax
            new_exp = min(max(exp, etiny), exp_max)
            if new_exp != exp:
                pending.append(Clamped)
                return _new(sign, 0, new_exp)
            return self
        n = len(str(coef))
        exp_min = n + exp - prec
        if exp_min > etop:
            return _overflow(sign, ctx)
        subnormal = exp_min < etiny
        if subnormal:
            exp_min = etiny
        if exp < exp_min:
            coef, inexact = _round_coefficient(sign, coef, exp_min - exp, ctx.rounding)
            if len(str(coef)) > prec:
                coef //= 10
                exp_min += 1
                if exp_min > etop:
                    return _overflow(sign, ctx)
            if subnormal:
                if inexact:
                    pending.append(Underflow)
                pending.append(Subnormal)
            if inexact:
                pending.append(Inexact)
            pending.append(Rounded)
            if not coef:
                pending.append(Clamped)
            return _new(sign, coef, exp_min)
        if subnormal:
            pending.append(Subnormal)
        if ctx.clamp == 1 and exp > etop:
            pending.append(Clamped)
            return _new(sign, coef * 10 ** (exp - etop), etop)
        return self

    def _rescale(self, exp, rounding):
        """This number at exponent `exp`, rounded, without flags or limits."""
        if isinstance(self._exp, str):
            return self
        if not self._int:
            return _new(self._sign, 0, exp)
        if self._exp >= exp:
            return _new(self._sign, self._int * 10 ** (self._exp - exp), exp)
        coef, _ = _round_coefficient(self._sign, self._int, exp - self._exp, rounding)
        return _new(self._sign, coef, exp)

    def _round(self, places, rounding):
        """This number rounded to `places` significant digits (zero is left alone)."""
        if not self._int:
            return self
        ans = self._rescale(self.adjusted() + 1 - places, rounding)
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted() + 1 - places, rounding)
        return ans

    # ----- arithmetic -----
    def __add__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '+', self)
        if other is NotImplemented:
            return other
        return ctx._done(_add(self, other, ctx))

    def __radd__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '+', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_add(other, self, ctx))

    def __sub__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '-', self)
        if other is NotImplemented:
            return other
        return ctx._done(_add(self, other.copy_negate(), ctx, other))

    def __rsub__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '-', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_add(other, self.copy_negate(), ctx, self))

    def __mul__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '*', self)
        if other is NotImplemented:
            return other
        return ctx._done(_mul(self, other, ctx))

    def __rmul__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '*', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_mul(other, self, ctx))

    def __truediv__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '/', self)
        if other is NotImplemented:
            return other
        return ctx._done(_div(self, other, ctx))

    def __rtruediv__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '/', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_div(other, self, ctx))

    def __divmod__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, 'divmod()', self)
        if other is NotImplemented:
            return other
        return ctx._done(_divmod(self, other, ctx, 3))

    def __rdivmod__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, 'divmod()', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_divmod(other, self, ctx, 3))

    def __floordiv__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '//', self)
        if other is NotImplemented:
            return other
        return ctx._done(_divmod(self, other, ctx, 1))

    def __rfloordiv__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '//', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_divmod(other, self, ctx, 1))

    def __mod__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '%', self)
        if other is NotImplemented:
            return other
        return ctx._done(_divmod(self, other, ctx, 2))

    def __rmod__(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '%', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_divmod(other, self, ctx, 2))

    def __pow__(self, other, modulo=None, context=None):
        ctx = getcontext() if context is None else context
        if modulo is not None:
            raise NotImplementedError('three-argument pow() of a Decimal is not supported')
        other = _convert(other, ctx, '** or pow()', self)
        if other is NotImplemented:
            return other
        return ctx._done(_pow(self, other, ctx))

    def __rpow__(self, other, modulo=None, context=None):
        ctx = getcontext() if context is None else context
        other = _convert(other, ctx, '** or pow()', self, True)
        if other is NotImplemented:
            return other
        return ctx._done(_pow(other, self, ctx))

    def remainder_near(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _operand(other)
        return ctx._done(_remainder_near(self, other, ctx))

    def __neg__(self, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        if not self and ctx.rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ctx._done(ans._fix(ctx))

    def __pos__(self, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        ans = self.copy_abs() if not self and ctx.rounding != ROUND_FLOOR else self
        return ctx._done(ans._fix(ctx))

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if self.is_nan():
            ctx = getcontext() if context is None else context
            return ctx._done(_check_nans(ctx, self))
        return self.__neg__(context) if self._sign else self.__pos__(context)

    def copy_abs(self):
        return _new(0, self._int, self._exp)

    def copy_negate(self):
        return _new(1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _operand(other)
        return _new(other._sign, self._int, self._exp)

    def sqrt(self, context=None):
        ctx = getcontext() if context is None else context
        return ctx._done(_sqrt(self, ctx))

    def exp(self, context=None):
        ctx = getcontext() if context is None else context
        return ctx._done(_exp(self, ctx))

    def ln(self, context=None):
        ctx = getcontext() if context is None else context
        return ctx._done(_ln(self, ctx, False))

    def log10(self, context=None):
        ctx = getcontext() if context is None else context
        return ctx._done(_ln(self, ctx, True))

    def fma(self, other, third, context=None):
        ctx = getcontext() if context is None else context
        other = _operand(other)
        third = _operand(third)
        if self.is_nan() or other.is_nan():
            product = _mul(self, other, ctx)
        elif self._exp == 'F' or other._exp == 'F':
            product = _mul(self, other, ctx)
        else:
            product = _new(self._sign ^ other._sign, self._int * other._int,
                           self._exp + other._exp)
        if product.is_nan():
            return ctx._done(_check_nans(ctx, self, other) or product)
        return ctx._done(_add(product, third, ctx))

    # ----- comparisons -----
    def _compare_operand(self, other, ctx, equality):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            if equality:
                # Equality with a float sets the flag but is never trapped.
                ctx.flags._d[FloatOperation] = True
            else:
                ctx._pending.append(FloatOperation)
            return Decimal.from_float(other)
        return NotImplemented

    def _rational_compare(self, other):
        # Fractions (any numbers.Rational) compare exactly: scale both sides.
        if self._exp in ('n', 'N', 'F'):
            return None
        n, d = self.as_integer_ratio()
        return (n * other.denominator > other.numerator * d) - (
            n * other.denominator < other.numerator * d)

    def __eq__(self, other, context=None):
        ctx = getcontext() if context is None else context
        o = self._compare_operand(other, ctx, True)
        if o is NotImplemented:
            if _is_rational(other):
                if self.is_nan():
                    return False
                if self._exp == 'F':
                    return False
                return self._rational_compare(other) == 0
            return o
        if self.is_nan() or o.is_nan():
            if self.is_snan() or o.is_snan():
                ctx._pending.append(InvalidOperation)
                ctx._done(None)
            return False
        return _cmp(self, o) == 0

    def _order(self, other, context, op):
        ctx = getcontext() if context is None else context
        o = self._compare_operand(other, ctx, False)
        if o is NotImplemented:
            if _is_rational(other) and not self.is_nan():
                if self._exp == 'F':
                    return -1 if self._sign else 1
                return self._rational_compare(other)
            return o
        if self.is_nan() or o.is_nan():
            ctx._pending.append(InvalidOperation)
            ctx._done(None)
            return None
        ctx._done(None)
        return _cmp(self, o)

    def __lt__(self, other, context=None):
        c = self._order(other, context, '<')
        return c if c is NotImplemented else (c is not None and c < 0)

    def __le__(self, other, context=None):
        c = self._order(other, context, '<=')
        return c if c is NotImplemented else (c is not None and c <= 0)

    def __gt__(self, other, context=None):
        c = self._order(other, context, '>')
        return c if c is NotImplemented else (c is not None and c > 0)

    def __ge__(self, other, context=None):
        c = self._order(other, context, '>=')
        return c if c is NotImplemented else (c is not None and c >= 0)

    def compare(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _operand(other)
        nan = _check_nans(ctx, self, other)
        if nan:
            return ctx._done(nan)
        return Decimal(_cmp(self, other))

    def compare_signal(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _operand(other)
        if self.is_nan() or other.is_nan():
            ctx._pending.append(InvalidOperation)
            return ctx._done(_check_nans(ctx, self, other))
        return Decimal(_cmp(self, other))

    def same_quantum(self, other, context=None):
        other = _operand(other)
        if isinstance(self._exp, str) or isinstance(other._exp, str):
            return (self.is_nan() and other.is_nan()) or (
                self._exp == 'F' and other._exp == 'F')
        return self._exp == other._exp

    def max(self, other, context=None):
        return self._minmax(other, context, 1, False)

    def min(self, other, context=None):
        return self._minmax(other, context, -1, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, 1, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, -1, True)

    def _minmax(self, other, context, want, mag):
        ctx = getcontext() if context is None else context
        other = _operand(other)
        if self.is_nan() or other.is_nan():
            if self.is_snan() or other.is_snan() or not (self.is_nan() and other.is_nan()):
                if self.is_snan() or other.is_snan():
                    return ctx._done(_check_nans(ctx, self, other))
                return ctx._done((other if self.is_nan() else self)._fix(ctx))
            return ctx._done(_check_nans(ctx, self, other))
        c = _cmp(self.copy_abs(), other.copy_abs()) if mag else 0
        if c == 0:
            c = _cmp(self, other)
        if c == 0:
            c = _total_cmp(self, other)
        return ctx._done((self if c == want else other)._fix(ctx))

    # ----- quantum and integral operations -----
    def quantize(self, exp, rounding=None, context=None):
        ctx = getcontext() if context is None else context
        exp = _operand(exp)
        if rounding is None:
            rounding = ctx.rounding
        elif rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_MESSAGE)
        return ctx._done(_quantize(self, exp, rounding, ctx))

    def to_integral_value(self, rounding=None, context=None):
        ctx = getcontext() if context is None else context
        rounding = ctx.rounding if rounding is None else rounding
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        if self._exp == 'F' or self._exp >= 0:
            return self
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        ctx = getcontext() if context is None else context
        rounding = ctx.rounding if rounding is None else rounding
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        if self._exp == 'F' or self._exp >= 0:
            return self
        if not self._int:
            return _new(self._sign, 0, 0)
        ans = self._rescale(0, rounding)
        if ans != self:
            ctx._pending.append(Inexact)
        ctx._pending.append(Rounded)
        return ctx._done(ans)

    def normalize(self, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        dup = self._fix(ctx)
        if dup._exp == 'F':
            return ctx._done(dup)
        if not dup._int:
            return ctx._done(_new(dup._sign, 0, 0))
        exp_max = ctx.Emax - ctx.prec + 1 if ctx.clamp else ctx.Emax
        coef, exp = dup._int, dup._exp
        while coef % 10 == 0 and exp < exp_max:
            coef //= 10
            exp += 1
        return ctx._done(_new(dup._sign, coef, exp))

    def scaleb(self, other, context=None):
        ctx = getcontext() if context is None else context
        other = _operand(other)
        nan = _check_nans(ctx, self, other)
        if nan:
            return ctx._done(nan)
        if other._exp != 0 or other._exp == 'F':
            ctx._pending.append(InvalidOperation)
            return ctx._done(_new(0, 0, 'n'))
        limit = 2 * (ctx.Emax + ctx.prec)
        if not -limit <= int(other) <= limit:
            ctx._pending.append(InvalidOperation)
            return ctx._done(_new(0, 0, 'n'))
        if self._exp == 'F':
            return self
        return ctx._done(_new(self._sign, self._int, self._exp + int(other))._fix(ctx))

    def logb(self, context=None):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        if self._exp == 'F':
            return _new(0, 0, 'F')
        if not self._int:
            ctx._pending.append(DivisionByZero)
            return ctx._done(_new(1, 0, 'F'))
        return ctx._done(Decimal(self.adjusted())._fix(ctx))

    def next_plus(self, context=None):
        return self._next(context, 1)

    def next_minus(self, context=None):
        return self._next(context, -1)

    def _next(self, context, direction):
        ctx = getcontext() if context is None else context
        if self.is_nan():
            return ctx._done(_check_nans(ctx, self))
        if self._exp == 'F':
            if (self._sign == 0) == (direction > 0):
                return self
            return _new(self._sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)
        quiet = ctx.copy()
        quiet.rounding = ROUND_CEILING if direction > 0 else ROUND_FLOOR
        quiet.clear_traps()
        fixed = self._fix(quiet)
        if _cmp(fixed, self) != 0:
            return fixed
        quiet._pending = []
        step = _new(0 if direction > 0 else 1, 1, ctx.Emin - ctx.prec)
        return ctx._done(_add(self, step, ctx))

    def __format__(self, specifier, context=None):
        return _format(self, specifier, getcontext() if context is None else context)


def _is_rational(x):
    return hasattr(x, 'numerator') and hasattr(x, 'denominator') and not isinstance(
        x, (int, float, Decimal)) and type(x).__name__ == 'Fraction'


_ROUNDING_MESSAGE = ("valid values for rounding are:\n"
                     "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                     "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                     "   ROUND_05UP]")


def _overflow(sign, ctx):
    ctx._pending.extend((Overflow, Inexact, Rounded))
    r = ctx.rounding
    if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP) or (
            r == ROUND_CEILING and not sign) or (r == ROUND_FLOOR and sign):
        return _new(sign, 0, 'F')
    return _new(sign, 10 ** ctx.prec - 1, ctx.Emax - ctx.prec + 1)


def _check_nans(ctx, a, b=None):
    """The NaN result of an operation on a NaN operand, or None when there is none."""
    for x in (a, b):
        if x is not None and x._exp == 'N':
            ctx._pending.append(InvalidOperation)
            return _new(x._sign, x._int, 'n')._fix(ctx)
    for x in (a, b):
        if x is not None and x._exp == 'n':
            return x._fix(ctx)
    return None


def _invalid(ctx, cond=InvalidOperation):
    ctx._pending.append(cond)
    return _new(0, 0, 'n')


def _cmp(a, b):
    """-1, 0 or 1 for two non-NaN Decimals."""
    if a._exp == 'F' or b._exp == 'F':
        av = (-1 if a._sign else 1) if a._exp == 'F' else 0
        bv = (-1 if b._sign else 1) if b._exp == 'F' else 0
        if av == bv:
            return 0
        if av or bv:
            if av and bv:
                return (av > bv) - (av < bv)
            if av:
                return av
            return -bv
    if not a._int:
        if not b._int:
            return 0
        return 1 if b._sign else -1
    if not b._int:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    aa, ba = a.adjusted(), b.adjusted()
    if aa != ba:
        c = 1 if aa > ba else -1
    else:
        ai, bi = a._int, b._int
        if a._exp > b._exp:
            ai *= 10 ** (a._exp - b._exp)
        else:
            bi *= 10 ** (b._exp - a._exp)
        c = (ai > bi) - (ai < bi)
    return -c if a._sign else c


def _total_cmp(a, b):
    """compare_total for equal values: more negative exponent first (for positive)."""
    if a._sign != b._sign:
        return -1 if a._sign else 1
    if a._exp == b._exp:
        return 0
    c = -1 if a._exp < b._exp else 1
    return -c if a._sign else c


def _add(a, b, ctx, orig_b=None):
    """a + b; for a subtraction b is the negated operand and orig_b the original (a NaN
    result keeps the original's sign)."""
    if isinstance(a._exp, str) or isinstance(b._exp, str):
        nan = _check_nans(ctx, a, b if orig_b is None else orig_b)
        if nan:
            return nan
        if a._exp == 'F':
            if b._exp == 'F' and a._sign != b._sign:
                return _invalid(ctx)
            return a
        return b
    exp = min(a._exp, b._exp)
    negzero = 1 if ctx.rounding == ROUND_FLOOR and a._sign != b._sign else 0
    if not a._int and not b._int:
        sign = 1 if negzero else min(a._sign, b._sign)
        return _new(sign, 0, exp)._fix(ctx)
    if not a._int:
        exp = max(exp, b._exp - ctx.prec - 1)
        return b._rescale(exp, ROUND_DOWN)._fix(ctx)
    if not b._int:
        exp = max(exp, a._exp - ctx.prec - 1)
        return a._rescale(exp, ROUND_DOWN)._fix(ctx)
    # Align the operands; a far smaller one only matters as a sticky digit.
    if a._exp < b._exp:
        big, small = b, a
    else:
        big, small = a, b
    bi, si, se = big._int, small._int, small._exp
    limit = big._exp + min(-1, len(str(bi)) - ctx.prec - 2)
    if len(str(si)) + se - 1 < limit:
        si, se = 1, limit
    bi *= 10 ** (big._exp - se)
    if big._sign == small._sign:
        return _new(big._sign, bi + si, se)._fix(ctx)
    if bi == si:
        return _new(negzero, 0, se)._fix(ctx)
    if bi > si:
        return _new(big._sign, bi - si, se)._fix(ctx)
    return _new(small._sign, si - bi, se)._fix(ctx)


def _mul(a, b, ctx):
    sign = a._sign ^ b._sign
    if isinstance(a._exp, str) or isinstance(b._exp, str):
        nan = _check_nans(ctx, a, b)
        if nan:
            return nan
        if a._exp == 'F':
            return _invalid(ctx) if b.is_zero() else _new(sign, 0, 'F')
        return _invalid(ctx) if a.is_zero() else _new(sign, 0, 'F')
    return _new(sign, a._int * b._int, a._exp + b._exp)._fix(ctx)


def _div(a, b, ctx):
    sign = a._sign ^ b._sign
    if isinstance(a._exp, str) or isinstance(b._exp, str):
        nan = _check_nans(ctx, a, b)
        if nan:
            return nan
        if a._exp == 'F':
            return _invalid(ctx) if b._exp == 'F' else _new(sign, 0, 'F')
        ctx._pending.append(Clamped)
        return _new(sign, 0, ctx.Emin - ctx.prec + 1)
    if not b._int:
        if not a._int:
            return _invalid(ctx, DivisionUndefined)
        ctx._pending.append(DivisionByZero)
        return _new(sign, 0, 'F')
    if not a._int:
        return _new(sign, 0, a._exp - b._exp)._fix(ctx)
    shift = len(str(b._int)) - len(str(a._int)) + ctx.prec + 1
    exp = a._exp - b._exp - shift
    if shift >= 0:
        coef, rem = divmod(a._int * 10 ** shift, b._int)
    else:
        coef, rem = divmod(a._int, b._int * 10 ** -shift)
    if rem:
        if coef % 5 == 0:
            coef += 1
    else:
        ideal = a._exp - b._exp
        while exp < ideal and coef % 10 == 0:
            coef //= 10
            exp += 1
    return _new(sign, coef, exp)._fix(ctx)


def _divmod(a, b, ctx, want):
    """want: 1 the quotient (//), 2 the remainder (%), 3 both (divmod)."""
    sign = a._sign ^ b._sign
    if isinstance(a._exp, str) or isinstance(b._exp, str):
        nan = _check_nans(ctx, a, b)
        if nan:
            return (nan, nan) if want == 3 else nan
        if a._exp == 'F':
            if b._exp == 'F':
                nan = _invalid(ctx)
                return (nan, nan) if want == 3 else nan
            if want == 1:
                return _new(sign, 0, 'F')
            nan = _invalid(ctx)
            return (_new(sign, 0, 'F'), nan) if want == 3 else nan
        q = _new(sign, 0, 0)
        if want == 1:
            return q
        r = a._fix(ctx)
        return (q, r) if want == 3 else r
    if not b._int:
        if not a._int:
            nan = _invalid(ctx, DivisionUndefined)
            return (nan, nan) if want == 3 else nan
        if want == 2:
            return _invalid(ctx)
        ctx._pending.append(DivisionByZero)
        q = _new(sign, 0, 'F')
        return (q, _invalid(ctx)) if want == 3 else q
    ideal = min(a._exp, b._exp)
    expdiff = a.adjusted() - b.adjusted()
    if not a._int or expdiff <= -2:
        q, r = _new(sign, 0, 0), a._rescale(ideal, ROUND_DOWN)
    elif expdiff <= ctx.prec:
        ai, bi = a._int, b._int
        if a._exp >= b._exp:
            ai *= 10 ** (a._exp - b._exp)
        else:
            bi *= 10 ** (b._exp - a._exp)
        qi, ri = divmod(ai, bi)
        if qi >= 10 ** ctx.prec:
            nan = _invalid(ctx, DivisionImpossible)
            return (nan, nan) if want == 3 else nan
        q, r = _new(sign, qi, 0), _new(a._sign, ri, ideal)
    else:
        nan = _invalid(ctx, DivisionImpossible)
        return (nan, nan) if want == 3 else nan
    if want == 2:
        return r._fix(ctx)
    q = q._fix(ctx)
    if want == 1:
        return q
    r = r._fix(ctx)
    return (q, r) if want == 3 else r


def _remainder_near(a, b, ctx):
    nan = _check_nans(ctx, a, b)
    if nan:
        return nan
    if a._exp == 'F':
        return _invalid(ctx)
    if b._exp == 'F':
        return a._fix(ctx)
    if not b._int:
        return _invalid(ctx, DivisionUndefined if not a._int else InvalidOperation)
    ideal = min(a._exp, b._exp)
    if not a._int:
        return _new(a._sign, 0, ideal)._fix(ctx)
    expdiff = a.adjusted() - b.adjusted()
    if expdiff >= ctx.prec + 1:
        return _invalid(ctx, DivisionImpossible)
    if expdiff <= -2:
        return a._rescale(ideal, ROUND_DOWN)._fix(ctx)
    ai, bi = a._int, b._int
    if a._exp >= b._exp:
        ai *= 10 ** (a._exp - b._exp)
    else:
        bi *= 10 ** (b._exp - a._exp)
    q, r = divmod(ai, bi)
    if 2 * r + (q & 1) > bi:
        r -= bi
        q += 1
    if q >= 10 ** ctx.prec:
        return _invalid(ctx, DivisionImpossible)
    sign = a._sign
    if r < 0:
        sign = 1 - sign
        r = -r
    return _new(sign, r, ideal)._fix(ctx)


def _sqrt(x, ctx):
    if isinstance(x._exp, str):
        nan = _check_nans(ctx, x)
        if nan:
            return nan
        return _invalid(ctx) if x._sign else x
    if not x._int:
        return _new(x._sign, 0, x._exp // 2)._fix(ctx)
    if x._sign:
        return _invalid(ctx)
    prec = ctx.prec + 1
    e = x._exp >> 1
    n = len(str(x._int))
    if x._exp & 1:
        c = x._int * 10
        length = (n >> 1) + 1
    else:
        c = x._int
        length = (n + 1) >> 1
    shift = prec - length
    if shift >= 0:
        c *= 100 ** shift
        exact = True
    else:
        c, rem = divmod(c, 100 ** -shift)
        exact = not rem
    e -= shift
    r = _math.isqrt(c)
    exact = exact and r * r == c
    if exact:
        if shift >= 0:
            r //= 10 ** shift
        else:
            r *= 10 ** -shift
        e += shift
    elif r % 5 == 0:
        r += 1
    work = ctx.copy()
    work.rounding = ROUND_HALF_EVEN
    work._pending = ctx._pending
    return _new(0, r, e)._fix(work)


def _quantize(x, q, rounding, ctx):
    if isinstance(x._exp, str) or isinstance(q._exp, str):
        nan = _check_nans(ctx, x, q)
        if nan:
            return nan
        if x._exp == 'F' and q._exp == 'F':
            return x
        return _invalid(ctx)
    if not (ctx.Emin - ctx.prec + 1 <= q._exp <= ctx.Emax):
        return _invalid(ctx)
    if not x._int:
        return _new(x._sign, 0, q._exp)._fix(ctx)
    adj = x.adjusted()
    if adj > ctx.Emax or adj - q._exp + 1 > ctx.prec:
        return _invalid(ctx)
    ans = x._rescale(q._exp, rounding)
    if ans.adjusted() > ctx.Emax or len(str(ans._int)) > ctx.prec:
        return _invalid(ctx)
    if ans._int and ans.adjusted() < ctx.Emin:
        ctx._pending.append(Subnormal)
    if ans._exp > x._exp:
        if _cmp(ans, x) != 0:
            ctx._pending.append(Inexact)
        ctx._pending.append(Rounded)
    return ans._fix(ctx)


def _pow(x, y, ctx):
    """x ** y for an integral y, following libmpdec's mpd_qpow step for step."""
    if isinstance(x._exp, str) or isinstance(y._exp, str):
        nan = _check_nans(ctx, x, y)
        if nan:
            return nan
    y_integral = y._exp == 'F' or (y._exp >= 0 or y._int % 10 ** -y._exp == 0)
    odd = y._exp != 'F' and y_integral and int(y) & 1
    sign = x._sign if odd else 0
    if not x.is_nan() and x._sign and not y_integral and not x.is_zero():
        return _invalid(ctx)
    if y._exp == 'F':
        if x._sign and not x.is_zero():
            # (-1 < x < 0) ** inf etc. follow |x|; negative bases are invalid
            if _cmp(x.copy_abs(), Decimal(1)) != 0 or True:
                return _invalid(ctx)
        c = _cmp(x.copy_abs(), Decimal(1))
        if c == 0:
            ctx._pending.extend((Inexact, Rounded))
            return _new(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
        big = (c > 0) != bool(y._sign)
        if x.is_zero():
            big = bool(y._sign)
        return _new(0, 0, 'F') if big else _new(0, 0, 0)
    if x._exp == 'F':
        if not y._int:
            return _new(0, 1, 0)
        return _new(sign, 0, 0) if y._sign else _new(sign, 0, 'F')
    if not x._int:
        if not y._int:
            return _invalid(ctx)
        return _new(sign, 0, 'F') if y._sign else _new(sign, 0, 0)
    if not y._int:
        return _new(0, 1, 0)
    if not y_integral:
        bounded = _pow_bounds(x, y, 0, ctx)
        if bounded is not None:
            return bounded
        return _pow_real(x, y, ctx)
    n = int(y)
    # |base| exactly 1 (in any representation): an exact power of the coefficient 1,
    # not rounded to the context (libmpdec's _qcheck_pow_one)
    if _cmp(x.copy_abs(), Decimal(1)) == 0:
        if n < 0:
            return _new(sign, 1, 0)
        shift = n * -x._exp
        if shift > ctx.prec - 1:
            shift = ctx.prec - 1
            ctx._pending.append(Rounded)
        return _new(sign, 10 ** shift, -shift)
    bounded = _pow_bounds(x, y, sign, ctx)
    if bounded is not None:
        return bounded
    work = ctx.copy()
    work.clamp = 0
    work.rounding = ROUND_HALF_EVEN
    work.prec = ctx.prec + len(str(y._int)) + y._exp + 2
    base = x.copy_abs()
    status = []
    work._pending = status
    if n < 0:
        work.prec += 1
        base = _div(_new(0, 1, 0), base, work)
        n = -n
    result = base
    bit = 1 << (n.bit_length() - 1)
    while bit > 1:
        bit >>= 1
        result = _mul(result, result, work)
        if n & bit:
            result = _mul(result, base, work)
        if result._exp == 'F' or (not result._int and Clamped in status):
            break
    ctx._pending.extend(status)
    if result._exp == 'F':
        result = _new(sign, 1, MAX_EMAX * 4)
    return _new(sign, result._int, result._exp)._fix(ctx)


def _pow_bounds(x, y, sign, ctx):
    """The Overflow or Underflow result when |x| ** y is certainly out of range."""
    ax = x.copy_abs()
    lb_theta = y.adjusted()
    t = ax.adjusted()
    if t > 0:
        lb_zeta = _exp_digits(t) - 1
    elif t < -1:
        lb_zeta = _exp_digits(t + 1) - 1
    else:
        u = _add(ax, _new(1, 1, 0), Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)).adjusted()
        lb_zeta = u - 2 if t == 0 else u - 1
    if ((t < 0) ^ y._sign) == 0:
        if _exp_digits(ctx.Emax) < lb_zeta + lb_theta:
            return _new(sign, 1, MAX_EMAX * 4)._fix(ctx)
    else:
        etiny = ctx.Emin - ctx.prec + 1
        if _exp_digits(etiny) < lb_zeta + lb_theta:
            return _new(sign, 1, etiny - 1)._fix(ctx)
    return None


# ----- exp, ln, log10 and non-integral powers: correctly rounded, as libmpdec's "allcr" -----
# Each value is approximated in fixed point (Python ints scaled by a power of ten) with a
# known error bound, and the precision grows until both ends of the error interval round
# to the same result (Ziv's strategy, libmpdec's loop), so the result is the exact value
# rounded half-even, as the C module's.

_ZIV_ERROR = 100          # the approximations below are within this many units
_LN10_CACHE = {}


def _fx_exp(r, w):
    """exp(r / 10**w) * 10**w, within a few units, for |r| / 10**w below about 3."""
    if r < 0:
        return 10 ** (2 * w) // _fx_exp(-r, w)
    g = w + 16
    one = 10 ** g
    y = (r * 10 ** (g - w)) >> 10
    total = term = one
    n = 1
    while term:
        term = term * y // (one * n)
        total += term
        n += 1
    for _ in range(10):
        total = total * total // one
    return total // 10 ** (g - w)


def _fx_ln_m(m, w):
    """ln(m / 10**w) * 10**w, within a few units, for m / 10**w in [1, 10]."""
    g = w + 12
    one = 10 ** g
    y = m * 10 ** (g - w)
    for _ in range(8):
        y = _math.isqrt(y * one)
    z = (y - one) * one // (y + one)
    z2 = z * z // one
    total = term = z
    k = 1
    while term:
        term = term * z2 // one
        total += term // (2 * k + 1)
        k += 1
    return (total << 9) // 10 ** (g - w)


def _fx_ln10(w):
    v = _LN10_CACHE.get(w)
    if v is None:
        v = _LN10_CACHE[w] = _fx_ln_m(10 ** (w + 1), w)
    return v


def _fx_ln(c, e, q):
    """ln(c * 10**e) * 10**q within a few units, for c > 0 and q >= 0."""
    nd = _ndigits(c)
    k = nd - 1 + e
    w = q + 8 + _exp_digits(k)
    shift = w - (nd - 1)
    m = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
    return (_fx_ln_m(m, w) + k * _fx_ln10(w)) // 10 ** (w - q)


def _ln_adjusted_estimate(c, e):
    """About the adjusted exponent of ln(c * 10**e) (within one or two)."""
    k = _ndigits(c) - 1 + e
    if k in (0, -1):
        num, den = (c - 10 ** -e, 10 ** -e) if e < 0 else (c * 10 ** e - 1, 1)
        if 2 * abs(num) < den:
            return _ndigits(abs(num)) - _ndigits(den)
    m = float(str(c)[:17] + 'e-' + str(min(len(str(c)), 17) - 1))
    v = abs(_math.log10(m) + k) * 2.302585092994046
    return _math.floor(_math.log10(v)) if v > 0 else -1


def _round_to_digits(n, e, p, etiny):
    """n * 10**e rounded half-even to p digits (not below exponent etiny): a triple."""
    sign = 1 if n < 0 else 0
    c = abs(n)
    target = _ndigits(c) + e - p
    if etiny is not None and target < etiny:
        target = etiny
    if target <= e:
        return sign, c * 10 ** (e - target), target
    coef, _ = _round_coefficient(sign, c, target - e, ROUND_HALF_EVEN)
    if _ndigits(coef) > p:
        coef //= 10
        target += 1
    return sign, coef, target


def _ziv(approx, level, step, p, etiny):
    """The correctly rounded triple of the value `approx(level)` approximates."""
    while True:
        a, e = approx(level)
        if abs(a) > _ZIV_ERROR * 10 ** (p + 1):
            lo = _round_to_digits(a - _ZIV_ERROR, e, p, etiny)
            hi = _round_to_digits(a + _ZIV_ERROR, e, p, etiny)
            if lo == hi or (not lo[1] and not hi[1]):
                return lo
        level += step


def _exp_triple(x, p, etiny):
    """exp(x) correctly rounded to p digits, for finite nonzero x of modest size."""
    c = x._int if not x._sign else -x._int
    e = x._exp

    def approx(d):
        w = d + 6
        s = w + 25 + max(x.adjusted(), 0)
        xs = c * 10 ** (e + s) if e + s >= 0 else c // 10 ** -(e + s)
        l10 = _fx_ln10(s)
        k = xs // l10
        r = (xs - k * l10) // 10 ** (s - w)
        return _fx_exp(r, w), k - w

    return _ziv(approx, p, 10, p, etiny)


def _ln_triple(x, p, etiny, base10=False):
    """ln(x) (log10(x) if base10) correctly rounded to p digits, for finite x > 0, x != 1."""
    c, e = x._int, x._exp
    adj = _ln_adjusted_estimate(c, e) - (1 if base10 else 0)

    def approx(q):
        if not base10:
            return _fx_ln(c, e, q), -q
        w = q + 4
        return _fx_ln(c, e, w) * 10 ** w // _fx_ln10(w) // 10 ** 4, -q

    return _ziv(approx, max(p + 6 - adj, 1), 12, p, etiny)


def _finish_inexact(triple, ctx):
    """An inexact correctly rounded result under the context's limits, half-even."""
    sign, coef, e = triple
    work = ctx.copy()
    work.rounding = ROUND_HALF_EVEN
    work._pending = ctx._pending
    ans = _new(sign, coef, e)._fix(work)
    if ans._exp != 'F':
        if not ans._int:
            ctx._pending.extend((Subnormal, Underflow, Clamped))
        elif ans.adjusted() < ctx.Emin:
            ctx._pending.extend((Subnormal, Underflow))
    ctx._pending.extend((Inexact, Rounded))
    return ans


def _exp(x, ctx):
    if isinstance(x._exp, str):
        nan = _check_nans(ctx, x)
        if nan:
            return nan
        return _new(0, 0, 0) if x._sign else x
    if not x._int:
        return _new(0, 1, 0)
    p = ctx.prec
    etiny = ctx.Emin - p + 1
    adj = x.adjusted()
    # e**x is far outside any exponent range: 10**k with |k| near x / ln(10)
    k = float(x) / 2.302585092994046 if adj <= 19 else (-1e300 if x._sign else 1e300)
    if k > ctx.Emax + 2:
        return _overflow_half_even(ctx)
    if k < etiny - 3:
        ctx._pending.extend((Inexact, Rounded, Subnormal, Underflow, Clamped))
        return _new(0, 0, etiny)
    return _finish_inexact(_exp_triple(x, p, etiny), ctx)


def _overflow_half_even(ctx):
    ctx._pending.extend((Overflow, Inexact, Rounded))
    return _new(0, 0, 'F')


def _ln(x, ctx, base10):
    if isinstance(x._exp, str):
        nan = _check_nans(ctx, x)
        if nan:
            return nan
        return _invalid(ctx) if x._sign else x
    if not x._int:
        return _new(1, 0, 'F')
    if x._sign:
        return _invalid(ctx)
    if _cmp(x, _new(0, 1, 0)) == 0:
        return _new(0, 0, 0)
    if base10 and str(x._int).rstrip('0') == '1':
        adj = x.adjusted()
        work = ctx.copy()
        work.rounding = ROUND_HALF_EVEN
        work._pending = ctx._pending
        return _new(1 if adj < 0 else 0, abs(adj), 0)._fix(work)
    p = ctx.prec
    return _finish_inexact(_ln_triple(x, p, ctx.Emin - p + 1, base10), ctx)


def _pow_real(x, y, ctx):
    """x ** y for x > 0 and a non-integral y, as libmpdec: exp(y * ln(x)), each step
    correctly rounded to max(digits of x, prec) + 23 digits, then rounded to the context."""
    if _cmp(x, _new(0, 1, 0)) == 0:
        ctx._pending.extend((Inexact, Rounded))
        return _new(0, 10 ** (ctx.prec - 1), 1 - ctx.prec)
    wp = max(_ndigits(x._int), ctx.prec) + 4 + 19
    sign, coef, e = _ln_triple(x, wp, None)
    product = _round_to_digits((-coef if sign else coef) * (-y._int if y._sign else y._int),
                               e + y._exp, wp, None)
    t = _new(*product)
    if t.adjusted() > 19:
        if t._sign:
            ctx._pending.extend((Inexact, Rounded, Subnormal, Underflow, Clamped))
            return _new(0, 0, ctx.Emin - ctx.prec + 1)
        return _overflow(0, ctx)
    sign, coef, e = _exp_triple(t, wp, None)
    if coef == 10 ** (wp - 1) and e == 1 - wp:
        coef, e = 10 ** (ctx.prec - 1), 1 - ctx.prec
    ctx._pending.extend((Inexact, Rounded))
    return _new(0, coef, e)._fix(ctx)


def _from_tuple(value):
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = value
    if sign not in (0, 1) or not isinstance(sign, int):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if isinstance(exp, str):
        if exp not in ('F', 'n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
    elif not isinstance(exp, int):
        raise ValueError('exponent must be an integer')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    coef = 0
    for d in digits:
        if not isinstance(d, int) or not 0 <= d <= 9:
            raise ValueError('coefficient must be a tuple of digits')
        coef = coef * 10 + d
    if exp == 'F':
        coef = 0
    return _new(sign, coef, exp)


# ----- formatting -----
def _parse_spec(spec):
    i, n = 0, len(spec)
    fill, align = None, None
    if n >= 2 and spec[1] in '<>=^':
        fill, align, i = spec[0], spec[1], 2
    elif n >= 1 and spec[0] in '<>=^':
        align, i = spec[0], 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_0 = False
    if i < n and spec[i] == 'z':
        no_neg_0 = True
        i += 1
    alt = False
    zeropad = False
    if i < n and spec[i] == '0':
        zeropad = True
        i += 1
    j = i
    while i < n and spec[i] in '0123456789':
        i += 1
    width = int(spec[j:i]) if i > j else 0
    sep = ''
    if i < n and spec[i] == ',':
        sep = spec[i]
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        j = i + 1
        i = j
        while i < n and spec[i] in '0123456789':
            i += 1
        if i == j:
            raise ValueError('invalid format string')
        precision = int(spec[j:i])
    kind = None
    if i < n and spec[i] in 'eEfFgGn%':
        kind = spec[i]
        i += 1
    if i != n:
        raise ValueError('invalid format string')
    if zeropad:
        if align is not None:
            raise ValueError('invalid format string')
        fill, align = '0', '='
    if kind == 'n' and sep:
        raise ValueError('invalid format string')
    if kind in (None, 'g', 'G', 'n') and precision == 0:
        precision = 1
    return {'fill': fill or ' ', 'align': align or '>', 'sign': sign, 'no_neg_0': no_neg_0,
            'alt': alt, 'zeropad': zeropad, 'width': width, 'sep': sep,
            'precision': precision, 'type': kind}


def _format(d, specifier, ctx):
    if not isinstance(specifier, str):
        raise TypeError('format arg must be str')
    spec = _parse_spec(specifier)
    kind = spec['type']
    if isinstance(d._exp, str):
        body = str(d.copy_abs()) + ('%' if kind == '%' else '')
        if spec['zeropad']:
            spec['fill'], spec['align'] = ' ', '>'
        return _format_align(_format_sign(d._sign, spec), body, spec)
    if kind is None:
        kind = 'g' if spec['precision'] is not None or True else kind
        default = True
    else:
        default = False
    was_zero = not d._int
    if kind == '%':
        d = _new(d._sign, d._int, d._exp + 2)
    rounding = ctx.rounding
    precision = spec['precision']
    if precision is not None:
        if kind in 'eE':
            d = d._round(precision + 1, rounding)
        elif kind in 'fF%':
            d = d._rescale(-precision, rounding)
        elif kind in 'gGn' and len(str(d._int)) > precision:
            d = d._round(precision, rounding)
    if not d._int and d._exp > 0 and kind in 'fF%':
        d = d._rescale(0, rounding)
    # The C module tests 'z' after rounding, except for 'F' (it formats that one in capitals
    # through a path that tests the unrounded value).
    zero = was_zero if kind == 'F' else not d._int
    sign = 0 if (zero and spec['no_neg_0']) else d._sign
    digits = str(d._int)
    leftdigits = d._exp + len(digits)
    if kind in 'eE':
        dotplace = 1 - precision if (not d._int and precision is not None) else 1
    elif kind in 'fF%':
        dotplace = leftdigits
    else:
        if d._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        else:
            dotplace = 1
    if dotplace < 0:
        intpart, fracpart = '0', '0' * (-dotplace) + digits
    elif dotplace > len(digits):
        intpart, fracpart = digits + '0' * (dotplace - len(digits)), ''
    else:
        intpart, fracpart = digits[:dotplace] or '0', digits[dotplace:]
    exp = leftdigits - dotplace
    signstr = _format_sign(sign, spec)
    if fracpart or spec['alt']:
        fracpart = '.' + fracpart
    if exp != 0 or kind in 'eE':
        if default:
            echar = 'E' if ctx.capitals else 'e'
        else:
            echar = 'E' if kind in 'EG' else 'e'
        fracpart += '%s%+d' % (echar, exp)
    if kind == '%':
        fracpart += '%'
    min_width = spec['width'] - len(fracpart) - len(signstr) if spec['zeropad'] else 0
    intpart = _group(intpart, spec['sep'], min_width)
    return _format_align(signstr, intpart + fracpart, spec)


def _format_sign(negative, spec):
    if negative:
        return '-'
    return spec['sign'] if spec['sign'] in ' +' else ''


def _group(digits, sep, min_width):
    if not sep:
        return '0' * (min_width - len(digits)) + digits
    groups = []
    while True:
        length = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (length - len(digits)) + digits[-length:])
        digits = digits[:-length]
        min_width -= length
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _format_align(sign, body, spec):
    padding = spec['fill'] * (spec['width'] - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        return sign + body + padding
    if align == '>':
        return padding + sign + body
    if align == '=':
        return sign + padding + body
    half = len(padding) // 2
    return padding[:half] + sign + body + padding[half:]


# ----- contexts -----
class _SignalDict(object):
    """A context's flags or traps: a signal -> bool mapping over exactly the nine signals."""

    __slots__ = ('_d',)

    def __init__(self, pairs=()):
        self._d = dict(pairs)

    def __setitem__(self, key, value):
        if key not in _SIGNALS:
            raise KeyError(_SIGNAL_KEY_MESSAGE)
        self._d[key] = bool(value)

    def __getitem__(self, key):
        if key not in _SIGNALS:
            raise KeyError(_SIGNAL_KEY_MESSAGE)
        return self._d[key]

    def __repr__(self):
        return '{' + ', '.join("<class 'decimal.%s'>:%s" % (s.__name__, self._d[s])
                               for s in _SIGNALS) + '}'

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, key):
        return key in self._d

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self._d == other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def copy(self):
        return _SignalDict(self._d)


def _signal_dict(value, name):
    d = _SignalDict((s, False) for s in _SIGNALS)
    if value is None:
        return d
    if isinstance(value, _SignalDict):
        value = value._d
    if isinstance(value, dict):
        if set(value) != set(_SIGNALS):
            raise KeyError('invalid signal dict')
        for k, v in value.items():
            d[k] = v
        return d
    for s in value:
        if s not in _SIGNALS:
            raise KeyError('invalid signal dict')
        d[s] = True
    return d


class Context(object):
    """The environment of arithmetic: precision, rounding, exponent limits, flags, traps."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        base = DefaultContext if '_default_ready' in globals() else None
        object.__setattr__(self, '_pending', [])
        self.prec = prec if prec is not None else (base.prec if base else 28)
        self.rounding = rounding if rounding is not None else (
            base.rounding if base else ROUND_HALF_EVEN)
        self.Emax = Emax if Emax is not None else (base.Emax if base else 999999)
        self.Emin = Emin if Emin is not None else (base.Emin if base else -999999)
        self.capitals = capitals if capitals is not None else (base.capitals if base else 1)
        self.clamp = clamp if clamp is not None else (base.clamp if base else 0)
        object.__setattr__(self, 'flags', _signal_dict(flags, 'flags'))
        if traps is None and base:
            traps = base.traps.copy()
        elif traps is None:
            traps = [InvalidOperation, DivisionByZero, Overflow]
        object.__setattr__(self, 'traps', _signal_dict(traps, 'traps'))

    def __setattr__(self, name, value):
        if name == 'prec':
            _check_int(value, 1, MAX_PREC, 'valid range for prec is [1, MAX_PREC]')
        elif name == 'Emin':
            _check_int(value, MIN_EMIN, 0, 'valid range for Emin is [MIN_EMIN, 0]')
        elif name == 'Emax':
            _check_int(value, 0, MAX_EMAX, 'valid range for Emax is [0, MAX_EMAX]')
        elif name == 'capitals':
            _check_int(value, 0, 1, 'valid values for capitals are 0 or 1')
        elif name == 'clamp':
            _check_int(value, 0, 1, 'valid values for clamp are 0 or 1')
        elif name == 'rounding':
            if value not in _ROUNDINGS:
                raise TypeError(_ROUNDING_MESSAGE)
        elif name in ('flags', 'traps'):
            value = _signal_dict(value, name)
        elif name != '_pending':
            raise AttributeError("'decimal.Context' object has no attribute '%s'" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def _done(self, result):
        """Records the pending conditions as flags; raises the trapped ones as C does."""
        pending = self._pending
        if not pending:
            return result
        self._pending = []
        conds = set(pending)
        signals = set()
        for c in conds:
            signals.add(InvalidOperation if c in _INVALID_CONDITIONS else c)
        flags, traps = self.flags, self.traps
        for s in signals:
            flags._d[s] = True
        trapped = [s for s in _SIGNALS if s in signals and traps[s]]
        if trapped:
            listed = []
            if InvalidOperation in trapped:
                listed = [c for c in _INVALID_CONDITIONS if c in conds]
            listed += [s for s in trapped if s is not InvalidOperation]
            raise trapped[0](listed)
        return result

    def __repr__(self):
        return ('Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, '
                'flags=[%s], traps=[%s])' % (
                    self.prec, self.rounding, self.Emin, self.Emax, self.capitals, self.clamp,
                    ', '.join(s.__name__ for s in _REPR_ORDER if self.flags[s]),
                    ', '.join(s.__name__ for s in _REPR_ORDER if self.traps[s])))

    def copy(self):
        return Context(self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                       self.clamp, self.flags, self.traps)

    __copy__ = copy

    def __reduce__(self):
        return (Context, (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                          self.clamp, [s for s in _SIGNALS if self.flags[s]],
                          [s for s in _SIGNALS if self.traps[s]]))

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags._d[s] = False

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps._d[s] = False

    def Etiny(self):
        return self.Emin - self.prec + 1

    def Etop(self):
        return self.Emax - self.prec + 1

    def radix(self):
        return Decimal(10)

    def create_decimal(self, num='0'):
        if isinstance(num, str) and (num != num.strip() or '_' in num):
            self._pending.append(ConversionSyntax)
            return self._done(_new(0, 0, 'n'))
        d = Decimal(num, self)
        if isinstance(num, float):
            d = Decimal.from_float(num)
        if d.is_nan() and d._int and len(str(d._int)) > self.prec - self.clamp:
            self._pending.append(ConversionSyntax)
            return self._done(_new(0, 0, 'n'))
        return self._done(d._fix(self))

    def create_decimal_from_float(self, f):
        return self._done(Decimal.from_float(f)._fix(self))

    def _operand(self, a):
        d = _convert(a, self, None)
        if d is NotImplemented:
            raise TypeError("conversion from %s to Decimal is not supported"
                            % type(a).__name__)
        return d

    def abs(self, a):
        return self._operand(a).__abs__(context=self)

    def add(self, a, b):
        return self._operand(a).__add__(self._operand(b), self)

    def subtract(self, a, b):
        return self._operand(a).__sub__(self._operand(b), self)

    def multiply(self, a, b):
        return self._operand(a).__mul__(self._operand(b), self)

    def divide(self, a, b):
        return self._operand(a).__truediv__(self._operand(b), self)

    def divide_int(self, a, b):
        return self._operand(a).__floordiv__(self._operand(b), self)

    def divmod(self, a, b):
        return self._operand(a).__divmod__(self._operand(b), self)

    def remainder(self, a, b):
        return self._operand(a).__mod__(self._operand(b), self)

    def remainder_near(self, a, b):
        return self._operand(a).remainder_near(self._operand(b), self)

    def power(self, a, b, modulo=None):
        return self._operand(a).__pow__(self._operand(b), modulo, self)

    def plus(self, a):
        return self._operand(a).__pos__(self)

    def minus(self, a):
        return self._operand(a).__neg__(self)

    def sqrt(self, a):
        return self._operand(a).sqrt(self)

    def quantize(self, a, b):
        return self._operand(a).quantize(self._operand(b), context=self)

    def normalize(self, a):
        return self._operand(a).normalize(self)

    def compare(self, a, b):
        return self._operand(a).compare(self._operand(b), self)

    def max(self, a, b):
        return self._operand(a).max(self._operand(b), self)

    def min(self, a, b):
        return self._operand(a).min(self._operand(b), self)

    def fma(self, a, b, c):
        return self._operand(a).fma(b, c, self)

    def to_integral_value(self, a):
        return self._operand(a).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return self._operand(a).to_integral_exact(context=self)

    def to_sci_string(self, a):
        return self._operand(a).__str__(False, self)

    def to_eng_string(self, a):
        return self._operand(a).__str__(True, self)

    def copy_abs(self, a):
        return self._operand(a).copy_abs()

    def copy_negate(self, a):
        return self._operand(a).copy_negate()

    def copy_sign(self, a, b):
        return self._operand(a).copy_sign(self._operand(b))

    def copy_decimal(self, a):
        return self._operand(a)

    def is_zero(self, a):
        return self._operand(a).is_zero()

    def is_signed(self, a):
        return self._operand(a).is_signed()

    def is_nan(self, a):
        return self._operand(a).is_nan()

    def is_finite(self, a):
        return self._operand(a).is_finite()

    def is_infinite(self, a):
        return self._operand(a).is_infinite()

    def number_class(self, a):
        return self._operand(a).number_class(self)

    def same_quantum(self, a, b):
        return self._operand(a).same_quantum(self._operand(b))

    def scaleb(self, a, b):
        return self._operand(a).scaleb(self._operand(b), self)

    def logb(self, a):
        return self._operand(a).logb(self)

    def exp(self, a):
        return self._operand(a).exp(self)

    def ln(self, a):
        return self._operand(a).ln(self)

    def log10(self, a):
        return self._operand(a).log10(self)


def _check_int(value, lo, hi, message):
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    if not lo <= value <= hi:
        raise ValueError(message)


def _make_tuple_type():
    from collections import namedtuple
    return namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


DecimalTuple = _make_tuple_type()

DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, traps=[DivisionByZero, Overflow, InvalidOperation])
_default_ready = True
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = [None]


def getcontext():
    ctx = _current[0]
    if ctx is None:
        ctx = _current[0] = DefaultContext.copy()
    return ctx


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _ContextManager(object):
    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    new = ctx.copy()
    for name, value in kwargs.items():
        if name not in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags',
                        'traps'):
            raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        setattr(new, name, value)
    return _ContextManager(new)
