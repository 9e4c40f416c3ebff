# defaultdict for grouping, OrderedDict as an LRU list, ChainMap for scopes.
from collections import defaultdict, OrderedDict, ChainMap

words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(by_letter)
print(dict(by_letter), by_letter["z"], len(by_letter))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
print(nested["a"]["x"], "b" in nested)
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)

od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
print(od)
od.move_to_end("one")
print(list(od))
od.move_to_end("three", last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict(), OrderedDict.fromkeys("ab", 0))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

defaults = {"color": "red", "user": "guest"}
args = {"user": "admin"}
settings = ChainMap(args, defaults)
print(settings["user"], settings["color"], len(settings), sorted(settings))
child = settings.new_child({"color": "blue"})
print(child["color"], child.parents["color"], child.maps)
print(settings)

from collections import Counter, OrderedDict, defaultdict
import json
c = Counter("hello"); o = OrderedDict(a=1); d = defaultdict(list, x=[1])
print(isinstance(c, dict), isinstance(o, dict), isinstance(d, dict), json.dumps(c), json.dumps(o), json.dumps(d))
print(type(c).__mro__, c | Counter("z"), o | {"b": 2}, d | {"y": 2}, {"q": 0} | o)
print(dict(c), list(reversed(o)), o == {"a": 1}, c == {"h": 1}, Counter(a=1) == Counter(a=1, b=0))
class S(str): pass
try: S("a") + 5
except TypeError as e: print(e)
try: Counter() - 1
except TypeError as e: print(e)
try: {OrderedDict(): 1}
except TypeError as e: print(e)
od.move_to_end("missing")
