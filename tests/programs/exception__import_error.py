e = ImportError('boom', name='m', path='/x')
print(e, e.name, e.path, e.msg, e.args)
e = ImportError()
print(repr(e), e.name, e.msg)
try:
    import zzz
except ImportError as x:
    print(x.name, x.path, x.msg, x.args)
try:
    ImportError('a', bogus=1)
except TypeError as t:
    print(t)
