# An uncaught AttributeError on a user class (no close-match suggestion).
class Robot:
    def __init__(self, name):
        self.name = name
    def walk(self):
        return f"{self.name} walks"
r = Robot("R2")
print(r.walk())
print(r.fly())
