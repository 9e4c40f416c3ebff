x: list[int] = [1]
y: (lambda: int)() = 2
z: [i for i in range(3)]
class C:
    a: {k: v for k, v in [(1, 2)]}
    b: (n * 2 for n in range(2))
print(__annotations__['z'], C.__annotations__['a'], type(C.__annotations__['b']).__name__)
def f():
    q: [j for j in range(2)] = 5
    return q
print(f())
