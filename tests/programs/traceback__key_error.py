# An uncaught KeyError with a string key, deep in helper functions.
inventory = {"apples": 3, "pears": 5}
def lookup(item):
    return inventory[item]
def total(items):
    return sum(lookup(i) for i in items)
print(total(["apples", "pears"]))
print(total(["apples", "kiwis"]))
