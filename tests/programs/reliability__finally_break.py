# break/continue/return inside finally while a return or an exception is pending.
def g():
    for i in range(3):
        for j in 'ab':
            try:
                return i
            finally:
                break
    return 'end'


print(g())


def h():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            continue
    return 'continued'


print(h())


def k():
    try:
        return 'first'
    finally:
        return 'second'


print(k())


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print('exit', self.name, exc[0])
        return False


def w():
    for i in range(2):
        with CM('outer'):
            for j in range(2):
                with CM('inner'):
                    try:
                        return (i, j)
                    finally:
                        break
    return 'after'


print(w())


def nested_handlers():
    out = []
    for i in range(3):
        try:
            try:
                raise KeyError(i)
            except KeyError as e:
                out.append(repr(e))
                return out
            finally:
                out.append('inner finally')
                continue
        finally:
            out.append('outer finally')
    return out


print(nested_handlers())


def unbinds_name():
    try:
        raise ValueError('x')
    except ValueError as e:
        pass
    try:
        return e
    except NameError as err:
        return type(err).__name__


print(unbinds_name())
