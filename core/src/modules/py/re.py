# `re`: CPython 3.11's regular expressions. Design (README "Modules"): patterns are parsed
# by CPython's own parser (`_re_parser`, Lib/re/_parser.py), so syntax, flags, group
# bookkeeping and `re.error` messages and positions are CPython's; `_compile_code` below
# turns the parse tree into a small program (opcodes documented in core/src/modules/sre.rs)
# that the Rust backtracking matcher `_sre` runs with sre's matching rules. The Pattern and
# Match classes and the module functions follow Lib/re/__init__.py and _sre.c's behaviour
# (3.7+ empty-match rules for findall/finditer/sub/split).
#
# Invariant: a Pattern's `_code` is produced only by `_compile_code` from a successful
# parse; every match result is `[lastindex, start0, end0, start1, end1, ...]` in code
# points, -1 for a group that did not take part.

import _re_parser
import _sre
from _re_parser import error

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

# RegexFlag's repr lists flags in their definition order; Pattern's repr in _sre.c's.
_FLAG_NAMES = [
    (256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'), (8, 'MULTILINE'),
    (16, 'DOTALL'), (64, 'VERBOSE'), (1, 'TEMPLATE'), (128, 'DEBUG'),
]
_PATTERN_FLAG_NAMES = [
    (1, 'TEMPLATE'), (2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'), (16, 'DOTALL'),
    (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG'), (256, 'ASCII'),
]


class RegexFlag(int):
    __module__ = 're'

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        names = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                names.append('re.' + name)
                value &= ~bit
        if value:
            names.append(hex(value))
        return '|'.join(names)

    __str__ = __repr__

    @property
    def value(self):
        return int(self)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)

# ---- the compiler: parse tree -> matcher program (opcodes: see sre.rs) ----

_C = _re_parser
_CATEGORIES = {
    _C.CATEGORY_DIGIT: 0, _C.CATEGORY_NOT_DIGIT: 1, _C.CATEGORY_SPACE: 2,
    _C.CATEGORY_NOT_SPACE: 3, _C.CATEGORY_WORD: 4, _C.CATEGORY_NOT_WORD: 5,
}
_CODE_LIMIT = 4000000


def _items(p):
    if isinstance(p, _C.SubPattern):
        return p.data
    return p


def _one(op, av, flags):
    ignore = flags & 2
    ascii = 1 if flags & (256 | 4) else 0
    if op is _C.LITERAL:
        return [2, av, ascii] if ignore else [1, av]
    if op is _C.NOT_LITERAL:
        return [4, av, ascii] if ignore else [3, av]
    if op is _C.ANY:
        return [6] if flags & 16 else [5]
    if op is _C.IN:
        items = []
        negate = 0
        for o, a in av:
            if o is _C.NEGATE:
                negate = 1
            elif o is _C.LITERAL:
                items += [0, a, a]
            elif o is _C.RANGE:
                items += [0, a[0], a[1]]
            elif o is _C.CATEGORY:
                items += [1, _CATEGORIES[a], 0]
            else:
                raise error("internal: unsupported set item %s" % o)
        return [7, 5 + len(items), negate, 1 if ignore else 0, ascii] + items
    return None


def _sub_program(code, kind_words, p, flags, regs):
    start = len(code)
    code += kind_words
    _emit(code, _items(p), flags, regs)
    code.append(0)
    code[start + len(kind_words) - 1] = len(code) - start - len(kind_words)


def _repeat(code, lo, hi, p, greedy, flags, regs):
    data = _items(p)
    if len(data) == 1:
        one = _one(data[0][0], data[0][1], flags)
        if one is not None:
            code += [18, lo, -1 if hi == _C.MAXREPEAT else hi, 1 if greedy else 0, len(one)]
            code += one
            return
    for _ in range(lo):
        _emit(code, data, flags, regs)
        if len(code) > _CODE_LIMIT:
            raise OverflowError('regular expression code size limit exceeded')
    if hi == _C.MAXREPEAT:
        reg = regs[0]
        regs[0] += 1
        loop = len(code)
        code += [8, 0, 0]
        body = len(code)
        code += [16, reg]
        _emit(code, data, flags, regs)
        code += [17, reg, 0]
        check = len(code) - 1
        code += [9, loop]
        out = len(code)
        code[check] = out
        if greedy:
            code[loop + 1], code[loop + 2] = body, out
        else:
            code[loop + 1], code[loop + 2] = out, body
        return
    splits = []
    for _ in range(hi - lo):
        s = len(code)
        code += [8, 0, 0]
        splits.append(s)
        code[s + 1 if greedy else s + 2] = len(code)
        _emit(code, data, flags, regs)
        if len(code) > _CODE_LIMIT:
            raise OverflowError('regular expression code size limit exceeded')
    for s in splits:
        code[s + 2 if greedy else s + 1] = len(code)


def _emit(code, data, flags, regs):
    for op, av in data:
        one = _one(op, av, flags)
        if one is not None:
            code += one
        elif op is _C.SUBPATTERN:
            group, add, delete, p = av
            inner = (flags | add) & ~delete
            if group:
                code += [10, 2 * group]
            _emit(code, _items(p), inner, regs)
            if group:
                code += [10, 2 * group + 1]
        elif op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
            _repeat(code, av[0], av[1], av[2], op is _C.MAX_REPEAT, flags, regs)
        elif op is _C.POSSESSIVE_REPEAT:
            start = len(code)
            code += [14, 0]
            _repeat(code, av[0], av[1], av[2], True, flags, regs)
            code.append(0)
            code[start + 1] = len(code) - start - 2
        elif op is _C.BRANCH:
            alts = av[1]
            jumps = []
            for i, alt in enumerate(alts):
                if i < len(alts) - 1:
                    split = len(code)
                    code += [8, split + 3, 0]
                    _emit(code, _items(alt), flags, regs)
                    jumps.append(len(code))
                    code += [9, 0]
                    code[split + 2] = len(code)
                else:
                    _emit(code, _items(alt), flags, regs)
            for j in jumps:
                code[j + 1] = len(code)
        elif op is _C.AT:
            ascii = 1 if flags & (256 | 4) else 0
            if av is _C.AT_BEGINNING:
                kind = 1 if flags & 8 else 0
            elif av is _C.AT_BEGINNING_STRING:
                kind = 0
            elif av is _C.AT_END:
                kind = 3 if flags & 8 else 2
            elif av is _C.AT_END_STRING:
                kind = 4
            elif av is _C.AT_BOUNDARY:
                kind = 5
            else:
                kind = 6
            code += [11, kind, ascii]
        elif op is _C.GROUPREF:
            code += [12, av, 1 if flags & 2 else 0, 1 if flags & (256 | 4) else 0]
        elif op is _C.GROUPREF_EXISTS:
            group, yes, no = av
            at = len(code)
            code += [15, group, 0]
            _emit(code, _items(yes), flags, regs)
            if no:
                jump = len(code)
                code += [9, 0]
                code[at + 2] = len(code)
                _emit(code, _items(no), flags, regs)
                code[jump + 1] = len(code)
            else:
                code[at + 2] = len(code)
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            direction, p = av
            kind = 0 if op is _C.ASSERT else 1
            width = 0
            if direction < 0:
                lo, hi = p.getwidth()
                if lo != hi:
                    raise error("look-behind requires fixed-width pattern")
                width = lo
                kind += 2
            _sub_program(code, [13, kind, width, 0], p, flags, regs)
        elif op is _C.ATOMIC_GROUP:
            _sub_program(code, [14, 0], av, flags, regs)
        elif op is _C.FAILURE:
            code.append(19)
        else:
            raise error("internal: unsupported %s" % op)


def _compile_code(p, flags):
    code = [0, 0]
    regs = [0]
    _emit(code, p.data, flags, regs)
    code.append(0)
    if len(code) > _CODE_LIMIT:
        raise OverflowError('regular expression code size limit exceeded')
    code[0] = 2 * p.state.groups
    code[1] = regs[0]
    return code


# ---- Pattern and Match ----

_MAXSIZE = 9223372036854775807


def _text(string):
    if isinstance(string, str):
        return string
    if isinstance(string, bytes):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _index(value):
    if isinstance(value, int):
        return value
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)


def _bounds(string, pos, endpos):
    n = len(string)
    pos = _index(pos)
    endpos = _index(endpos)
    if pos < 0:
        pos = 0
    if endpos < 0:
        endpos = 0
    return min(pos, n), min(endpos, n)


class Pattern:
    __module__ = 're'

    def __init__(self, pattern, flags, code, groups, groupindex):
        self.pattern = pattern
        self.flags = flags
        self.groups = groups
        self.groupindex = groupindex
        self._code = code
        self._indexgroup = {index: name for name, index in groupindex.items()}

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~32
        text = 're.compile(%s' % repr(self.pattern)[:200]
        if flags:
            names = []
            for bit, name in _PATTERN_FLAG_NAMES:
                if flags & bit:
                    names.append('re.' + name)
                    flags &= ~bit
            if flags:
                names.append(hex(flags))
            text += ', ' + '|'.join(names)
        return text + ')'

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode):
        string = _text(string)
        pos, endpos = _bounds(string, pos, endpos)
        found = _sre.search(self._code, string, pos, endpos, mode, 0)
        if found is None:
            return None
        return Match(self, string, pos, endpos, found)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos, endpos, limit):
        string = _text(string)
        pos, endpos = _bounds(string, pos, endpos)
        return string, pos, endpos, _sre.scan(self._code, string, pos, endpos, limit)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        string, pos, endpos, found = self._scan(string, pos, endpos, 0)
        out = []
        groups = self.groups
        for f in found:
            if groups == 0:
                out.append(string[f[1]:f[2]])
            elif groups == 1:
                out.append(string[f[3]:f[4]] if f[3] >= 0 else '')
            else:
                out.append(tuple(string[f[2 * g + 1]:f[2 * g + 2]] if f[2 * g + 1] >= 0 else ''
                                 for g in range(1, groups + 1)))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        string, pos, endpos, found = self._scan(string, pos, endpos, 0)
        return iter([Match(self, string, pos, endpos, f) for f in found])

    def split(self, string, maxsplit=0):
        string, pos, endpos, found = self._scan(string, 0, _MAXSIZE, _index(maxsplit))
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        for f in found:
            out.append(string[last:f[1]])
            for g in range(1, self.groups + 1):
                start = f[2 * g + 1]
                out.append(string[start:f[2 * g + 2]] if start >= 0 else None)
            last = f[2]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        string = _text(string)
        count = _index(count)
        if callable(repl):
            literal = None
            template = None
        else:
            repl = _text(repl)
            template = _re_parser.parse_template(repl, self)
            literal = template[1][0] if not template[0] and len(template[1]) == 1 else None
        if count < 0:
            return string, 0
        string, pos, endpos, found = self._scan(string, 0, _MAXSIZE, count)
        out = []
        last = 0
        for f in found:
            if f[1] > last:
                out.append(string[last:f[1]])
            if literal is not None:
                out.append(literal)
            else:
                m = Match(self, string, 0, len(string), f)
                if template is None:
                    piece = repl(m)
                    if piece is not None:
                        out.append(piece)
                else:
                    out.append(_re_parser.expand_template(template, m))
            last = f[2]
        if last < len(string):
            out.append(string[last:])
        # As _sre.c: the pieces are checked when joined, after every call of repl.
        for i, piece in enumerate(out):
            if not isinstance(piece, str):
                raise TypeError("sequence item %d: expected str instance, %s found"
                                % (i, type(piece).__name__))
        return ''.join(out), len(found)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


class Match:
    __module__ = 're'

    def __init__(self, pattern, string, pos, endpos, found):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._found = found
        last = found[0]
        self.lastindex = last if last >= 0 else None
        self.lastgroup = pattern._indexgroup.get(last) if last >= 0 else None

    def _group_index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            index = self.re.groupindex.get(g)
            if index is not None:
                return index
        raise IndexError("no such group")

    def _get(self, g, default=None):
        i = self._group_index(g)
        start = self._found[2 * i + 1]
        if start < 0:
            return default
        return self.string[start:self._found[2 * i + 2]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(groups[0])
        return tuple(self._get(g) for g in groups)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._found[2 * self._group_index(group) + 1]

    def end(self, group=0):
        return self._found[2 * self._group_index(group) + 2]

    def span(self, group=0):
        i = self._group_index(group)
        return self._found[2 * i + 1], self._found[2 * i + 2]

    @property
    def regs(self):
        return tuple((self._found[2 * i + 1], self._found[2 * i + 2])
                     for i in range(self.re.groups + 1))

    def expand(self, template):
        return _re_parser.expand_template(_re_parser.parse_template(template, self.re), self)

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            self._found[1], self._found[2], repr(self.group(0))[:50])


# ---- the module functions ----

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    if isinstance(pattern, bytes):
        raise NotImplementedError("bytes patterns are not supported here")
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    p = _re_parser.parse(pattern, flags)
    code = _compile_code(p, p.state.flags)
    compiled = Pattern(pattern, p.state.flags, code, p.state.groups - 1, dict(p.state.groupdict))
    if len(_cache) >= _MAXCACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    raise TypeError("expected str")
