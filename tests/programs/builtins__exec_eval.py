# exec and eval with and without namespaces, globals(), locals(), dir() and vars().
x = 10
print(eval("x * 2"), eval("  1 + 2"), eval("[i * i for i in range(4)]"), eval("max(3, 9)"))
exec("y = x + 1")
print(y)
g = {"a": 3}
exec("b = a * 2\ndef f():\n    return b + 1\nc = f()", g)
print(g["b"], g["c"], sorted(k for k in g if k != "__builtins__"), "__builtins__" in g)
print(eval("a + b", g), eval("a + z", g, {"z": 100}))
namespace = {}
exec("q = 5\nr = q * q", None, namespace)
print(namespace)
# A tiny calculator, as a teaching exercise writes one.
for expression in ["2 + 3 * 4", "(1 + 2) ** 5", "10 / 4", "7 // 2", "abs(-3) + len('abc')"]:
    print(expression, "=", eval(expression, {"abs": abs, "len": len}))
def func(p):
    r = p + 1
    print(sorted(locals().items()))
    exec("r = 99")
    print(r, dir(), sorted(vars()))
    return eval("p * r")
print(func(2))
class K:
    a = 1
    print(sorted(locals()))
    exec("b = a + 1")
print(K.b)
print("x" in globals(), globals()["x"], vars()["x"] == 10, "func" in dir(), __name__)
table = {}
for n in range(1, 4):
    exec(f"v{n} = {n} ** 2", table)
print(sorted((k, v) for k, v in table.items() if k.startswith("v")))
print(list(map(eval, ["1 + 1", "2 * 3"])))
for source in ["1 +", "x = 1", "def"]:
    try:
        eval(source)
    except SyntaxError:
        print("SyntaxError for", repr(source))
mixed = {1: "one"}
exec("two = 2", mixed)
print(mixed[1], mixed["two"])
for bad in (lambda: exec(5), lambda: eval("x", []), lambda: exec("1 / 0"), lambda: eval("undefined"),
            lambda: exec(), lambda: eval(), lambda: eval("1", {}, 5)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
exec("raise ValueError('from exec')")
