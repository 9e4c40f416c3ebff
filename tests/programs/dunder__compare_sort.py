# __eq__, __lt__ and friends, sorting custom objects, __hash__.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __repr__(self):
        return "v" + ".".join(str(p) for p in self.parts)
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __hash__(self):
        return hash(self.parts)
vs = [Version(t) for t in ["1.10.0", "1.2.3", "1.2.10", "0.9", "1.2.3"]]
print(sorted(vs))
print(max(vs), min(vs))
print(vs[1] == vs[4], vs[1] is vs[4], vs[0] != vs[1], vs[0] == "1.10.0")
print(vs[3] < vs[0], vs[0] > vs[3], vs[1] <= vs[4], vs[0] >= vs[1])
print(len(set(vs)), Version("2.0") in vs, Version("1.2.3") in vs)
print(vs.index(Version("1.2.10")), vs.count(Version("1.2.3")))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
print(Money(150) == Money(150), Money(1) != Money(2))
try:
    print(Money(1) < Money(2))
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Money(1))
except TypeError as e:
    print("TypeError:", e)
class Student:
    def __init__(self, name, gpa):
        self.name, self.gpa = name, gpa
    def __lt__(self, other):
        return (-self.gpa, self.name) < (-other.gpa, other.name)
    def __repr__(self):
        return f"{self.name}({self.gpa})"
print(sorted([Student("Bo", 3.2), Student("Al", 3.9), Student("Cy", 3.2)]))
