# match: literal, singleton, capture, wildcard and value patterns; soft keywords.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Limits:
    low = -5
    high = 10**20


def classify(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "text":
            return "the string"
        case b"raw":
            return "the bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case Limits.low:
            return "low"
        case Limits.high:
            return "high"
        case _:
            return "something else"


for v in [0, 0.0, False, -1, 2.5, "text", b"raw", "raw", None, True, 1, 1.0,
          Color.RED, Color.GREEN, 1, -5, 10**20, [], ()]:
    print(repr(v), "->", classify(v))


def capture(v):
    match v:
        case 1 | 2 | 3 as small:
            return f"small {small}"
        case other:
            return f"captured {other!r}"


print(capture(2), capture("x"), capture([1]))

# A failed pattern binds nothing; a matched one binds before the guard runs.
x = "before"
match [1, 3]:
    case [x, 2]:
        print("unexpected")
    case _:
        print("x is still", x)
match [7, 8]:
    case [x, y] if x > 100:
        print("unexpected")
    case _:
        print("bound by the guarded case:", x, y)

# match and case stay usable as names.
match = {"case": 1}
case = [match]
print(match, case)
match match:
    case {"case": case}:
        print("case =", case)


def _(match, case):
    return match + case


print(_(1, 2))

# The subject is evaluated once.
calls = []


def subject():
    calls.append(1)
    return 42


match subject():
    case 1:
        pass
    case 2:
        pass
    case n:
        print("n =", n, "calls =", len(calls))

# Equality goes through __eq__ for value patterns, identity for singletons.
class Loose:
    def __eq__(self, other):
        print("  __eq__ called with", other)
        return True


class Holder:
    loose = Loose()


match 12:
    case Holder.loose:
        print("matched by __eq__")
match 0:
    case False:
        print("unexpected")
    case None:
        print("unexpected")
    case _:
        print("0 is not False for a singleton pattern")

# Nested functions and loops around match.
def first_even(items):
    for i in items:
        match i % 2:
            case 1:
                continue
            case 0:
                return i
    return None


print(first_even([1, 3, 8, 5]), first_even([1]))
seen = []
for i in range(10):
    match i:
        case 2 | 4:
            seen.append(i)
        case 6:
            break
print(seen)
