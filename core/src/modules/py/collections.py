# `collections`: deque, Counter, defaultdict, OrderedDict, namedtuple, ChainMap.
#
# Python source, run on first import. CPython's own collections is mostly Python, and these
# classes are bookkeeping around a list or a dict, where Python is short and exact and the
# work per call is done by the built-in list/dict in Rust anyway.
# Invariant: behaviour, reprs and error messages are CPython 3.11's. Counter, OrderedDict and
# defaultdict are dict subclasses and namedtuple classes tuple subclasses, as in CPython;
# deque keeps its items in a list (`_items`), ChainMap its maps in a list.

import sys as _sys

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield',
])


def _index(i):
    if type(i) is bool or type(i) is int:
        return int(i)
    try:
        return i.__index__()
    except AttributeError:
        raise TypeError(f"'{type(i).__name__}' object cannot be interpreted as an integer") from None


################################################################################
### deque
################################################################################

class deque:
    __module__ = 'collections'

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _index(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        object.__setattr__(self, '_maxlen', maxlen)
        object.__setattr__(self, '_items', [])
        self.extend(iterable)

    def __setattr__(self, name, value):
        if name == 'maxlen':
            raise AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable")
        raise AttributeError(f"'collections.deque' object has no attribute '{name}'")

    @property
    def maxlen(self):
        return self._maxlen

    def _trim_right(self):
        if self._maxlen is not None:
            while len(self._items) > self._maxlen:
                self._items.pop()

    def _trim_left(self):
        if self._maxlen is not None:
            extra = len(self._items) - self._maxlen
            if extra > 0:
                del self._items[:extra]

    def append(self, x):
        if self._maxlen == 0:
            return
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        if self._maxlen == 0:
            return
        self._items.insert(0, x)
        self._trim_right()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def copy(self):
        return self.__class__(self._items, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=_sys.maxsize):
        for i in range(len(self._items))[start:stop]:
            item = self._items[i]
            if item is x or item == x:
                return i
        raise ValueError(f'{x!r} is not in deque')

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._items.insert(i, x)

    def remove(self, value):
        for i, item in enumerate(self._items):
            if item is value or item == value:
                del self._items[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        n = _index(n)
        items = self._items
        if len(items) > 1:
            n %= len(items)
            if n:
                items[:] = items[-n:] + items[:-n]

    def _check_index(self, i):
        if type(i) is not int and type(i) is not bool:
            if not hasattr(i, '__index__'):
                raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'")
            i = i.__index__()
        n = len(self._items)
        if i < -n or i >= n:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i):
        return self._items[self._check_index(i)]

    def __setitem__(self, i, x):
        self._items[self._check_index(i)] = x

    def __delitem__(self, i):
        del self._items[self._check_index(i)]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.deque'")

    def __repr__(self):
        if self._maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self._maxlen})'

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items >= other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new.__imul__(n)
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items * _index(n)
        self._items.clear()
        self.extend(items)
        return self


################################################################################
### The dict-like classes
################################################################################

class _Mapping:
    """What ChainMap inherits from collections.abc.MutableMapping in CPython."""

    def __missing__(self, key):
        raise KeyError(key)

    __hash__ = None

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result


def _dict_or(self, other):
    """`self | other` for the dict subclasses: a copy of the same class, updated."""
    if not isinstance(other, dict):
        return NotImplemented
    new = self.copy()
    new.update(other)
    return new


def _dict_ror(self, other):
    if not isinstance(other, dict):
        return NotImplemented
    new = self.__class__(other)
    new.update(self)
    return new


def _dict_ior(self, other):
    self.update(other)
    return self


class OrderedDict(dict):
    __module__ = 'collections'

    def __init__(self, other=(), /, **kwds):
        super().__init__()
        self.update(other, **kwds)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        keys = list(self)
        key = keys[-1] if last else keys[0]
        return key, super().pop(key)

    def move_to_end(self, key, last=True):
        value = super().pop(key)
        if last:
            super().__setitem__(key, value)
        else:
            rest = list(self.items())
            super().clear()
            super().__setitem__(key, value)
            for k, v in rest:
                super().__setitem__(k, v)

    def __reversed__(self):
        return reversed(list(self))

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict(self) == dict(other) and list(self) == list(other)
        return super().__eq__(other)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        return f'{self.__class__.__name__}({list(self.items())!r})'

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    __or__ = _dict_or
    __ror__ = _dict_ror
    __ior__ = _dict_ior


class defaultdict(dict):
    __module__ = 'collections'

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        super().__init__(*args, **kwds)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return self.__class__(self.default_factory, self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def __repr__(self):
        return f'{self.__class__.__name__}({self.default_factory!r}, {dict(self)!r})'

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.defaultdict'")

    __or__ = _dict_or
    __ror__ = _dict_ror
    __ior__ = _dict_ior


class Counter(dict):
    __module__ = 'collections'

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __delitem__(self, elem):
        if elem in self:
            super().__delitem__(elem)

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=lambda item: item[1], reverse=True)
        if n is None:
            return ordered
        return ordered[:max(0, n)] if n >= 0 else []

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                if self:
                    self_get = self.get
                    for elem in iterable.keys():
                        super().__setitem__(elem, iterable[elem] + self_get(elem, 0))
                else:
                    for elem in iterable.keys():
                        super().__setitem__(elem, iterable[elem])
            else:
                self_get = self.get
                for elem in iterable:
                    super().__setitem__(elem, self_get(elem, 0) + 1)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                self_get = self.get
                for elem in iterable.keys():
                    self[elem] = self_get(elem, 0) - iterable[elem]
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return f'{self.__class__.__name__}({d!r})'

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


class ChainMap(_Mapping):
    __module__ = 'collections'

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    def __eq__(self, other):
        if isinstance(other, (dict, ChainMap)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def keys(self):
        return dict.fromkeys(self).keys()

    def items(self):
        return {k: self[k] for k in self}.items()

    def values(self):
        return {k: self[k] for k in self}.values()

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), /, **kwds):
        self.maps[0].update(other, **kwds)

    def __or__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


################################################################################
### namedtuple
################################################################################

def _names(names):
    if len(names) == 1:
        return f"'{names[0]}'"
    if len(names) == 2:
        return f"'{names[0]}' and '{names[1]}'"
    return ', '.join(f"'{n}'" for n in names[:-1]) + f", and '{names[-1]}'"


def _bind(cls, args, kwds):
    """The field values for `cls(*args, **kwds)`, with the errors of CPython's `__new__`."""
    fields = cls._fields
    defaults = cls._field_defaults
    where = f'{cls.__name__}.__new__()'
    if len(args) > len(fields):
        n = len(fields) + 1
        if defaults:
            takes = f'from {n - len(defaults)} to {n} positional arguments'
        else:
            takes = f'{n} positional argument' + ('' if n == 1 else 's')
        given = len(args) + 1
        raise TypeError(f'{where} takes {takes} but {given} were given')
    values = list(args) + [_MISSING] * (len(fields) - len(args))
    for name, value in kwds.items():
        if name not in fields:
            raise TypeError(f"{where} got an unexpected keyword argument '{name}'")
        i = fields.index(name)
        if i < len(args):
            raise TypeError(f"{where} got multiple values for argument '{name}'")
        values[i] = value
    missing = []
    for i, name in enumerate(fields):
        if values[i] is _MISSING:
            if name in defaults:
                values[i] = defaults[name]
            else:
                missing.append(name)
    if missing:
        noun = 'argument' if len(missing) == 1 else 'arguments'
        raise TypeError(f'{where} missing {len(missing)} required positional {noun}: '
                        f'{_names(missing)}')
    return tuple(values)


_MISSING = object()


# The methods every namedtuple class gets (CPython builds them with exec); the class
# itself is `type(typename, (tuple,), namespace)`, so its MRO is CPython's.

def _nt_new(_cls, *args, **kwds):
    return tuple.__new__(_cls, _bind(_cls, args, kwds))


def _nt_getattr(self, name):
    fields = type(self)._fields
    if name in fields:
        return self[fields.index(name)]
    raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


def _nt_setattr(self, name, value):
    if name in type(self)._fields:
        raise AttributeError("can't set attribute")
    raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


def _nt_repr(self):
    body = ', '.join(f'{name}={value!r}' for name, value in zip(self._fields, self))
    return f'{type(self).__name__}({body})'


def _nt_make(cls, iterable):
    values = tuple(iterable)
    if len(values) != len(cls._fields):
        raise TypeError(f'Expected {len(cls._fields)} arguments, got {len(values)}')
    return tuple.__new__(cls, values)


def _nt_replace(self, /, **kwds):
    values = [kwds.pop(name, value) for name, value in zip(self._fields, self)]
    if kwds:
        raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
    return self._make(values)


def _nt_asdict(self):
    return dict(zip(self._fields, self))


def _nt_getnewargs(self):
    return tuple(self)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
    namespace = {
        '__module__': '__main__' if module is None else module,
        '__slots__': (),
        '_fields': tuple(field_names),
        '_field_defaults': field_defaults,
        '__match_args__': tuple(field_names),
        '__new__': _nt_new,
        '__getattr__': _nt_getattr,
        '__setattr__': _nt_setattr,
        '__repr__': _nt_repr,
        '_make': classmethod(_nt_make),
        '_replace': _nt_replace,
        '_asdict': _nt_asdict,
        '__getnewargs__': _nt_getnewargs,
    }
    return type(typename, (tuple,), namespace)
