# A bank account class hierarchy with validation, history and interest.
class InsufficientFundsError(Exception):
    pass
class Account:
    next_number = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.number = Account.next_number
        Account.next_number += 1
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFundsError(f"cannot withdraw {amount:.2f}; balance is {self.balance:.2f}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
    def __str__(self):
        return f"#{self.number} {self.owner}: ${self.balance:,.2f}"
    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance!r})"
class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
    def __str__(self):
        return super().__str__() + f" (savings at {self.rate:.1%})"
alice = Account("Alice", 100)
bob = SavingsAccount("Bob", 2500, rate=0.035)
print(alice)
print(bob)
alice.deposit(50.25)
alice.withdraw(20)
try:
    alice.withdraw(1000)
except InsufficientFundsError as e:
    print("Error:", e)
try:
    alice.deposit(-5)
except ValueError as e:
    print("Error:", e)
bob.transfer(alice, 500)
for year in range(1, 4):
    print(f"year {year}: interest {bob.add_interest():.2f}")
print(alice)
print(bob)
print(repr(alice), repr(bob))
print(alice.history)
print([kind for kind, _ in bob.history])
accounts = [alice, bob, Account("Carol", 999.99)]
for acct in sorted(accounts, key=lambda a: a.balance, reverse=True):
    print(acct)
print("total deposits:", sum(a.balance for a in accounts))
