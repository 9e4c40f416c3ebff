# A keyword used as a variable name.
class = "CS101"
print(class)
