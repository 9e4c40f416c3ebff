# Inheritance, overriding, super(), isinstance/issubclass.
class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__} named {self.name}"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name, "woof")
        self.breed = breed
    def describe(self):
        return super().describe() + f" ({self.breed})"
class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "meow")
    def speak(self):
        return super().speak().upper()
class Kitten(Cat):
    def speak(self):
        return "tiny " + super().speak()
animals = [Animal("Generic"), Dog("Rex", "collie"), Cat("Tom"), Kitten("Kit")]
for a in animals:
    print(a.speak(), "|", a.describe())
k = animals[3]
print(isinstance(k, Kitten), isinstance(k, Cat), isinstance(k, Animal), isinstance(k, Dog))
print(issubclass(Kitten, Animal), issubclass(Dog, Cat), issubclass(Dog, object))
print(isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, str)), isinstance("s", (int, str)))
print(type(k).__name__, Kitten.__bases__[0].__name__, [c.__name__ for c in Kitten.__mro__])
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for s in [Rect(2, 3.5), Square(4), Circle(1)]:
    print(s)
try:
    print(Shape())
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(sorted([Rect(1, 1), Square(3), Circle(1)], key=lambda s: s.area())[0])
