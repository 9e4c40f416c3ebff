# Validating records: collecting errors with custom exceptions, else/finally bookkeeping.
class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
def validate(record):
    name, age, email = record
    if not name:
        raise ValidationError("name", "must not be empty")
    try:
        age = int(age)
    except ValueError:
        raise ValidationError("age", f"{age!r} is not a number") from None
    if not 0 < age < 150:
        raise ValidationError("age", f"{age} is out of range")
    if "@" not in email or email.startswith("@"):
        raise ValidationError("email", f"{email!r} is invalid")
    return {"name": name, "age": age, "email": email}
records = [("Ada", "36", "ada@example.org"), ("", "20", "x@y.z"), ("Bob", "abc", "bob@b.com"),
           ("Cy", "200", "cy@c.com"), ("Di", "44", "di.example.org"), ("Ed", "51", "ed@e.com")]
valid, errors, processed = [], {}, 0
for record in records:
    try:
        clean = validate(record)
    except ValidationError as e:
        errors.setdefault(e.field, []).append(str(e))
    else:
        valid.append(clean)
    finally:
        processed += 1
print(processed, "processed,", len(valid), "valid")
for v in valid:
    print(" ", v)
for field in sorted(errors):
    for message in errors[field]:
        print("  error", message)
def safe_ratio(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf") if a > 0 else float("-inf") if a < 0 else float("nan")
    except TypeError:
        return None
print([safe_ratio(a, b) for a, b in [(1, 2), (1, 0), (-1, 0), (0, 0), ("x", 1)]])
