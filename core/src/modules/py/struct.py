# `struct`'s Python half: `error`, the `Struct` class and `iter_unpack`, over the native
# pack/pack_into/unpack/unpack_from/calcsize that modules/packing.rs puts in this module first.
# Invariant: the same results and errors as CPython 3.11's `_struct`.

class error(Exception):
    pass


class Struct:
    __module__ = '_struct'

    def __init__(self, format):
        self.size = calcsize(format)
        self._format = format
        self.format = format if isinstance(format, str) else format.decode('latin-1')

    def pack(self, *values):
        return pack(self._format, *values)

    def unpack(self, buffer):
        return unpack(self._format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self._format, buffer, offset)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self._format, buffer, offset, *values)

    def iter_unpack(self, buffer):
        if not isinstance(buffer, (bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        n = len(buffer)
        if n % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self.size)
        return self._items(buffer, n)

    def _items(self, buffer, n):
        for offset in range(0, n, self.size):
            yield unpack_from(self._format, buffer, offset)


def iter_unpack(format, buffer):
    return Struct(format).iter_unpack(buffer)
