# Dict methods.
stock = {"apple": 3, "pear": 0, "fig": 12}
print(stock.pop("pear"), stock)
print(stock.pop("kiwi", "none"))
try:
    stock.pop("kiwi")
except KeyError as e:
    print("KeyError:", e)
print(stock.setdefault("plum", 5), stock.setdefault("apple", 100), stock)
stock.update({"apple": 4, "lime": 7})
stock.update(grape=9)
print(stock)
print(stock.popitem(), stock)
c = stock.copy()
c["new"] = 1
print(len(stock), len(c))
keys = stock.keys()
stock["late"] = 0
print(keys, list(keys))
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
print(sorted(stock.items(), key=lambda kv: kv[1]))
print(max(stock, key=stock.get), min(stock.values()), sum(stock.values()))
merged = {**stock, "apple": 0, **{"z": 26}}
print(merged)
print(stock | {"q": 1})
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
stock.clear()
print(stock, bool(stock), bool({"x": 0}))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
