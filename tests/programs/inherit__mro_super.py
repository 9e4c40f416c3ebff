# Multiple inheritance, the MRO and cooperative super().
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trace = ["Base"]
    def hello(self):
        return "Base"
class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trace.append("Left")
    def hello(self):
        return "Left>" + super().hello()
class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trace.append("Right")
    def hello(self):
        return "Right>" + super().hello()
class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
        self.trace.append("Child")
    def hello(self):
        return "Child>" + super().hello()
c = Child()
print(c.trace)
print(c.hello())
print([k.__name__ for k in Child.__mro__])
class A:
    x = "A"
    def who(self):
        return "A.who"
class B(A):
    pass
class C(A):
    x = "C"
    def who(self):
        return "C.who"
class D(B, C):
    pass
print(D().x, D().who(), [k.__name__ for k in D.__mro__])
class Named:
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
class Aged:
    def __init__(self, age, **kwargs):
        super().__init__(**kwargs)
        self.age = age
class Person(Named, Aged):
    def __init__(self, name, age):
        super().__init__(name=name, age=age)
p = Person("Ada", 36)
print(p.name, p.age)
class Counter:
    created = 0
    def __init__(self):
        type(self).created += 1
class SubCounter(Counter):
    created = 0
Counter()
SubCounter()
SubCounter()
print(Counter.created, SubCounter.created)
