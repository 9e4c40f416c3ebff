# `abc`: ABC, ABCMeta, abstractmethod (and the abstract class/static method and property
# spellings), get_cache_token, update_abstractmethods.
#
# Python source, run on first import, after CPython's _py_abc.py: ABCMeta computes
# `__abstractmethods__` when a class is made and refuses to instantiate a class that still
# has some, with CPython's message. `register` records a virtual subclass for
# `issubclass`/`isinstance` through ABCMeta's own methods only: the built-in isinstance()
# does not consult it (no __instancecheck__ hook here).
# Invariant: abstract-method bookkeeping and the instantiation TypeError are CPython 3.11's.

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


# classmethod, staticmethod and property cannot be subclassed here: these return the
# built-in wrappers around a function marked abstract (what _is_abstract looks at).
def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset)


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    for part in ('fget', 'fset', '__func__'):
        inner = getattr(value, part, None)
        if inner is not None and getattr(inner, '__isabstractmethod__', False):
            return True
    return False


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


_abc_invalidation_counter = 0


def get_cache_token():
    return _abc_invalidation_counter


class ABCMeta(type):

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for name in getattr(base, "__abstractmethods__", set()):
                value = getattr(cls, name, None)
                if _is_abstract(value):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if issubclass(subclass, cls):
            return True
        return any(issubclass(subclass, r) for r in cls._abc_registry)


class ABC(metaclass=ABCMeta):
    __slots__ = ()
