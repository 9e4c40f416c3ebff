# with statements and user-defined context managers (__enter__/__exit__).
class Tag:
    depth = 0
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        Tag.depth -= 1
        print("  " * Tag.depth + f"</{self.name}>")
        return False
with Tag("html"):
    with Tag("body") as body:
        print("    name is", body.name)
        with Tag("p"), Tag("b"):
            print("        text")
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return "entered"
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit without exception")
            return False
        print("exit with", exc_type.__name__, exc)
        return issubclass(exc_type, self.types)
with Suppress(KeyError) as value:
    print("value:", value)
with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("after suppressed KeyError")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("propagated:", e)
class Timer:
    def __enter__(self):
        self.events = ["start"]
        return self
    def __exit__(self, *args):
        self.events.append("stop")
with Timer() as t:
    t.events.append("work")
print(t.events)
def use(resource_log):
    with Tag("fn"):
        return "returned inside with"
print(use([]))
for i in range(3):
    with Tag(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("    body", i)
class Transaction:
    def __init__(self, account):
        self.account = account
    def __enter__(self):
        self.snapshot = dict(self.account)
        return self.account
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.account.clear()
            self.account.update(self.snapshot)
            print("rolled back because:", exc)
            return True
acct = {"balance": 100}
with Transaction(acct) as a:
    a["balance"] -= 30
print(acct)
with Transaction(acct) as a:
    a["balance"] -= 500
    if a["balance"] < 0:
        raise ValueError("overdrawn")
print(acct)
