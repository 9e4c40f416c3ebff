# raise ... from ...: an explicitly chained uncaught exception.
class ParseError(Exception):
    pass
def parse_age(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"bad age: {text!r}") from e
print(parse_age("42"))
print(parse_age("forty-two"))
