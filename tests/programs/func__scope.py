# Local, global and enclosing scopes; global and nonlocal statements.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
for _ in range(3):
    increment()
print("counter", counter)
x = "global"
def show():
    print("inside show:", x)
def shadow():
    x = "local"
    print("inside shadow:", x)
show()
shadow()
print("outside:", x)
def outer():
    y = "enclosing"
    def inner():
        print("inner sees", y)
    inner()
    def modify():
        nonlocal y
        y = "modified"
    modify()
    print("after modify:", y)
outer()
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def get():
        return balance
    return deposit, get
deposit, get = make_account(100)
deposit(50)
deposit(-30)
print("balance", get())
def new_global():
    global created_later
    created_later = "made inside a function"
new_global()
print(created_later)
def broken():
    print(undefined_name_here)
try:
    broken()
except NameError as e:
    print("NameError:", e)
def unbound():
    total = total_value + 1
    total_value = 5
    return total
try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def uses_before_assign():
    print(counter)
    counter = 1
try:
    uses_before_assign()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
