# compile(): code objects for exec/eval in each mode, SyntaxError details, errors.
import re
code = compile("x = 6 * 7\nprint('in exec', x)", "<calc>", "exec")
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(code)), code.co_name, code.co_filename)
g = {}
print(exec(code, g), g["x"])
e = compile("x + 1", "expr", "eval")
print(eval(e, {"x": 41}))
print(eval(code, {}))
s = compile("1 + 2", "<stdin>", "single")
exec(s)
exec(compile("None", "<s>", "single"))
exec(compile("y = 5", "<s>", "single"))
print(_)
for bad in [("1 +", "<bad>", "exec"), ("x = 1", "f", "eval"), ("1", "f", "nope"), (5, "f", "exec")]:
    try:
        compile(*bad)
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    compile("x")
except TypeError as ex:
    print(ex)
print(compile(source="2*3", filename="kw", mode="eval") is not None)
def f():
    return compile("1/0", "<boom>", "exec")
try:
    exec(f())
except ZeroDivisionError as ex:
    print("raised", ex)
try:
    exec("x = (1,\ny = 2")
except SyntaxError as e:
    print(repr(e.msg), e.filename, e.lineno, str(e))
try:
    eval("1 +* 2")
except SyntaxError as e:
    print(e, e.args[0], e.lineno, e.text)
exec("def f(:\n  pass")
