# match: guards, OR patterns (captures in any order), AS patterns, evaluation order.
def grade(score):
    match score:
        case int(n) | float(n) if n < 0:
            return "negative"
        case 100 | 100.0:
            return "perfect"
        case n if n >= 90:
            return "A"
        case n if n >= 80:
            return "B"
        case _:
            return "below B"


print([grade(s) for s in [-1, -0.5, 100, 100.0, 95, 85.5, 10]])

# Alternatives may capture the same names in different orders.
for v in [(1, "a"), ("b", 2), [3, "c"], ("x", "y"), (4, 5)]:
    match v:
        case (int(n), str(s)) | (str(s), int(n)):
            print("number", n, "string", s)
        case (a, b):
            print("other pair", a, b)

# Nested OR patterns inside sequences and mappings.
for cmd in [["go", "north"], ["go", "s"], ["look"], ["get", "lamp"], {"op": "drop", "what": "key"}, ["quit"]]:
    match cmd:
        case ["go", ("north" | "n" | "south" | "s") as direction]:
            print("going", direction)
        case ["look" | "l"]:
            print("looking")
        case ["get" | "take", obj] | {"op": "get" | "take", "what": obj}:
            print("taking", obj)
        case {"op": ("drop" | "put") as op, "what": obj}:
            print(op, obj)
        case [other, *args]:
            print("unknown", other, args)

# AS patterns capture the whole matched value, at any depth.
match [1, [2, 3], {"k": "v"}]:
    case [int() as first, [_, _] as pair, {"k": str() as val} as mapping] as whole:
        print(first, pair, val, mapping, whole)

# Guards see the captures and run only after the pattern matched.
log = []


def check(name, result):
    log.append(name)
    return result


match (1, 2):
    case (a, b) if check("first guard", a > b):
        print("unexpected")
    case (a, 3) if check("never evaluated", True):
        print("unexpected")
    case (a, b) if check("second guard", a < b):
        print("matched", a, b)
print(log)

# A guard that raises propagates; the match statement does not swallow it.
try:
    match 0:
        case n if 1 / n:
            pass
except ZeroDivisionError as e:
    print("guard raised:", e)

# Walrus in a guard binds in the enclosing scope.
match [3, 4]:
    case [a, b] if (total := a + b) > 5:
        print("total", total)

# Value patterns are evaluated left to right, only as far as needed.
class Lookup:
    def __init__(self):
        self.order = []

    def __getattr__(self, name):
        self.order.append(name)
        return int(name[1:])


L = Lookup()
match 2:
    case L.v1 | L.v2 | L.v3:
        print("matched", L.order)

# Captures inside an OR that fails leave earlier names untouched.
z = "unchanged"
match (5, 6):
    case (z, 0) | (0, z):
        print("unexpected")
    case _:
        print("z is", z)


# Generators and closures around match.
def tokens(items):
    for item in items:
        match item:
            case str(s) if s.isdigit():
                yield int(s)
            case str(s):
                yield s.upper()
            case [*inner]:
                yield from tokens(inner)


print(list(tokens(["1", "ab", ["2", ["cd"]], "3"])))


def make():
    match [10, 20]:
        case [x, y]:
            return lambda: x + y


print(make()())
