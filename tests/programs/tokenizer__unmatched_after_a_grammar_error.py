# An unmatched bracket after a grammar error is the one reported.
x = 1 2
y = )
print(zip([1], 2))
