# sys.get/set_int_max_str_digits: CPython 3.11's default limit, the setter's checks, and
# the ValueErrors of int() and str() past the limit in force.
import json
import sys

print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)


def attempt(label, thunk):
    try:
        result = thunk()
        print(label, "->", result)
    except (ValueError, TypeError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)


attempt("int 5000 nines", lambda: int("9" * 5000))
attempt("int 4300 digits", lambda: len(str(int("7" * 4300))))
attempt("str 10**5000", lambda: str(10**5000))
attempt("repr -10**4300", lambda: repr(-10**4300))
attempt("str 10**4299", lambda: len(str(10**4299)))
attempt("f-string", lambda: f"{10**4300}")
attempt("%d", lambda: "%d" % 10**4300)
attempt("format d", lambda: format(10**4300, "d"))
attempt("hex is exempt", lambda: len(hex(10**5000)))
attempt("int base 16 is exempt", lambda: int("f" * 5000, 16).bit_length())
attempt("int base 36 is not", lambda: int("z" * 5000, 36))
attempt("json", lambda: json.loads("1" * 5000))

for value in [5, 639, -1, True, "1000", 1.5, 10**30]:
    attempt(f"set({value!r})", lambda: sys.set_int_max_str_digits(value))
attempt("no argument", lambda: sys.set_int_max_str_digits())
attempt("get(1)", lambda: sys.get_int_max_str_digits(1))
print(sys.get_int_max_str_digits())

sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits())
attempt("int 641 digits", lambda: int("1" * 641))
attempt("str 10**640", lambda: str(10**640))
attempt("str 10**639", lambda: len(str(10**639)))

sys.set_int_max_str_digits(maxdigits=0)
print(sys.get_int_max_str_digits())
attempt("unlimited str", lambda: len(str(10**20000)))
attempt("unlimited int", lambda: int("3" * 20000) % 1000)

sys.set_int_max_str_digits(4300)
attempt("back to 4300", lambda: int("9" * 4301))
# sys.flags records the -X option only; the setter leaves it alone.
print(sys.flags.int_max_str_digits, type(sys.flags).__name__, len(sys.flags))
