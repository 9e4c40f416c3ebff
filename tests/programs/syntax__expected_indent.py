# An if statement with no indented block after it.
for i in range(3):
    if i > 1:
    print(i)
