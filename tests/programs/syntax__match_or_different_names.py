# Every alternative of an OR pattern must bind the same names.
print("never printed")
match (1, 2):
    case (1, a) | (a, 1):
        pass
    case (0, b) | (c, 0):
        pass
