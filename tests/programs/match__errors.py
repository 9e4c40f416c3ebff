# match: the TypeErrors and ValueErrors CPython raises while matching; the last one is uncaught.
def attempt(label, thunk):
    try:
        thunk()
        print(label, "no error")
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)


def not_a_class():
    f = len
    match 1:
        case f():
            pass


class NoMatchArgs:
    pass


class BadElements:
    __match_args__ = ("ok", 1)
    ok = 0


class ListArgs:
    __match_args__ = ["a"]
    a = 1


class OneArg:
    __match_args__ = ("a",)
    a = 1


def too_many_positional():
    match NoMatchArgs():
        case NoMatchArgs(x):
            pass


def too_many_for_one():
    match OneArg():
        case OneArg(x, y):
            pass


def too_many_for_builtin():
    match 5:
        case int(a, b):
            pass


def bad_element():
    match BadElements():
        case BadElements(a, b):
            pass


def list_match_args():
    match ListArgs():
        case ListArgs(a):
            pass


def repeated_attribute():
    match OneArg():
        case OneArg(v, a=w):
            pass


class K:
    one = 1
    also_one = 1


def duplicate_runtime_key():
    match {1: "x", 2: "y"}:
        case {K.one: a, K.also_one: b}:
            pass


def unhashable_key():
    class U:
        key = []

    match {1: 2}:
        case {U.key: _}:
            pass


def no_error_when_not_instance():
    match "not an instance":
        case NoMatchArgs(a, b, c):
            pass


attempt("not a class:", not_a_class)
attempt("too many positional:", too_many_positional)
attempt("too many for one:", too_many_for_one)
attempt("too many for int:", too_many_for_builtin)
attempt("bad element:", bad_element)
attempt("list __match_args__:", list_match_args)
attempt("repeated attribute:", repeated_attribute)
attempt("duplicate key:", duplicate_runtime_key)
attempt("unhashable key:", unhashable_key)
attempt("not an instance:", no_error_when_not_instance)

# Uncaught: the traceback's last line is checked.
match 3:
    case print():
        pass
