# A generator dropped while suspended inside try/finally or with is closed, as CPython
# does when it is collected: its finally blocks and __exit__ run.
class CM:
    def __enter__(self):
        print('enter')

    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None)


def counting(label):
    try:
        with CM():
            for i in range(10):
                yield i
    finally:
        print('finally', label)


def first_two(label):
    g = counting(label)
    print(next(g), next(g))
    print('leaving', label)


first_two('local')
print('after local')

for x in counting('loop'):
    if x == 1:
        break
print('after loop')

g = counting('rebound')
next(g)
g = None
print('after rebinding')

g = counting('deleted')
next(g)
del g
print('after del')


def stubborn():
    try:
        yield 1
    finally:
        print('stubborn finally')
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)


def never_started():
    try:
        yield 1
    finally:
        print('not printed: never started')


n = never_started()
del n
print('done')
