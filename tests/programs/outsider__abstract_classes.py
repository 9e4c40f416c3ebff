from abc import ABC, abstractmethod

class Animal(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def speak(self):
        ...
    def introduce(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def speak(self):
        return "Woof"

class Cat(Animal):
    def speak(self):
        return "Meow"

class Puppy(Dog):
    def speak(self):
        return super().speak().lower() + "!"

for a in [Dog("Rex"), Cat("Tom"), Puppy("Bit")]:
    print(a.introduce())
try:
    Animal("generic")
except TypeError as e:
    print("TypeError:", e)
class Broken(Animal):
    pass
try:
    Broken("b")
except TypeError as e:
    print("TypeError:", e)
print(isinstance(Puppy("p"), Animal), Puppy.__mro__[1].__name__, Animal.__abstractmethods__)
class Vehicle:
    wheels = 4
    def __init_subclass__(cls, wheels=4, **kw):
        super().__init_subclass__(**kw)
        cls.wheels = wheels
class Bike(Vehicle, wheels=2):
    pass
print(Bike.wheels, Vehicle.wheels)
