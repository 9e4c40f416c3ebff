# `os.path` (as `posixpath`): CPython 3.11's posixpath functions for str paths, over the
# interpreter's filesystem (the `_fs` module) where they look at files.
#
# Python source, run on first import of os or os.path. Invariant: the string functions
# are CPython's own algorithms (so results match for every input); the filesystem
# queries never raise for a missing path, as CPython's.

import _fs

sep = '/'
curdir = '.'
pardir = '..'
extsep = '.'
altsep = None
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'


def _fspath(p):
    if isinstance(p, str):
        return p
    if hasattr(type(p), '__fspath__'):
        r = p.__fspath__()
        if isinstance(r, str):
            return r
    raise TypeError("expected str, bytes or os.PathLike object, not %s" % type(p).__name__)


def normcase(s):
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith('/')


def join(a, *p):
    a = _fspath(a)
    path = a
    for b in p:
        if not isinstance(b, str):
            b = _fspath(b)
        if b.startswith('/'):
            path = b
        elif not path or path.endswith('/'):
            path += b
        else:
            path += '/' + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind('/')
    dot_index = p.rfind('.')
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != '.':
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ''


def splitdrive(p):
    return '', _fspath(p)


def basename(p):
    p = _fspath(p)
    return p[p.rfind('/') + 1:]


def dirname(p):
    p = _fspath(p)
    i = p.rfind('/') + 1
    head = p[:i]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head


def normpath(path):
    path = _fspath(path)
    if path == '':
        return '.'
    initial_slashes = 1 if path.startswith('/') else 0
    if initial_slashes and path.startswith('//') and not path.startswith('///'):
        initial_slashes = 2
    comps = path.split('/')
    new_comps = []
    for comp in comps:
        if comp in ('', '.'):
            continue
        if (comp != '..' or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == '..')):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = '/'.join(new_comps)
    if initial_slashes:
        path = '/' * initial_slashes + path
    return path or '.'


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_fs.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    return abspath(filename)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split('/') if x]
    path_list = [x for x in abspath(path).split('/') if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    return _fspath(path)


def expandvars(path):
    return _fspath(path)


def exists(path):
    try:
        return _fs.kind(_fspath(path)) is not None
    except (OSError, ValueError, TypeError):
        return False


def lexists(path):
    return exists(path)


def isfile(path):
    try:
        return _fs.kind(_fspath(path)) == 'file'
    except (OSError, ValueError, TypeError):
        return False


def isdir(s):
    try:
        return _fs.kind(_fspath(s)) == 'dir'
    except (OSError, ValueError, TypeError):
        return False


def islink(path):
    return False


def ismount(path):
    return abspath(path) == '/'


def getsize(filename):
    filename = _fspath(filename)
    if _fs.kind(filename) == 'dir':
        return 4096
    return len(_fs.read(filename))
