# try/except/else/finally in all combinations.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("  cannot divide by zero")
        return None
    except TypeError as e:
        print("  type problem:", e)
        return None
    else:
        print("  division ok")
        return result
    finally:
        print("  finally for", a, b)
print(divide(10, 2))
print(divide(1, 0))
print(divide("x", 2))
def parse_int(text):
    try:
        return int(text)
    except (ValueError, TypeError) as e:
        print(f"  bad input {text!r}: {type(e).__name__}")
        return 0
print([parse_int(t) for t in ["12", "x", None, "-3", "4.5"]])
def finally_wins():
    try:
        return "from try"
    finally:
        print("  finally runs before the return")
print(finally_wins())
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
try:
    try:
        [][0]
    except KeyError:
        print("not this one")
    finally:
        print("inner finally")
except IndexError as e:
    print("outer caught IndexError:", e)
try:
    {"a": 1}["b"]
except LookupError as e:
    print("LookupError catches", type(e).__name__, e)
try:
    1 / 0
except Exception as e:
    print("Exception catches", type(e).__name__, e.args)
try:
    int("nope")
except ArithmeticError:
    print("wrong")
except ValueError as e:
    print("ValueError second clause:", e)
e = "still here"
try:
    raise KeyError("k")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
