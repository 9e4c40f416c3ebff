# One pattern may not bind a name twice, however deep the second capture is.
print("never printed")
def f(point):
    match point:
        case {"x": x, "y": [1, x]}:
            return x
