# `dataclasses`: dataclass, field, fields, asdict, astuple, replace, is_dataclass,
# make_dataclass, InitVar, KW_ONLY, FrozenInstanceError, MISSING.
#
# Python source, run on first import: CPython 3.11's dataclasses.py reduced to what its
# behaviour needs. As there, __init__ is generated as source text and exec'd (so argument
# errors read `P.__init__() missing 1 required positional argument: 'x'`), and fields come
# from the class's `__annotations__` (which the compiler records in class bodies) in
# definition order, after the base dataclasses' fields.
# Not provided: slots=True and weakref_slot=True are accepted and ignored; the generated
# __repr__ does not guard against recursive structures.
# Invariant: generated methods, field order, defaults, hashing rules and errors are 3.11's.

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _MappingProxy:
    # The read-only view CPython's Field.metadata is (`types.MappingProxyType`).
    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._mapping,)

    def __str__(self):
        return str(self._mapping)


_EMPTY_METADATA = _MappingProxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None else _MappingProxy(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory, self.init,
                   self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                   self._field_type))


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a):
    if type(a).__module__ != 'typing' and not isinstance(a, str):
        return False
    if isinstance(a, str):
        return a.startswith('ClassVar') or a.startswith('typing.ClassVar')
    import typing
    return a is typing.ClassVar or getattr(a, '__origin__', None) is typing.ClassVar


def _is_initvar(a):
    if isinstance(a, str):
        return a.startswith('InitVar') or a.startswith('dataclasses.InitVar')
    return a is InitVar or isinstance(a, InitVar)


def _is_kw_only(a):
    if isinstance(a, str):
        return a in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return a is KW_ONLY


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)
    if f._field_type is _FIELD and (type(f.default) in (list, dict, set) or
                                    getattr(type(f.default), '__hash__', 0) is None):
        raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                         % (type(f.default), f.name))
    return f


def _init_source(std_fields, kw_only_fields, all_init_fields, frozen, has_post_init,
                 self_name, class_name):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument %r follows default argument' % f.name)

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default_factory is not MISSING:
            return '%s=_HAS_DEFAULT_FACTORY' % f.name
        return '%s=_dflt_%s' % (f.name, f.name)

    params = [self_name] + [param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [param(f) for f in kw_only_fields]
    body = []
    for f in all_init_fields:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            if f.init:
                value = ('_dflt_%s() if %s is _HAS_DEFAULT_FACTORY else %s'
                         % (f.name, f.name, f.name))
            else:
                value = '_dflt_%s()' % f.name
        elif f.init:
            value = f.name
        else:
            continue
        if frozen:
            body.append('__dataclass_builtins_object__.__setattr__(%s, %r, %s)'
                        % (self_name, f.name, value))
        else:
            body.append('%s.%s = %s' % (self_name, f.name, value))
    if has_post_init:
        initvars = ', '.join(f.name for f in all_init_fields if f._field_type is _FIELD_INITVAR)
        body.append('%s.__post_init__(%s)' % (self_name, initvars))
    if not body:
        body = ['pass']
    return 'def __init__(%s):\n%s\n' % (', '.join(params),
                                          '\n'.join('    ' + line for line in body))


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _set_qualname(cls, fn):
    fn.__qualname__ = '%s.%s' % (cls.__qualname__, fn.__name__)
    return fn


def _tuple_source(fields, obj):
    if not fields:
        return '()'
    return '(' + ', '.join('%s.%s' % (obj, f.name) for f in fields) + ',)'


def _make_fn(name, source, namespace):
    exec(source, namespace)
    return namespace[name]


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots, weakref_slot):
    fields = {}
    setattr(cls, '__dataclass_params__',
            _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, '__dataclass_params__').frozen:
                any_frozen_base = True
    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = kw_only
    for name, type_ in cls_annotations.items():
        if _is_kw_only(type_):
            if kw_only_seen is True and kw_only is not True:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % name)
            kw_only_seen = True
            continue
        cls_fields.append(_get_field(cls, name, type_, kw_only_seen))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % name)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, '__dataclass_fields__', fields)
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]
    namespace = {'MISSING': MISSING, '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
                 '__dataclass_builtins_object__': object}
    for f in all_init_fields:
        if f.default_factory is not MISSING:
            namespace['_dflt_' + f.name] = f.default_factory
        elif f.default is not MISSING:
            namespace['_dflt_' + f.name] = f.default
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        source = _init_source(std_init_fields, kw_only_init_fields, all_init_fields, frozen,
                              has_post_init, self_name, cls.__name__)
        _set_new_attribute(cls, '__init__', _set_qualname(cls, _make_fn('__init__', source,
                                                                         namespace)))
    if repr:
        shown = [f for f in field_list if f.repr]
        source = ('def __repr__(self):\n    return self.__class__.__qualname__ + f"(%s)"\n'
                  % ', '.join('%s={self.%s!r}' % (f.name, f.name) for f in shown))
        _set_new_attribute(cls, '__repr__', _set_qualname(cls, _make_fn('__repr__', source,
                                                                         {})))
    compared = [f for f in field_list if f.compare]
    if eq:
        source = ('def __eq__(self, other):\n'
                  '    if other.__class__ is self.__class__:\n'
                  '        return %s == %s\n'
                  '    return NotImplemented\n'
                  % (_tuple_source(compared, 'self'), _tuple_source(compared, 'other')))
        _set_new_attribute(cls, '__eq__', _set_qualname(cls, _make_fn('__eq__', source, {})))
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            source = ('def %s(self, other):\n'
                      '    if other.__class__ is self.__class__:\n'
                      '        return %s %s %s\n'
                      '    return NotImplemented\n'
                      % (name, _tuple_source(compared, 'self'), op,
                         _tuple_source(compared, 'other')))
            if _set_new_attribute(cls, name, _set_qualname(cls, _make_fn(name, source, {}))):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))
    if frozen:
        names = tuple(f.name for f in field_list)
        namespace2 = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError, 'names': names}
        setattr_src = ('def __setattr__(self, name, value):\n'
                       '    if type(self) is cls or name in names:\n'
                       '        raise FrozenInstanceError(f"cannot assign to field {name!r}")\n'
                       '    super(cls, self).__setattr__(name, value)\n')
        delattr_src = ('def __delattr__(self, name):\n'
                       '    if type(self) is cls or name in names:\n'
                       '        raise FrozenInstanceError(f"cannot delete field {name!r}")\n'
                       '    super(cls, self).__delattr__(name)\n')
        for name, source in (('__setattr__', setattr_src), ('__delattr__', delattr_src)):
            if _set_new_attribute(cls, name, _set_qualname(cls, _make_fn(name, source,
                                                                          namespace2))):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))
    hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    hash_source = 'def __hash__(self):\n    return hash(%s)\n' % _tuple_source(hashed, 'self')
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        cls.__hash__ = _set_qualname(cls, _make_fn('__hash__', hash_source, {}))
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _set_qualname(cls, _make_fn('__hash__', hash_source, {}))
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))
    if not getattr(cls, '__doc__'):
        # What CPython derives from inspect.signature(cls).
        if init:
            params = [_signature_param(f) for f in std_init_fields]
            if kw_only_init_fields:
                params += ['*'] + [_signature_param(f) for f in kw_only_init_fields]
            cls.__doc__ = '%s(%s)' % (cls.__name__, ', '.join(params))
        else:
            cls.__doc__ = cls.__name__ + '()'
    return cls


def _format_annotation(annotation):
    """inspect.formatannotation: classes by (module and) qualname, others by repr."""
    if isinstance(annotation, type) and not hasattr(annotation, '__origin__'):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation).replace('typing.', '')


def _signature_param(f):
    text = '%s: %s' % (f.name, _format_annotation(f.type))
    if f.default is not MISSING:
        text += ' = %r' % (f.default,)
    elif f.default_factory is not MISSING:
        text += ' = <factory>'
    return text


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots, weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    else:
        import copy
        return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    else:
        import copy
        return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, '__dataclass_fields__').values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be specified '
                                 'with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None):
    namespace = {} if namespace is None else dict(namespace)
    annotations = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            namespace[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    namespace['__annotations__'] = annotations
    namespace['__module__'] = module if module is not None else '__main__'
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
