# An uncaught ZeroDivisionError three frames deep, after some output.
def average(values):
    return sum(values) / len(values)
def report(groups):
    for name, values in groups.items():
        print(name, average(values))
def main():
    report({"a": [1, 2, 3], "b": [10], "empty": []})
main()
print("never reached")
