# `typing`: the names annotations use, subscriptable and printable as CPython's.
#
# Python source, run on first import. Annotations here are data, never checked: List,
# Dict, Optional, Union, Callable, Tuple, ... subscript to aliases whose repr, __origin__
# and __args__ are CPython 3.11's (`typing.Optional[int]`, `typing.Dict[str, int]`);
# calling an alias of a concrete class calls that class. NamedTuple and TypedDict classes
# work as in CPython (a collections.namedtuple class; a plain dict), Generic[T] and
# Protocol can be subclassed and subscripted, TypeVar, NewType, cast, overload, final,
# get_origin, get_args and get_type_hints behave as documented.
# Not provided: runtime isinstance() checks against the abstract aliases (Iterable,
# Sequence, ...), ParamSpec semantics, and typing.io/typing.re.
# Invariant: reprs and the simplification of Union/Optional (flattening, dropping
# duplicates, Union[X] is X) are CPython 3.11's.

import collections

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _tuple(params):
    return params if isinstance(params, tuple) else (params,)


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


def _convert(arg):
    # CPython's _type_convert: None means NoneType, a string is a forward reference.
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _converted(params):
    return tuple(_convert(p) for p in _tuple(params))


class _Final:
    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError('%r is not subscriptable' % (self,))
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % (self,))

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass %r" % (self,))

    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % (self,))


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None, inst=True):
        self._inst = inst
        self.__origin__ = origin
        self.__args__ = _tuple(args)
        self._name = name
        self.__parameters__ = tuple(a for a in self.__args__ if isinstance(a, TypeVar))

    def __repr__(self):
        if self._name is not None:
            head = 'typing.' + self._name
        else:
            head = _type_repr(self.__origin__)
        if self.__args__ == ():
            return head + '[()]'
        return '%s[%s]' % (head, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__.lower()))
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError("Cannot instantiate %r" % (self.__origin__,))
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        params = _tuple(params)
        subst = dict(zip(self.__parameters__, params))
        return _GenericAlias(self.__origin__, tuple(subst.get(a, a) for a in self.__args__),
                             self._name, self._inst)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return ()

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class _SpecialGenericAlias(_GenericAlias):
    # `List`, `Dict`, ...: the bare name and what subscripting it makes.
    def __init__(self, origin, nparams, name, inst=True):
        self._inst = inst
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self.__args__ = ()
        self.__parameters__ = ()

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = _tuple(params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ('many' if len(params) > self._nparams else 'few', self,
                               len(params), self._nparams))
        return _GenericAlias(self.__origin__, _converted(params), self._name, self._inst)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple', False)
        return _GenericAlias(tuple, _converted(params), 'Tuple', False)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return 'typing.Callable[..., %s]' % _type_repr(args[1])
        return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in args[:-1]),
                                             _type_repr(args[-1]))


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is ...:
            return _CallableGenericAlias(Callable.__origin__, (..., _convert(result)), 'Callable')
        if not isinstance(args, list):
            raise TypeError("Callable[args, result]: args must be a list. Got %r" % (args,))
        return _CallableGenericAlias(Callable.__origin__, _converted(tuple(args)) + (_convert(result),),
                                     'Callable')


class _UnionGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, type(int | str))):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in _converted(parameters):
        if isinstance(p, _UnionGenericAlias) or type(p) is type(int | str):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    args = []
    for p in flat:
        if p not in args:
            args.append(p)
    if len(args) == 1:
        return args[0]
    return _UnionGenericAlias(self, tuple(args))


def _optional_getitem(self, parameters):
    return Union[parameters, None]


def _one_getitem(self, parameters):
    return _GenericAlias(self, _converted(parameters), self._name)


def _literal_getitem(self, parameters):
    return _GenericAlias(self, _tuple(parameters), self._name)


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _one_getitem)
Final = _SpecialForm('Final', _one_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Annotated = _SpecialForm('Annotated', _literal_getitem)
TypeGuard = _SpecialForm('TypeGuard', _one_getitem)
Required = _SpecialForm('Required', _one_getitem)
NotRequired = _SpecialForm('NotRequired', _one_getitem)
Unpack = _SpecialForm('Unpack', _one_getitem)
Concatenate = _SpecialForm('Concatenate', _one_getitem)

List = _SpecialGenericAlias(list, 1, 'List', False)
Dict = _SpecialGenericAlias(dict, 2, 'Dict', False)
Set = _SpecialGenericAlias(set, 1, 'Set', False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet', False)
Tuple = _TupleAlias(tuple, -1, 'Tuple', False)
Type = _SpecialGenericAlias(type, 1, 'Type', False)
Callable = _CallableAlias(type(len), -1, 'Callable', False)
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 1, 'Counter')
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, 'ChainMap')
Deque = _SpecialGenericAlias(collections.deque, 1, 'Deque')
Text = str

# The abstract collection types, for annotations only (globals() is a snapshot here).
Iterable = _SpecialGenericAlias(object, 1, 'Iterable')
Iterator = _SpecialGenericAlias(object, 1, 'Iterator')
Generator = _SpecialGenericAlias(object, 3, 'Generator')
Sequence = _SpecialGenericAlias(object, 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(object, 1, 'MutableSequence')
Mapping = _SpecialGenericAlias(object, 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(object, 2, 'MutableMapping')
AbstractSet = _SpecialGenericAlias(object, 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(object, 1, 'MutableSet')
Collection = _SpecialGenericAlias(object, 1, 'Collection')
Container = _SpecialGenericAlias(object, 1, 'Container')
Reversible = _SpecialGenericAlias(object, 1, 'Reversible')
Awaitable = _SpecialGenericAlias(object, 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(object, 3, 'Coroutine')
AsyncIterable = _SpecialGenericAlias(object, 1, 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(object, 1, 'AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(object, 2, 'AsyncGenerator')
KeysView = _SpecialGenericAlias(object, 1, 'KeysView')
ValuesView = _SpecialGenericAlias(object, 1, 'ValuesView')
ItemsView = _SpecialGenericAlias(object, 2, 'ItemsView')
MappingView = _SpecialGenericAlias(object, 1, 'MappingView')
ContextManager = _SpecialGenericAlias(object, 1, 'ContextManager')
AsyncContextManager = _SpecialGenericAlias(object, 1, 'AsyncContextManager')
Hashable = _SpecialGenericAlias(object, 0, 'Hashable')
Sized = _SpecialGenericAlias(object, 0, 'Sized')
ByteString = _SpecialGenericAlias(object, 0, 'ByteString')


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        super().__init__(name, bound=bound, covariant=covariant, contravariant=contravariant)


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    def __class_getitem__(cls, params):
        return _GenericAlias(cls, _converted(params))


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (field_name, 's' if len(default_names) > 1 else '',
                                   ', '.join(default_names)))
        nm_tpl = collections.namedtuple(typename, list(types),
                                        defaults=[ns[n] for n in default_names],
                                        module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key, value in ns.items():
            if key in ('__module__', '__qualname__', '__annotations__', '_fields',
                       '_field_defaults', '_make', '_replace', '_asdict', '_source'):
                continue
            if key not in types:
                setattr(nm_tpl, key, value)
        return nm_tpl


# Made without running NamedTupleMeta.__new__ (which would make it a namedtuple itself).
_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': 'typing'})


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    fields = list(fields)
    nm_tpl = collections.namedtuple(typename, [n for n, t in fields])
    nm_tpl.__annotations__ = dict(fields)
    return nm_tpl


NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        tp_dict = super().__new__(cls, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(getattr(base, '__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        keys = frozenset(annotations)
        tp_dict.__required_keys__ = keys if total else frozenset()
        tp_dict.__optional_keys__ = frozenset() if total else keys
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': 'typing'})


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[-1]
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class IO(Generic):
    pass


class TextIO(IO):
    pass


class BinaryIO(IO):
    pass


def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    return obj


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def get_origin(tp):
    if isinstance(tp, _UnionGenericAlias):
        return Union
    if isinstance(tp, _SpecialGenericAlias):
        return tp.__origin__
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    if type(tp) is type(list[int]):
        return tp.__origin__
    if type(tp) is type(int | str):
        return type(int | str)
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _SpecialGenericAlias):
        return ()
    if isinstance(tp, _GenericAlias) or type(tp) in (type(list[int]), type(int | str)):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get('__annotations__', {}))
        return hints
    return dict(getattr(obj, '__annotations__', {}))
