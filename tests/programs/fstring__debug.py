# The f-string '=' specifier and its formatting variants.
x = 10
name = "Ada"
values = [1, 2, 3]
print(f"{x=}")
print(f"{x = }")
print(f"{name=}")
print(f"{name=!s}")
print(f"{x * 2 + 1=}")
print(f"{values[1:]=}")
print(f"{3.14159=:.2f}")
print(f"{len(name)=}, {name.upper()=}")
