# Bad calls of type.__new__/__call__, metaclass= values, aliases and struct edges: CPython's errors.
import struct
tests = [
 lambda: type.__new__(1),
 lambda: type.__new__(type),
 lambda: type.__call__(),
 lambda: type.__call__(5),
 lambda: type.__init__(),
 lambda: struct.calcsize('4294967296i'),
 lambda: struct.unpack_from('i', b'abcd', 2**70),
 lambda: struct.iter_unpack('i', 'abcd'),
 lambda: list[int][str],
 lambda: int | 5,
 lambda: isinstance(1, list[int]),
 lambda: isinstance(1, int | list[int]),
 lambda: type('X', (), {}, x=1),
 lambda: type('X', (int, str), {}),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
class A(metaclass=lambda *a: 42): pass
print(A)
try:
    class B(metaclass=5): pass
except TypeError as e:
    print("TypeError", e)
class M(type):
    def __new__(m, *a):
        return 7
class C(metaclass=M): pass
print(C)
