"""The `array` module: `array.array`, typed arrays of numbers or characters, over `struct`.

An array keeps its items packed in a bytearray (`_buf`), in the item layout of CPython on
64-bit Linux ('l' and 'L' are 8 bytes, 'u' is UTF-32), through `struct`; `memoryview(a)`
(the `__buffer__` hook the interpreter's memoryview and bytes() consult) is a view of that
bytearray cast to the typecode, so writes through it change the array, and while a view
is alive the array cannot change size (CPython's BufferError).

Invariant: every stored item passed its typecode's conversion, which raises CPython 3.11's
exceptions with its messages (including the quirks of `arraymodule.c`: 'b' checks the short
range first, 'H' the int range first); a failed bulk operation (fromlist, slice assignment)
changes nothing.
"""

import struct as _struct

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_STRUCT = {'b': 'b', 'B': 'B', 'u': 'I', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I', 'l': 'q',
           'L': 'Q', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd'}


def _index(v):
    if isinstance(v, int):
        return int(v)
    method = getattr(type(v), '__index__', None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return method(v)


def _long(v):
    v = _index(v)
    if not -2 ** 63 <= v < 2 ** 63:
        raise OverflowError("Python int too large to convert to C long")
    return v


def _ranged(v, low, high, name):
    if v < low:
        raise OverflowError(name + " is less than minimum")
    if v > high:
        raise OverflowError(name + " is greater than maximum")
    return v


def _unsigned_long(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v >= 2 ** 64:
        raise OverflowError("Python int too large to convert to C unsigned long")
    return v


def _double(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int):
        return float(v)
    if getattr(type(v), '__float__', None) is not None:
        return float(v)
    if getattr(type(v), '__index__', None) is not None:
        return float(_index(v))
    raise TypeError("must be real number, not %s" % type(v).__name__)


def _float32(v):
    x = _double(v)
    try:
        return _struct.unpack('f', _struct.pack('f', x))[0]
    except OverflowError:
        # C's (float) cast of a double past FLT_MAX: an infinity of its sign.
        return float('inf') if x > 0 else float('-inf')


def _char(v):
    if isinstance(v, str) and len(v) == 1:
        return v
    raise TypeError("array item must be unicode character")


def _convert_b(v):
    x = _ranged(_long(v), -2 ** 15, 2 ** 15 - 1, "signed short integer")
    return _ranged(x, -128, 127, "signed char")


def _convert_H(v):
    x = _ranged(_long(v), -2 ** 31, 2 ** 31 - 1, "signed integer")
    return _ranged(x, 0, 2 ** 16 - 1, "unsigned short")


def _convert_I(v):
    return _ranged(_unsigned_long(v), 0, 2 ** 32 - 1, "unsigned int")


def _convert_q(v):
    v = _index(v)
    if not -2 ** 63 <= v < 2 ** 63:
        raise OverflowError("int too big to convert")
    return v


def _convert_Q(v):
    v = _index(v)
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if v >= 2 ** 64:
        raise OverflowError("int too big to convert")
    return v


_CONVERT = {
    'b': _convert_b,
    'B': lambda v: _ranged(_long(v), 0, 255, "unsigned byte integer"),
    'u': _char,
    'h': lambda v: _ranged(_long(v), -2 ** 15, 2 ** 15 - 1, "signed short integer"),
    'H': _convert_H,
    'i': lambda v: _ranged(_long(v), -2 ** 31, 2 ** 31 - 1, "signed integer"),
    'I': _convert_I,
    'l': _long,
    'L': _unsigned_long,
    'q': _convert_q,
    'Q': _convert_Q,
    'f': _float32,
    'd': _double,
}


def _bytes_of(b):
    if isinstance(b, (bytes, bytearray, memoryview)):
        return bytes(b)
    if isinstance(b, array):
        return b.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class array:
    __module__ = 'array'

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("array.array() takes no keyword arguments")
        if not 1 <= len(args) <= 2:
            raise TypeError("array() takes at most 2 arguments (%d given)" % len(args)
                            if args else "array() takes at least 1 argument (0 given)")
        typecode = args[0]
        initializer = args[1] if len(args) > 1 else None
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not %s"
                            % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._typecode = typecode
        self._buf = bytearray()
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError("cannot use a str to initialize an array with typecode '%s'"
                                % typecode)
            self.fromunicode(initializer)
        elif isinstance(initializer, array):
            if initializer._typecode == 'u' and typecode != 'u':
                raise TypeError("cannot use a unicode array to initialize an array with "
                                "typecode '%s'" % typecode)
            self._items = self._converted(initializer._items)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self._items = self._converted(initializer)

    @property
    def _items(self):
        """The items as a list of Python values (a fresh list)."""
        values = list(_struct.unpack(self._layout(len(self)), self._buf))
        if self._typecode == 'u':
            values = [chr(v) for v in values]
        return values

    @_items.setter
    def _items(self, values):
        self._set_bytes(self._pack(values))

    def _pack(self, values):
        if self._typecode == 'u':
            values = [ord(c) for c in values]
        return _struct.pack(self._layout(len(values)), *values)

    def _set_bytes(self, data):
        try:
            self._buf[:] = data
        except BufferError:
            raise BufferError("cannot resize an array that is exporting buffers") from None

    def _grow(self, data):
        try:
            self._buf.extend(data)
        except BufferError:
            raise BufferError("cannot resize an array that is exporting buffers") from None

    def _item(self, i):
        """Item i (0 <= i < len)."""
        size = _SIZES[self._typecode]
        v = _struct.unpack_from('<' + _STRUCT[self._typecode], self._buf, i * size)[0]
        return chr(v) if self._typecode == 'u' else v

    def __buffer__(self, flags=0):
        if self._typecode == 'u':
            raise NotImplementedError("memoryview: format u not supported")
        return memoryview(self._buf).cast(self._typecode)

    def _converted(self, values):
        convert = _CONVERT[self._typecode]
        return [convert(v) for v in values]

    def _same_kind(self, other):
        return isinstance(other, array) and other._typecode == self._typecode

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    # -- list-like methods --------------------------------------------------------------

    def append(self, *args):
        if len(args) != 1:
            raise TypeError("array.append() takes exactly one argument (%d given)" % len(args))
        self._grow(self._pack([_CONVERT[self._typecode](args[0])]))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError("can only extend with array of same kind")
            self._grow(bytes(iterable._buf))
            return
        convert = _CONVERT[self._typecode]
        for v in iterable:
            self._grow(self._pack([convert(v)]))

    def insert(self, i, v):
        i = _index(i)
        items = self._items
        items.insert(i, _CONVERT[self._typecode](v))
        self._items = items

    def pop(self, i=-1):
        i = _index(i)
        n = len(self)
        if not n:
            raise IndexError("pop from empty array")
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("pop index out of range")
        value = self._item(i)
        size = _SIZES[self._typecode]
        self._set_bytes(self._buf[:i * size] + self._buf[(i + 1) * size:])
        return value

    def remove(self, *args):
        if len(args) != 1:
            raise TypeError("array.remove() takes exactly one argument (%d given)" % len(args))
        items = self._items
        for i, x in enumerate(items):
            if x == args[0]:
                del items[i]
                self._items = items
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=2 ** 63 - 1):
        start, stop, n = _index(start), _index(stop), len(self)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if self._item(i) == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, *args):
        if len(args) != 1:
            raise TypeError("array.count() takes exactly one argument (%d given)" % len(args))
        return sum(1 for x in self._items if x == args[0])

    def reverse(self):
        items = self._items
        items.reverse()
        self._items = items

    def tolist(self):
        return self._items

    # -- bytes and strings ----------------------------------------------------------------

    def _layout(self, n):
        return '<%d%s' % (n, _STRUCT[self._typecode])

    def tobytes(self, *args):
        if args:
            raise TypeError("array.tobytes() takes no arguments (%d given)" % len(args))
        return bytes(self._buf)

    def frombytes(self, b):
        data = _bytes_of(b)
        size = _SIZES[self._typecode]
        if len(data) % size:
            raise ValueError("bytes length not a multiple of item size")
        if self._typecode == 'u':
            for v in _struct.unpack(self._layout(len(data) // size), data):
                chr(v)
        self._grow(data)

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        self._grow(self._pack(self._converted(values)))

    def fromunicode(self, s):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._typecode != 'u':
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._grow(self._pack(list(s)))

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return ''.join(self._items)

    def byteswap(self):
        # A swapped 'u' item that is no code point raises ValueError (CPython keeps it).
        size = _SIZES[self._typecode]
        if size == 1:
            return
        data = self.tobytes()
        swapped = b''.join(data[i:i + size][::-1] for i in range(0, len(data), size))
        if self._typecode == 'u':
            for v in _struct.unpack(self._layout(len(self)), swapped):
                chr(v)
        self._set_bytes(swapped)

    # -- the sequence protocol ------------------------------------------------------------

    def __len__(self):
        return len(self._buf) // _SIZES[self._typecode]

    def __iter__(self):
        i = 0
        while i < len(self):
            yield self._item(i)
            i += 1

    def __reversed__(self):
        return reversed(list(self._items))

    def __contains__(self, v):
        return any(x == v for x in self._items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            result = array(self._typecode)
            result._items = self._items[i]
            return result
        try:
            i = _index(i)
        except TypeError:
            raise TypeError("array indices must be integers") from None
        n = len(self)
        if not -n <= i < n:
            raise IndexError("array index out of range")
        return self._item(i + n if i < 0 else i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice'
                                % type(v).__name__)
            if v._typecode != self._typecode:
                raise TypeError("bad argument type for built-in operation")
            if i.step is not None and _index(i.step) != 1:
                size = len(range(len(self))[i])
                if len(v) != size:
                    raise ValueError("attempt to assign array of size %d to extended slice "
                                     "of size %d" % (len(v), size))
            items = self._items
            items[i] = v._items
            self._items = items
            return
        try:
            i = _index(i)
        except TypeError:
            raise TypeError("array indices must be integers") from None
        n = len(self)
        if not -n <= i < n:
            raise IndexError("array assignment index out of range")
        if i < 0:
            i += n
        value = _CONVERT[self._typecode](v)
        if self._typecode == 'u':
            value = ord(value)
        _struct.pack_into('<' + _STRUCT[self._typecode], self._buf,
                          i * _SIZES[self._typecode], value)

    def __delitem__(self, i):
        if isinstance(i, slice):
            items = self._items
            del items[i]
            self._items = items
            return
        try:
            i = _index(i)
        except TypeError:
            raise TypeError("array indices must be integers") from None
        n = len(self)
        if not -n <= i < n:
            raise IndexError("array assignment index out of range")
        if i < 0:
            i += n
        size = _SIZES[self._typecode]
        self._set_bytes(self._buf[:i * size] + self._buf[(i + 1) * size:])

    # -- operators ------------------------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError("bad argument type for built-in operation")
        result = array(self._typecode)
        result._buf = self._buf + other._buf
        return result

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and getattr(type(n), '__index__', None) is None:
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        result = array(self._typecode)
        result._buf = self._buf * max(_index(n), 0)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int) and getattr(type(n), '__index__', None) is None:
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        self._set_bytes(self._buf * max(_index(n), 0))
        return self

    def _compare(self, other, op):
        # Items are compared afresh, as CPython unpacks them: a NaN never equals itself.
        xs, ys = self._items, other._items
        if op in ('==', '!=') and len(xs) != len(ys):
            return op == '!='
        for x, y in zip(xs, ys):
            if not x == y:
                break
        else:
            xs_len, ys_len = len(xs), len(ys)
            return {'==': xs_len == ys_len, '!=': xs_len != ys_len, '<': xs_len < ys_len,
                    '<=': xs_len <= ys_len, '>': xs_len > ys_len, '>=': xs_len >= ys_len}[op]
        if op == '==':
            return False
        if op == '!=':
            return True
        return {'<': lambda: x < y, '<=': lambda: x <= y, '>': lambda: x > y,
                '>=': lambda: x >= y}[op]()

    def _order(self, other, op):
        if isinstance(other, array):
            return self._compare(other, op)
        if type(other).__module__ != 'builtins':
            return NotImplemented
        raise TypeError("'%s' not supported between instances of 'array.array' and '%s'"
                        % (op, type(other).__name__))

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._compare(other, '==')

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._compare(other, '!=')

    def __lt__(self, other):
        return self._order(other, '<')

    def __le__(self, other):
        return self._order(other, '<=')

    def __gt__(self, other):
        return self._order(other, '>')

    def __ge__(self, other):
        return self._order(other, '>=')

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def __repr__(self):
        if not self._buf:
            return "array('%s')" % self._typecode
        if self._typecode == 'u':
            return "array('u', %r)" % ''.join(self._items)
        return "array('%s', %r)" % (self._typecode, self._items)

    def __copy__(self):
        result = array(self._typecode)
        result._buf = bytearray(self._buf)
        return result

    def __deepcopy__(self, memo):
        return self.__copy__()


ArrayType = array
