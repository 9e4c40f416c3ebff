# Built-in methods called on the class without a receiver raise TypeError (the normal
# fuzzer found `list.copy()` reading a missing argument).
for method in (list.copy, list.append, list.reverse, dict.copy, dict.keys, set.add,
               str.upper, str.join, bytes.hex, tuple.count):
    try:
        method()
    except TypeError as e:
        print(e)
print(list.copy([1, 2]), str.upper('a'), dict.copy({1: 2}))
