# `io`: StringIO and BytesIO, in-memory text and byte streams.
#
# Python source, run on first import. Both keep the whole value plus a position, as the C
# classes do; writes at the end are collected in a list and joined on the next other
# operation, so a loop of writes (or `print(..., file=buf)`) costs O(total), not O(n^2).
# StringIO's `newline` argument translates on write and splits lines on read as CPython's.
# Invariant: values, positions, lines and errors (closed file, bad seek, wrong types) are
# CPython 3.11's; the classes read `_io.StringIO`/`_io.BytesIO` as CPython's do.

__all__ = ['StringIO', 'BytesIO', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END', 'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


_BUFFERS = (bytearray, memoryview)


def _index(v, what='argument should be integer or None'):
    if v is None:
        return -1
    if isinstance(v, int):
        return int(v)
    if not hasattr(type(v), '__index__'):
        raise TypeError("%s, not '%s'" % (what, type(v).__name__))
    return v.__index__()


class _Stream:
    # The stream protocol's parts that only need readline/write/close and the class's own
    # `_check_open` (whose message differs: files end it with a period): shared by
    # StringIO, BytesIO and open()'s file objects (_fileio.py).

    # readlines(hint) stops once the lines read exceed `hint` (IOBase's rule, which
    # files and StringIO follow); BytesIO stops once they reach it, as CPython's C one.
    _readlines_stops_at_hint = False

    def readlines(self, hint=-1):
        self._check_open()
        hint = _index(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint and (total >= hint if self._readlines_stops_at_hint else total > hint):
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *args):
        self.close()


class _MemoryIO(_Stream):
    # The part StringIO and BytesIO share; `_empty` is '' or b''.

    def _flush_pending(self):
        if self._pending:
            self._value = self._value + self._empty.join(self._pending)
            self._pending = []

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value_now(self):
        self._flush_pending()
        return self._value

    def _put(self, data):
        self._check_open()
        n = len(data)
        if not n:
            return 0
        end = len(self._value) + self._pending_len
        if self._pos == end:
            self._pending.append(data)
            self._pending_len += n
            self._pos += n
            return n
        v = self._value_now()
        self._pending_len = 0
        pos = self._pos
        if pos > len(v):
            v = v + self._zero * (pos - len(v))
        self._value = v[:pos] + data + v[pos + n:]
        self._pos = pos + n
        return n

    def _whole(self):
        v = self._value_now()
        self._pending_len = 0
        return v

    def getvalue(self):
        self._check_open()
        return self._whole()

    def _span(self, size):
        # (value, position, how far a read of `size` may go), or None at the end.
        self._check_open()
        size = _index(size)
        v = self._whole()
        pos = self._pos
        if pos >= len(v):
            return None
        return v, pos, (len(v) if size < 0 else min(len(v), pos + size))

    def read(self, size=-1):
        span = self._span(size)
        if span is None:
            return self._empty
        v, pos, end = span
        self._pos = end
        return v[pos:end]

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        else:
            size = _index(size, 'an integer is required')
            if size < 0:
                raise ValueError("Negative size value %d" % size)
        v = self._whole()
        if size < len(v):
            self._value = v[:size]
        return size

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def flush(self):
        self._check_open()

    def isatty(self):
        self._check_open()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")


class StringIO(_MemoryIO):
    __module__ = '_io'
    _empty = ''
    _zero = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._closed = False
        self._value = ''
        self._pending = []
        self._pending_len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        nl = self._newline
        if nl is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif nl in ('\r', '\r\n'):
            s = s.replace('\n', nl)
        self._put(s)
        return n

    def readline(self, size=-1):
        span = self._span(size)
        if span is None:
            return ''
        v, pos, limit = span
        nl = self._newline
        if nl == '':
            i = pos
            while i < limit and v[i] not in '\r\n':
                i += 1
            if i < limit:
                i += 2 if v[i] == '\r' and i + 1 < limit and v[i + 1] == '\n' else 1
            end = i
        else:
            sep = '\n' if nl is None else nl
            i = v.find(sep, pos, limit)
            end = limit if i < 0 else min(limit, i + len(sep))
        self._pos = end
        return v[pos:end]

    def seek(self, pos, whence=0):
        self._check_open()
        pos = _index(pos, 'an integer is required')
        whence = _index(whence, 'an integer is required')
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
        elif pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 1:
            pos = self._pos
        else:
            pos = len(self._whole())
        self._pos = pos
        return pos

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False


class BytesIO(_MemoryIO):
    _readlines_stops_at_hint = True
    __module__ = '_io'
    _empty = b''
    _zero = b'\0'

    def __init__(self, initial_bytes=None):
        self._closed = False
        self._value = b''
        self._pending = []
        self._pending_len = 0
        self._pos = 0
        if initial_bytes is not None:
            self.write(initial_bytes)
            self._pos = 0

    def write(self, b):
        self._check_open()
        if isinstance(b, _BUFFERS):
            b = bytes(b)
        elif not isinstance(b, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        return self._put(b)

    def readline(self, size=-1):
        span = self._span(size)
        if span is None:
            return b''
        v, pos, limit = span
        i = v.find(b'\n', pos, limit)
        end = limit if i < 0 else i + 1
        self._pos = end
        return v[pos:end]

    def read1(self, size=-1):
        return self.read(size)

    def getbuffer(self):
        self._check_open()
        # A read-only view of a snapshot (CPython's is writable and writes through).
        return memoryview(self._whole())

    def seek(self, pos, whence=0):
        self._check_open()
        pos = _index(pos, 'an integer is required')
        whence = _index(whence, 'an integer is required')
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._whole()) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos


# The built-in open(), whose file objects live in _fileio.py (they raise this module's
# UnsupportedOperation).
open = open
