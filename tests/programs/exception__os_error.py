e = FileNotFoundError(2, 'No such file or directory', 'x.txt')
print(str(e), e.errno, e.strerror, e.filename, e.filename2, e.args, repr(e))
e = OSError(2, 'No such file or directory')
print(type(e).__name__, str(e), e.args)
for n in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 108, 110, 111, 114, 115, 99]:
    print(n, type(OSError(n, 'm')).__name__, type(OSError(n, 'm', 'f')).__name__)
print(type(OSError(2)).__name__, OSError(2).errno, str(OSError(2)), OSError().errno)
print(str(OSError(2, 'a', 'b', None, 'c')), OSError(2, 'a', 'b', None, 'c').args)
print(str(OSError(2, 'a', 'b', 'c', 'd', 'e')), OSError(1,2,3,4,5,6).errno)
try:
    raise IsADirectoryError(21, 'Is a directory', 'd')
except OSError as x:
    print(x, x.errno)
class MyErr(OSError):
    pass
print(type(MyErr(2, 'x')).__name__, MyErr(2, 'x', 'f'))
print(issubclass(BrokenPipeError, ConnectionError), FileExistsError.__mro__)
raise PermissionError(13, 'Permission denied', '/etc/shadow')
