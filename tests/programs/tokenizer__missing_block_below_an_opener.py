# A block missing below an opener: IndentationError on the next line, not invalid syntax.
def f():
    if True:
print("x")
