# `copy`: copy and deepcopy, with the memo and the __copy__ / __deepcopy__ hooks.
#
# Python source, run on first import: CPython's copy.py is Python too. Without pickle's
# __reduce_ex__ protocol here, an instance with no hooks is copied as CPython's default
# reduction does for plain classes: a new instance (`object.__new__`) whose attributes are
# the original's (shallow) or their deep copies.
# Invariant: shared and recursive structures are copied once per memo (`deepcopy` of a list
# that contains itself makes one new list that contains itself), as in CPython.

class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(Ellipsis), type(NotImplemented), type(lambda: 0))


def copy(x):
    cls = type(x)
    if isinstance(x, _ATOMIC) and cls in _ATOMIC or cls is frozenset or cls is tuple:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls is type(iter([])) or cls is type((lambda: (yield))()):
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    if isinstance(x, _BUILTINS):
        return _reconstruct(x, None)
    new = object.__new__(cls)
    for name, value in vars(x).items():
        object.__setattr__(new, name, value)
    return new


_BUILTINS = (list, dict, set, tuple, int, float, str, bytes, frozenset)


def _reconstruct(x, memo):
    """A copy of an instance of a subclass of a built-in type, as CPython's default
    reduction makes it: `cls.__new__` with the value's arguments, then the instance's
    attributes, then the items of a list, dict or set. `memo` is None for a shallow copy."""
    deep = memo is not None
    cls = type(x)
    if isinstance(x, tuple):
        args = x.__getnewargs__() if hasattr(x, '__getnewargs__') else (tuple(x),)
        if deep:
            args = deepcopy(args, memo)
        y = cls.__new__(cls, *args)
    elif isinstance(x, (list, dict, set)):
        y = object.__new__(cls)
    else:
        y = cls.__new__(cls, x)
    if deep:
        memo[id(x)] = y
    for name, value in vars(x).items():
        setattr(y, name, deepcopy(value, memo) if deep else value)
    if isinstance(x, list):
        y.extend([deepcopy(item, memo) for item in x] if deep else list(x))
    elif isinstance(x, dict):
        for key, value in x.items():
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    elif isinstance(x, set):
        for item in x:
            y.add(deepcopy(item, memo) if deep else item)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # The tuple may have been copied while copying its items (a cycle through it).
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            if cls is type(iter([])) or cls is type((lambda: (yield))()):
                raise TypeError(f"cannot pickle '{cls.__name__}' object")
            if isinstance(x, _BUILTINS):
                y = _reconstruct(x, memo)
                memo[d] = y
                _keep_alive(x, memo)
                return y
            y = object.__new__(cls)
            memo[d] = y
            for name, value in vars(x).items():
                object.__setattr__(y, name, deepcopy(value, memo))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
