# A syntax error at the end of a file: nothing before it runs, because the whole file is compiled first.
print("this line is never printed")
for i in range(3):
    print(i)

def f():
    return 1

print(f()))
