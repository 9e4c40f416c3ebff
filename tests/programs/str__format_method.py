# str.format with positional, keyword and indexed fields.
print("{} + {} = {}".format(2, 3, 5))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0[0]} {0[1]} {1[key]}".format(["x", "y"], {"key": "v"}))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*>8}|{:-<8}|{:_^9}|".format(1, 2, 3))
print("{:5d}|{:05d}|{:+d}|{: d}|{:,d}|".format(42, 42, 42, 42, 1234567))
print("{:.3}|{:10.3}|{!r}|{!s}".format("abcdef", "abcdef", "q", "q"))
print("{{literal braces}} {}".format("x"))
print("{:x} {:X} {:o} {:b} {:#x} {:#010b}".format(255, 255, 8, 5, 255, 5))
print("{:.2f}% done".format(45.678))
row = "{:<10}{:>6}{:>8.2f}"
for item, qty, price in [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 0.1)]:
    print(row.format(item, qty, qty * price))
print(format(42), format(42, "b"), format("x", "^5"), format(3.5, "e"))
print("%s %r %d %5d %-5d| %05d %x %X %o %c %%" % ("s", "r", 7, 7, 7, 7, 255, 255, 8, 65))
print("%(a)s and %(b)s" % {"a": 1, "b": 2})
print("%.3s|%10s|%-10s|" % ("abcdef", "right", "left"))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
