# A bare wildcard that is not the last case makes the rest unreachable.
print("never printed")
for x in range(3):
    match x:
        case _:
            pass
        case 1:
            pass
