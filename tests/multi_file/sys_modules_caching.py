# sys.modules is the cache imports consult and fill (the case adds counted.py and pkg/).
import sys

print(type(sys.modules).__name__, sys.modules is sys.modules)
print(all(n in sys.modules for n in ["sys", "builtins", "__main__"]))
print(sys.modules["__main__"].__name__, sys.modules["sys"] is sys)

import counted
import counted as again
print("cached:", again is counted, sys.modules["counted"] is counted, counted.loads)

# Deleting the entry makes the next import run the module again: a new module object.
counted.marker = "old"
del sys.modules["counted"]
print("counted" in sys.modules)
import counted as fresh
print("reloaded:", fresh is counted, hasattr(fresh, "marker"), "counted" in sys.modules)

# Whatever a program puts there is what import gives.
sys.modules["counted"] = "a string"
import counted
print("replaced:", repr(counted))
sys.modules["virtual"] = type("Virtual", (), {"answer": 42, "__name__": "virtual"})()
import virtual
from virtual import answer
print("virtual:", virtual.answer, answer)
try:
    from virtual import question
except ImportError as e:
    print("ImportError:", e)

# A None entry stops the import.
sys.modules["blocked"] = None
try:
    import blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e)

# Packages: the submodule is listed under its dotted name and bound on its parent.
import pkg.inner
print(sorted(n for n in sys.modules if n.startswith("pkg")), pkg.inner is sys.modules["pkg.inner"])
del sys.modules["pkg.inner"]
import pkg.inner as inner2
print("inner reloaded:", inner2 is not pkg.inner or "rebound", pkg.inner is inner2)

# Stdlib modules follow the same rules.
import json
del sys.modules["json"]
import json as json2
print("json reloaded:", json2 is not json, json2.dumps([1]))

# A module whose code fails is not left in sys.modules.
try:
    import failing
except ZeroDivisionError:
    print("failing listed:", "failing" in sys.modules)
