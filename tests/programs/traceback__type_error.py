# An uncaught TypeError from adding str and int.
def describe(name, age):
    return name + " is " + age + " years old"
people = [("Ada", "36"), ("Bob", 41)]
for name, age in people:
    print(describe(name, age))
