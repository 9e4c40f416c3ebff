# `**_` is not allowed in a mapping pattern (CPython's grammar has no such rest).
print("never printed")
match {"a": 1}:
    case {"a": 1, **_}:
        pass
