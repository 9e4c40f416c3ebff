# Assigning to a literal.
x = 3
if x == 3:
    5 = x
