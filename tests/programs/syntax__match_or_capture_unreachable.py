# A capture alternative that is not last makes the later alternatives unreachable.
print("never printed")
match 3:
    case 1 | n | 2:
        pass
