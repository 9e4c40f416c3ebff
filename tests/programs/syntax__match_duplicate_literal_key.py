# Literal mapping keys are compared as values: 1 and True are the same key.
print("never printed")
match {}:
    case {1: a, "b": b, True: c}:
        pass
