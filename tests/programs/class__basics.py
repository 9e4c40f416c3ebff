# Classes: __init__, methods, attributes, class attributes.
class Dog:
    species = "Canis familiaris"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1
    def bark(self):
        return f"{self.name} says woof"
    def add_trick(self, trick):
        self.tricks.append(trick)
        return self
    def human_years(self):
        return self.age * 7
rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
print(rex.bark(), fido.bark())
rex.add_trick("sit").add_trick("roll over")
print(rex.tricks, fido.tricks)
print(rex.species, Dog.species, Dog.count, rex.count)
rex.species = "wolf?"
print(rex.species, fido.species, Dog.species)
print(rex.human_years(), Dog.human_years(fido))
print(type(rex).__name__, isinstance(rex, Dog), type(rex) is Dog)
rex.owner = "Ada"
print(rex.owner)
try:
    print(fido.owner)
except AttributeError as e:
    print("AttributeError:", e)
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
    def distance_to(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5
p = Point()
q = Point(3, 4)
print(p.distance_to(q))
p.move(1, 1)
print(p.x, p.y, p.distance_to(q))
method = q.move
method(10, 10)
print(q.x, q.y)
print(Point.__name__, Dog.count)
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    def to_fahrenheit(self):
        return self.celsius * 9 / 5 + 32
temps = [Temperature(c) for c in [-10, 0, 21.5, 100]]
print([t.to_fahrenheit() for t in temps])
