class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance

acct = Account(100)
for amount in (30, -5, 500, 70, "ten"):
    try:
        print("left:", acct.withdraw(amount))
    except InsufficientFunds as e:
        print("refused:", e, e.needed - e.available)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok")
    finally:
        print("balance now", acct.balance)

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad input {s!r}") from e

try:
    parse("x1")
except RuntimeError as e:
    print(e, "| caused by:", repr(e.__cause__))
try:
    {}["missing"]
except LookupError as e:
    print("lookup:", repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), type(e.__context__).__name__)
print(acct.withdraw(1000))
