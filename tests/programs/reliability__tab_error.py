# Mixed tabs and spaces that only agree at one tab size: TabError, as CPython.
if True:
        x = 1
	y = 2
print(x, y)
