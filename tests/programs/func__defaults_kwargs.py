# Default values, keyword arguments, *args, **kwargs, keyword-only parameters.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet("Ada", punct="?"))
print(greet(greeting="Yo", name="Bob"))
def total(*nums):
    print("args:", nums, type(nums).__name__)
    return sum(nums)
print(total(), total(1), total(1, 2, 3))
def describe(**info):
    for k, v in info.items():
        print(f"  {k} = {v!r}")
    return len(info)
print(describe(name="Ada", age=36, langs=["en"]))
def everything(a, b=2, *rest, key="k", **extra):
    return f"a={a} b={b} rest={rest} key={key} extra={extra}"
print(everything(1))
print(everything(1, 3, 4, 5))
print(everything(1, key="K", z=26))
print(everything(*[7, 8, 9], **{"key": "unpacked", "q": 0}))
def kw_only(a, *, scale=1, offset=0):
    return a * scale + offset
print(kw_only(5), kw_only(5, scale=3), kw_only(5, offset=1, scale=2))
def pos_then_kw(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos_then_kw(1, 2, 3, d=4), pos_then_kw(1, 2, c=3, d=4))
def power(base, exp=2):
    return base ** exp
print(list(map(power, [1, 2, 3])), power(exp=3, base=2))
args = (2, 10)
print(power(*args), power(**{"base": 3, "exp": 4}))
print(max(3, 9, 2), max([3, 9, 2]), max(*[3, 9, 2]))
print("a", "b", "c", sep="-", end="!\n")
def f(x, y=[]):
    y.append(x)
    return y
print(f(1), f(2), f([3]))
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2))
