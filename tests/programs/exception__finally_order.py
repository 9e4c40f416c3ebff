# The order in which try/except/else/finally blocks run, including through returns and loops.
log = []
def step(name):
    log.append(name)
    print("->", name)
def scenario(fail_at):
    step(f"start {fail_at}")
    try:
        step("try")
        if fail_at == "try":
            raise ValueError("in try")
    except ValueError:
        step("except")
        if fail_at == "except":
            raise KeyError("in except")
    else:
        step("else")
        if fail_at == "else":
            raise IndexError("in else")
    finally:
        step("finally")
    step("after")
for where in ["none", "try", "except", "else"]:
    try:
        scenario(where)
    except Exception as e:
        print("escaped:", type(e).__name__, e)
print(len(log))
def loop_with_break():
    for i in range(5):
        try:
            if i == 2:
                break
            print("iteration", i)
        finally:
            print("finally", i)
    return "loop done"
print(loop_with_break())
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
        return "returned from except"
    finally:
        print("outer finally")
print(nested())
def count_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("finally with n =", n)
print(count_finally())
