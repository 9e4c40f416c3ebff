# `enum`: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, EnumType (EnumMeta).
#
# Python source, run on first import: a compact rewrite of CPython 3.11's enum.py over the
# interpreter's metaclass support. EnumType.__new__ takes the members out of the class
# namespace in definition order (auto() values from _generate_next_value_), builds the
# class, then makes each member (object.__new__ or the mixed-in type's __new__, then
# __init__ with the value's items); equal values become aliases. Flag values that are not
# members become cached pseudo-members named 'A|B' as in 3.11.
# Not provided: __prepare__-time checks (a name defined twice keeps the last value, where
# CPython raises), _order_, and a mappingproxy for __members__ (a dict copy is returned).
# Invariant: reprs, strs, formats, iteration order, lookups and their errors are 3.11's.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT',
           'KEEP', 'global_enum', 'property', 'verify']

_auto_null = object()
_Enum = None
_Flag = None


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and
            name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and
            name[1] != '_' and name[-2] != '_')


_DESCRIPTORS = (type(lambda: 0), classmethod, staticmethod, property)


def _is_descriptor(obj):
    return isinstance(obj, _DESCRIPTORS) or hasattr(type(obj), '__get__')


def _member_type(bases):
    for base in bases:
        for c in base.__mro__:
            if c is not object and c.__module__ == 'builtins':
                return c
    return object


def _value_hash(self):
    return hash(self._value_)


def _bin(num, max_bits=None):
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class EnumType(type):

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls, base))
        member_type = _member_type(bases)
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        generate = classdict.get('_generate_next_value_')
        if generate is None:
            for base in bases:
                generate = getattr(base, '_generate_next_value_', None)
                if generate is not None:
                    break
        members = {}
        ns = {}
        last_values = []
        for key, value in classdict.items():
            if key == '_ignore_' or key in ignore:
                continue
            if _is_dunder(key) or _is_sunder(key) or _is_descriptor(value):
                ns[key] = value
                continue
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(key, 1, len(members), last_values[:])
                value = value.value
            members[key] = value
            last_values.append(value)
        if boundary is None:
            for base in bases:
                boundary = getattr(base, '_boundary_', None)
                if boundary is not None:
                    break
        ns['_boundary_'] = boundary
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_member_type_'] = member_type
        ns['_flag_mask_'] = 0
        if member_type is not object and '__hash__' not in ns:
            ns['__hash__'] = _value_hash
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        is_flag = _Flag is not None and issubclass(enum_class, _Flag)
        custom_init = '__init__' in ns
        for name, value in members.items():
            if isinstance(value, tuple) and member_type is not tuple:
                args = value
            else:
                args = (value,)
            if member_type is object:
                member = object.__new__(enum_class)
                member._value_ = value
            else:
                member = member_type.__new__(enum_class, *args)
                member._value_ = member_type(*args)
            member._name_ = name
            member._sort_order_ = len(enum_class._member_map_)
            if custom_init or any('__init__' in vars(b) for b in enum_class.__mro__[1:-1]
                                  if isinstance(b, EnumType)):
                member.__init__(*args)
            canonical = member
            for other in enum_class._member_map_.values():
                if other._value_ == member._value_:
                    canonical = other
                    break
            if canonical is member:
                value = member._value_
                if not is_flag or (value > 0 and value & (value - 1) == 0):
                    enum_class._member_names_.append(name)
                if is_flag and isinstance(value, int):
                    enum_class._flag_mask_ |= value
                try:
                    enum_class._value2member_map_.setdefault(value, member)
                except TypeError:
                    pass
            enum_class._member_map_[name] = canonical
            type.__setattr__(enum_class, name, canonical)
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _lookup_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member"
                        % (cls.__name__, result))

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        classdict = {}
        if isinstance(names, dict):
            items = list(names.items())
        else:
            names = list(names)
            if names and isinstance(names[0], str):
                items = []
                last = []
                for count, name in enumerate(names):
                    value = cls._generate_next_value_(name, start, count, last[:])
                    last.append(value)
                    items.append((name, value))
            else:
                items = [tuple(item) for item in names]
        for name, value in items:
            classdict[name] = value
        classdict['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        bases = (cls,) if type is None else (type, cls)
        return EnumType.__new__(EnumType, class_name, bases, classdict, boundary=boundary)

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if _Flag is not None and issubclass(cls, _Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


class Enum(metaclass=EnumType):

    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            try:
                return value + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __init__(self, *args, **kwds):
        pass

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)


_Enum = Enum


class ReprEnum(Enum):
    def __str__(self):
        return str(self._value_) if isinstance(self._value_, str) else repr(self._value_)

    def __format__(self, format_spec):
        return format(self._value_, format_spec)


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high_bit = max(last_values).bit_length() - 1
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ and member._value_ & value == member._value_:
                yield member

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        if value < 0:
            value = max(flag_mask.bit_length(), value.bit_length())
            value = (2 ** value - 1) + 1 + value if False else flag_mask & value
        extra = value & ~flag_mask
        if extra:
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits)))
            if cls._boundary_ is CONFORM:
                value = value & flag_mask
                extra = 0
        member_type = cls._member_type_
        if member_type is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = member_type.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_member_(value)]
        if names:
            pseudo._name_ = '|'.join(names) + ('|%d' % extra if extra else '')
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self._iter_member_(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._operand(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._operand(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._operand(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)


_Flag = Flag


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    pass


def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration


def global_enum(cls):
    return cls


def verify(*checks):
    return lambda enumeration: enumeration
