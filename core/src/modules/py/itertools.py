# `itertools`: every 3.11 function (batched is 3.12).
#
# Python source, run on first import: each function is the pure-Python equivalent from
# CPython's documentation, written as a generator, with the argument checks of the C
# module done eagerly (at the call, as CPython does) before the generator is returned.
# Invariant: the values produced, and the errors with their messages, are CPython 3.11's;
# the iterators themselves are generators (their repr and type name differ).

import sys as _sys


def _index(value, what):
    if type(value) is bool or type(value) is int:
        return int(value)
    if hasattr(value, '__index__'):
        return value.__index__()
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


class count:
    __module__ = 'itertools'

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not isinstance(value, (int, float)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return f'count({self._n!r})'
        return f'count({self._n!r}, {self._step!r})'


def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


class repeat:
    __module__ = 'itertools'

    def __init__(self, object, times=None):
        self._object = object
        self._times = None if times is None else max(0, _index(times, 'times'))

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        return 0 if self._times is None else self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, total):
    if total is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


class _Chain:
    def __call__(self, *iterables):
        return self.from_iterable(iterables)

    @staticmethod
    def from_iterable(iterables):
        return _chain(iter(iterables))

    def __repr__(self):
        return "<class 'itertools.chain'>"


def _chain(iterables):
    for it in iterables:
        for element in it:
            yield element


chain = _Chain()


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        predicate = bool
    for x in it:
        if not predicate(x):
            yield x


class groupby:
    __module__ = 'itertools'

    def __init__(self, iterable, key=None):
        self.keyfunc = (lambda x: x) if key is None else key
        self.it = iter(iterable)
        self.tgtkey = self.currkey = self.currvalue = _MARKER
        self.id = object()

    def __iter__(self):
        return self

    def __next__(self):
        self.id = object()
        while self.currkey is _MARKER or self.currkey == self.tgtkey:
            self.currvalue = next(self.it)
            self.currkey = self.keyfunc(self.currvalue)
            if self.tgtkey is _MARKER:
                break
        self.tgtkey = self.currkey
        return (self.currkey, self._grouper(self.tgtkey, self.id))

    def _grouper(self, tgtkey, id):
        while self.id is id and self.currkey == tgtkey:
            yield self.currvalue
            try:
                self.currvalue = next(self.it)
            except StopIteration:
                return
            self.currkey = self.keyfunc(self.currvalue)


_MARKER = object()


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        if not args:
            raise TypeError('islice expected at least 2 arguments, got 1')
        raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
    s = slice(*args)
    start, stop, step = s.start, s.stop, s.step
    if stop is not None:
        stop = _slice_arg(stop, 'Stop argument for islice() must be None or an integer: '
                                '0 <= x <= sys.maxsize.')
    bad = ('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    start = 0 if start is None else _slice_arg(start, bad)
    if step is None:
        step = 1
    else:
        step = _slice_arg(step, 'Step for islice() must be a positive integer or None.')
        if step == 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice(iter(iterable), start, stop, step)


def _slice_arg(value, message):
    try:
        value = _index(value, '')
    except TypeError:
        raise ValueError(message) from None
    if value < 0 or value > _sys.maxsize:
        raise ValueError(message)
    return value


def _islice(it, start, stop, step):
    i = 0
    nexti = start
    while stop is None or nexti < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1
    # CPython consumes up to `start` even when the slice is empty.
    while i < start:
        try:
            next(it)
        except StopIteration:
            return
        i += 1


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def tee(iterable, n=2):
    n = _index(n, 'n')
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee(it, buffers, mine) for mine in buffers)


def _tee(it, buffers, mine):
    while True:
        if not mine:
            try:
                value = next(it)
            except StopIteration:
                return
            for buffer in buffers:
                buffer.append(value)
        yield mine.pop(0)


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    repeat = _index(repeat, 'repeat')
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def _r_arg(name, r, where):
    if r is _MARKER:
        raise TypeError(f"{name}() missing required argument 'r' (pos 2)")
    r = _index(r, 'r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else _r_arg('permutations', r, '')
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r=_MARKER):
    r = _r_arg('combinations', r, '')
    return _combinations(tuple(iterable), r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r=_MARKER):
    r = _r_arg('combinations_with_replacement', r, '')
    return _combinations_with_replacement(tuple(iterable), r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
