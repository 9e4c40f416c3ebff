# `sys.stdin`: a text stream whose lines come through input()'s suspension (the host's
# input handler, with an empty prompt), so `sys.stdin.readline()`, `read()` and
# `for line in sys.stdin` work on every backend exactly where input() does.
#
# Python source, run into the `sys` module when it is created. Invariant: a line read
# this way ends with '\n' (the host answers lines without their newline); the end of
# input, once seen, is remembered, so the host is not asked again.
#
# Also `sys.flags`, CPython's struct sequence of the command-line flags, with the values
# that describe this interpreter: UTF-8 mode, no hash randomisation (as PYTHONHASHSEED=0),
# no bytecode written, `int_max_str_digits` -1 (not set by -X; set_int_max_str_digits
# does not change it, as in CPython).


class TextIOWrapper:
    name = '<stdin>'
    mode = 'r'
    encoding = 'utf-8'
    errors = 'strict'
    closed = False
    line_buffering = True

    def __init__(self):
        self._buffer = ''
        self._eof = False

    def _fill(self):
        # One more line into the buffer; False at the end of input.
        if self._eof:
            return False
        try:
            self._buffer += input() + '\n'
        except EOFError:
            self._eof = True
            return False
        return True

    def readline(self, size=-1):
        if size is None:
            size = -1
        if not self._buffer:
            self._fill()
        end = self._buffer.find('\n') + 1 or len(self._buffer)
        if size >= 0:
            end = min(end, size)
        line, self._buffer = self._buffer[:end], self._buffer[end:]
        return line

    def read(self, size=-1):
        if size is None:
            size = -1
        while (size < 0 or len(self._buffer) < size) and self._fill():
            pass
        if size < 0:
            size = len(self._buffer)
        text, self._buffer = self._buffer[:size], self._buffer[size:]
        return text

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if 0 < hint < total:  # stops once past the hint, as a text file's
                return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0

    def flush(self):
        pass

    def close(self):
        pass

    def write(self, s):
        raise OSError('not writable')

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


TextIOWrapper.__module__ = '_io'
stdin = __stdin__ = TextIOWrapper()
del TextIOWrapper


_FLAG_FIELDS = ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
                'no_user_site', 'no_site', 'ignore_environment', 'verbose',
                'bytes_warning', 'quiet', 'hash_randomization', 'isolated', 'dev_mode',
                'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits')


class flags(tuple):
    n_sequence_fields = 18
    n_fields = 18
    n_unnamed_fields = 0
    __module__ = 'sys'

    def __new__(cls):
        return tuple.__new__(cls, (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, False, 1, 0,
                                   False, -1))

    def __repr__(self):
        return 'sys.flags(%s)' % ', '.join(
            '%s=%r' % (name, value) for name, value in zip(_FLAG_FIELDS, self))


for _index, _name in enumerate(_FLAG_FIELDS):
    setattr(flags, _name, property(lambda self, i=_index: self[i]))
flags = flags()
del _index, _name
