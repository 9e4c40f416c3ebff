# Custom exception classes, raise, re-raise, chaining, args.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} is less than {amount}")
        self.balance = balance
        self.amount = amount
class AccountLocked(BankError):
    pass
def withdraw(balance, amount, locked=False):
    if locked:
        raise AccountLocked("account is locked")
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount
for args in [(100, 30), (100, 300), (100, 1, True)]:
    try:
        print("new balance", withdraw(*args))
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, e.balance, e.amount, e.args)
    except BankError as e:
        print(type(e).__name__ + ":", e)
print(issubclass(InsufficientFunds, BankError), issubclass(BankError, Exception), isinstance(AccountLocked(), Exception))
e = ValueError("a", 1)
print(e, repr(e), e.args, str(ValueError()), repr(ValueError()), repr(KeyError("k")), str(KeyError("k")))
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("logging and re-raising")
        raise
try:
    reraise()
except ZeroDivisionError as e:
    print("caught again:", e)
try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("conversion failed") from e
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__))
try:
    try:
        [][1]
    except IndexError:
        raise KeyError("while handling")
except KeyError as e:
    print(repr(e), "| context:", repr(e.__context__))
class ValidationError(ValueError):
    def __str__(self):
        return f"invalid: {self.args[0]!r}"
try:
    raise ValidationError("age")
except ValueError as e:
    print(e, type(e).__name__, isinstance(e, ValidationError))
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
errors = []
for value in ["1", "x", "3", "", "5"]:
    try:
        errors.append(int(value))
    except ValueError as e:
        errors.append(str(e))
print(errors)
