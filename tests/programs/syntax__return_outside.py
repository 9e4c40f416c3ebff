# return at module level is rejected by the compiler, not the parser.
print("never printed")
x = 1
return x
