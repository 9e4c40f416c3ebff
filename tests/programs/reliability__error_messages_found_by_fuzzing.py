# TypeError/OverflowError wording the differential fuzzer found differing from CPython.
class Plain:
    pass


def attempts():
    def del_list_by_list():
        del [1][[1]]
    yield del_list_by_list
    def del_list_by_float():
        del [1][1.5]
    yield del_list_by_float
    def del_str():
        del 's'[0]
    yield del_str
    def del_tuple():
        del (1,)[0]
    yield del_tuple
    def del_instance():
        del Plain()[0]
    yield del_instance
    yield lambda: 1 in Plain()
    yield lambda: chr(2**31)
    yield lambda: chr(2**100)
    yield lambda: chr(-1)
    yield lambda: chr(2**31 - 1)


for attempt in attempts():
    try:
        print(attempt())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
