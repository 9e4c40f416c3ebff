# `os`: the parts that make sense on the interpreter's filesystem (the `_fs` module) —
# the current directory, listing, making and removing files and directories, walking a
# tree — plus the constants and an `environ` mapping the embedder fills (empty unless
# it does).
#
# Python source, run on first import. Invariant: errors are CPython's OSError subclasses
# with the path as filename; what has no meaning here (processes, file descriptors,
# permissions) is absent rather than faked.

import _fs
import posixpath as path

name = 'posix'
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
linesep = '\n'
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

error = OSError
environ = dict(_fs.environ())
fspath = path._fspath


def getenv(key, default=None):
    return environ.get(key, default)


def getcwd():
    return _fs.getcwd()


def chdir(path):
    _fs.chdir(fspath(path))


def listdir(path='.'):
    return _fs.listdir(fspath(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _fs.mkdir(fspath(path))


def makedirs(name, mode=0o777, exist_ok=False):
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def remove(path, *, dir_fd=None):
    _fs.remove(fspath(path))


unlink = remove


def rmdir(path, *, dir_fd=None):
    _fs.rmdir(fspath(path))


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    src, dst = fspath(src), fspath(dst)
    kind = _fs.kind(src)
    if kind is None:
        raise FileNotFoundError(2, 'No such file or directory', src, None, dst)
    if kind == 'dir':
        raise OSError(38, 'Function not implemented', src, None, dst)
    if _fs.kind(dst) == 'dir':
        raise IsADirectoryError(21, 'Is a directory', src, None, dst)
    _fs.write(dst, _fs.read(src))
    if path.abspath(src) != path.abspath(dst):
        _fs.remove(src)


replace = rename


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        names = _fs.listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for entry in names:
        if _fs.kind(path.join(top, entry)) == 'dir':
            dirs.append(entry)
        else:
            nondirs.append(entry)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
    else:
        for d in dirs:
            yield from walk(path.join(top, d), topdown, onerror, followlinks)
        yield top, dirs, nondirs
