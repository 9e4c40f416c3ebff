# KeyError with a tuple key and an integer key: how CPython prints the key.
grid = {(0, 0): "start", (1, 0): "road"}
print(grid[(1, 0)])
try:
    grid[(5, 5)]
except KeyError as e:
    print("caught", e, repr(e))
scores = {1: "one"}
print(scores[2])
