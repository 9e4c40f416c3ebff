# An irrefutable capture before other cases is rejected when compiling, before any output.
print("never printed")
match 1:
    case 0:
        pass
    case value:
        pass
    case 2:
        pass
