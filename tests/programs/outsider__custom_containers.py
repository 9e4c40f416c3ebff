# User containers: dunder protocols, subclasses of float/list/dict, a metaclass, an uncaught error.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __len__(self):
        return len(self._items)
    def __bool__(self):
        return bool(self._items)
    def __contains__(self, x):
        return x in self._items
    def __getitem__(self, i):
        return self._items[i]
    def __str__(self):
        return f"Stack({self._items})"
s = Stack()
for i in range(3):
    s.push(i * i)
print(s, len(s), 4 in s, s[0], list(s), bool(Stack()))
print(s.pop(), s)
class Celsius(float):
    def __new__(cls, v):
        return super().__new__(cls, v)
    def __repr__(self):
        return f"{float(self)}°C"
print(repr(Celsius(21.5)), Celsius(3) + 1, isinstance(Celsius(1), float))
class MyList(list):
    def sum(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), type(m[1:]).__name__, m + [5])
class Counter2(dict):
    def __missing__(self, key):
        return 0
c = Counter2()
c["a"] += 1
print(c, c["zz"])
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
s = Stack()
s.pop()
