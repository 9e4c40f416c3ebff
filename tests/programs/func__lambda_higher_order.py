# Lambdas, functions as values, map/filter/sorted with functions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(square, 3), apply_twice(lambda s: s + "!", "hi"))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in ops:
    print(f"12 {sym} 4 =", ops[sym](12, 4))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(list(map(abs, nums)), list(filter(lambda n: n > 0, nums)), list(map(lambda a, b: a * b, nums, range(8))))
print(sorted(nums, key=lambda n: (n % 3, n)))
funcs = [square, abs, str, float, bool]
print([f(-3) for f in funcs])
print(square.__name__, apply_twice.__name__, (lambda: 0).__name__)
def make_multiplier(n):
    def multiply(x):
        return x * n
    return multiply
times3 = make_multiplier(3)
print(times3(5), make_multiplier(10)(7), [make_multiplier(i)(2) for i in range(4)])
def count_calls(f):
    calls = [0]
    def wrapper(*args):
        calls[0] += 1
        print(f"call #{calls[0]} of {f.__name__}{args}")
        return f(*args)
    return wrapper
counted = count_calls(add)
print(counted(1, 2), counted(5))
print(type(square).__name__)
