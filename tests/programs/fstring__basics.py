# f-strings: expressions, conversions, nesting.
name = "Ada"
age = 36
items = ["pen", "book"]
print(f"Hello, {name}!")
print(f"{name} is {age} years old; next year {age + 1}.")
print(f"{name!r} {name!s} {items} {items[0].upper()} {len(items)}")
print(f"{'quoted'} {'yes' if age > 30 else 'no'}")
print(f"{{braces}} {{{age}}}")
d = {"a": 1, "b": 2}
print(f"{d['a']} {d} {sorted(d.items())}")
print(f"{3 * 4} {2 ** 8} {10 / 4} {10 // 4} {-7 % 3}")
print(f"{[x * x for x in range(5)]}")
width = 10
precision = 3
value = 3.14159265
print(f"|{value:{width}.{precision}f}|{name:>{width}}|")
print(f"{age:5}|{age:<5}|{age:^5}|{age:05}|{age:x}|{age:b}")
print(f"multi {name}"
      f" line {age}")
print(f"{True} {None} {1.0} {-0.0}")
print(f"{name.lower()}{name.upper()}")
print(f"{'nested ' + f'{age}'}")
