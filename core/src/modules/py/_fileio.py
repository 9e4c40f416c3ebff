# `open()` and its file objects, over the interpreter's filesystem (the `_fs` module).
#
# Python source, imported the first time a program calls open(). A file object holds the
# file's whole contents (bytes for binary files, the decoded text for text files) and a
# position; writes at the end are collected and joined on the next other operation, so a
# loop of writes costs O(total). Contents go back to the filesystem on flush(), close(),
# `with`'s exit, and when the run ends (`_flush_all`, called by the interpreter), so an
# embedder reading the files after a run sees what a CPython process leaves at exit.
# Text files decode on first read (errors then, as CPython's), translate newlines as
# CPython's `newline` argument says, and count positions in characters.
# Invariant: the classes, reprs, modes and error messages are CPython 3.11's for the
# operations teaching programs use; what is missing raises io.UnsupportedOperation or
# AttributeError rather than doing something else.

import _fs

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


from io import UnsupportedOperation, _Stream

_open_files = []


def _flush_all():
    for f in _open_files:
        if not f.closed:
            f.flush()


def _parse_mode(mode):
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" % type(mode).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    return creating, reading, writing, appending, updating, binary


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if isinstance(file, int) and not isinstance(file, bool):
        raise OSError(9, 'Bad file descriptor')
    if not isinstance(file, str):
        if hasattr(type(file), '__fspath__'):
            file = file.__fspath__()
        if not isinstance(file, str):
            raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(file).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s" % type(encoding).__name__)
    creating, reading, writing, appending, updating, binary = _parse_mode(mode)
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        raise ValueError("illegal newline value: %r" % (newline,))
    kind = _fs.kind(file)
    if creating:
        if kind is not None:
            raise FileExistsError(17, 'File exists', file)
        _fs.write(file, b'')
        data = b''
    elif reading:
        data = _fs.read(file)
    elif writing:
        if kind == 'dir':
            raise IsADirectoryError(21, 'Is a directory', file)
        _fs.write(file, b'')
        data = b''
    else:
        if kind == 'dir':
            raise IsADirectoryError(21, 'Is a directory', file)
        if kind is None:
            _fs.write(file, b'')
            data = b''
        else:
            data = _fs.read(file)
    readable = reading or updating
    writable = not reading or updating
    if binary:
        if readable and writable:
            cls = BufferedRandom
        elif readable:
            cls = BufferedReader
        else:
            cls = BufferedWriter
        f = cls(file, mode, data, readable, writable, appending)
    else:
        f = TextIOWrapper(file, mode, data, readable, writable, appending,
                          encoding, errors or 'strict', newline)
    if writable:
        # Only files that can hold unwritten data need the flush at the run's end; keeping
        # read-only ones would keep every `open(path).read()`'s contents alive.
        _open_files.append(f)
    return f


class _File(_Stream):
    # What binary and text files share; `_empty` is b'' or ''.

    def _setup(self, name, mode, readable, writable, appending):
        self.name = name
        self.mode = mode
        self._readable = readable
        self._writable = writable
        self._appending = appending
        self._closed = False
        self._pending = []
        self._pending_len = 0
        self._dirty = False

    @property
    def closed(self):
        return self._closed

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation("read" if self._binary else "not readable")

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation("write" if self._binary else "not writable")

    def _whole(self):
        if self._pending:
            self._value = self._value + self._empty.join(self._pending)
            self._pending = []
            self._pending_len = 0
        return self._value

    def _put(self, data):
        if not data:
            return
        self._dirty = True
        end = len(self._value) + self._pending_len
        if self._appending:
            self._pos = end
        if self._pos == end:
            self._pending.append(data)
            self._pending_len += len(data)
            self._pos += len(data)
            return
        value = self._whole()
        if self._pos > len(value):
            value = value + self._pad * (self._pos - len(value))
        self._value = value[:self._pos] + data + value[self._pos + len(data):]
        self._pos += len(data)

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def fileno(self):
        self._check_open()
        raise UnsupportedOperation("fileno")

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, size=None):
        self._check_writable()
        value = self._whole()
        if size is None:
            size = self._pos
        if size < 0:
            raise OSError(22, 'Invalid argument')
        self._value = value[:size]
        self._dirty = True
        return size

    def flush(self):
        self._check_open()
        if self._dirty:
            _fs.write(self.name, self._encoded())
            self._dirty = False

    def close(self):
        if not self._closed:
            try:
                self.flush()
            finally:
                self._closed = True
                if self in _open_files:
                    _open_files.remove(self)

    def _read_span(self, size):
        self._check_readable()
        value = self._whole()
        if size is None or size < 0:
            end = len(value)
        else:
            end = min(len(value), self._pos + size)
        start = min(self._pos, len(value))
        self._pos = max(self._pos, end)
        return value[start:end]


class _Binary(_File):
    _binary = True
    _empty = b''
    _pad = b'\x00'

    def __init__(self, name, mode, data, readable, writable, appending):
        self._setup(name, mode, readable, writable, appending)
        self._value = data
        self._pos = len(data) if appending else 0
        self.raw = None

    def _encoded(self):
        return self._whole()

    def read(self, size=-1):
        return self._read_span(size)

    def read1(self, size=-1):
        return self._read_span(size)

    def readline(self, size=-1):
        self._check_readable()
        value = self._whole()
        end = value.find(b'\n', self._pos)
        end = len(value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        line = value[self._pos:end]
        self._pos = max(self._pos, end)
        return line

    def write(self, b):
        self._check_writable()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        self._put(b)
        return len(b)

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise OSError(22, 'Invalid argument')
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._whole()) + pos)
        else:
            raise ValueError("whence value %d unsupported" % whence)
        return self._pos

    def __repr__(self):
        return "<_io.%s name=%r>" % (type(self).__name__, self.name)


class BufferedReader(_Binary):
    pass


class BufferedWriter(_Binary):
    pass


class BufferedRandom(_Binary):
    pass


for _cls in (BufferedReader, BufferedWriter, BufferedRandom):
    _cls.__module__ = '_io'

_CODECS = {'utf-8': 'utf-8', 'utf8': 'utf-8', 'u8': 'utf-8', 'ascii': 'ascii',
           'us-ascii': 'ascii', 'latin-1': 'latin-1', 'latin1': 'latin-1',
           'iso-8859-1': 'latin-1', 'l1': 'latin-1'}


class TextIOWrapper(_File):
    _binary = False
    _empty = ''
    _pad = ' '

    def __init__(self, name, mode, data, readable, writable, appending, encoding,
                 errors, newline):
        self._setup(name, mode, readable, writable, appending)
        codec = _CODECS.get((encoding or 'utf-8').lower().replace('_', '-'))
        if codec is None:
            raise LookupError("unknown encoding: %s" % encoding)
        self._codec = codec
        self.encoding = encoding if encoding is not None else 'UTF-8'
        self.errors = errors
        self._newline = newline
        self._raw = data
        self._value = None
        self._pos = 0
        self._append_at_end = appending
        self.line_buffering = False

    def _decoded(self):
        # Decoding waits for the first operation that needs the text. The text is kept
        # as in the file (line endings untranslated), so tell() can count bytes.
        if self._value is None:
            self._value = self._raw.decode(self._codec, self.errors)
            self._raw = None
            if self._append_at_end:
                self._pos = len(self._value)
        return self._value

    def _whole(self):
        self._decoded()
        return _File._whole(self)

    def _encoded(self):
        text = self._whole()
        if self._newline not in (None, '', '\n'):
            text = text.replace('\n', self._newline)
        return text.encode(self._codec, self.errors)

    def _translated(self, text):
        if self._newline is None and '\r' in text:
            return text.replace('\r\n', '\n').replace('\r', '\n')
        return text

    def read(self, size=-1):
        if size is not None and not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        self._check_readable()
        value = self._whole()
        if size is None or size < 0 or self._newline is not None or '\r' not in value:
            return self._translated(self._read_span(size))
        # Counting characters after translation: a \r\n pair is one.
        out = []
        i = self._pos
        while i < len(value) and len(out) < size:
            c = value[i]
            i += 1
            if c == '\r':
                if value[i:i + 1] == '\n':
                    i += 1
                c = '\n'
            out.append(c)
        self._pos = i
        return ''.join(out)

    def readline(self, size=-1):
        self._check_readable()
        value = self._whole()
        pos = self._pos
        if self._newline in (None, ''):
            ends = [i for i in (value.find('\n', pos), value.find('\r', pos)) if i >= 0]
            end = min(ends) + 1 if ends else len(value)
            if value[end - 1:end] == '\r' and value[end:end + 1] == '\n':
                end += 1
        else:
            sep = self._newline
            end = value.find(sep, pos)
            end = len(value) if end < 0 else end + len(sep)
        if size is not None and size >= 0:
            end = min(end, pos + size)
        self._pos = max(pos, end)
        return self._translated(value[pos:end])

    def write(self, s):
        self._check_writable()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        self._decoded()
        self._put(s)
        return len(s)

    def seek(self, cookie, whence=0):
        self._check_open()
        if whence == 1 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        if whence == 0 and cookie < 0:
            raise ValueError("negative seek position %d" % cookie)
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        value = self._whole()
        if whence == 2:
            self._pos = len(value)
        elif whence == 0:
            # The position is a byte offset, as CPython's cookie for these codecs.
            self._pos = len(value.encode(self._codec, self.errors)[:cookie].decode(self._codec, 'ignore'))
        return self.tell()

    def tell(self):
        self._check_open()
        value = self._whole()
        return len(value[:self._pos].encode(self._codec, self.errors))

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (self.name, self.mode, self.encoding)


TextIOWrapper.__module__ = '_io'
