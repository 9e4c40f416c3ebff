# copy versus deepcopy on nested lists and objects, the memo, and the hooks.
import copy

board = [[0] * 3 for _ in range(3)]
shallow = copy.copy(board)
deep = copy.deepcopy(board)
board[0][0] = 1
print(shallow[0][0], deep[0][0], shallow is board, shallow[0] is board[0], deep[0] is board[0])
d = {"a": [1, 2], "b": {"c": [3]}}
d2 = copy.deepcopy(d)
d2["b"]["c"].append(4)
print(d, d2, copy.copy(d) == d)
shared = [1]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
loop = [1]
loop.append(loop)
lc = copy.deepcopy(loop)
print(lc[1] is lc, lc is loop)
t = (1, [2])
tc = copy.deepcopy(t)
print(tc, tc is t, tc[1] is t[1])
print(copy.copy(5), copy.deepcopy("s"), copy.copy({1, 2}), copy.deepcopy(frozenset([3])))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        print("init called")
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Shape:
    def __init__(self, name, points):
        self.name, self.points = name, points

p = Point(1, [2])
pc = copy.copy(p)
pd = copy.deepcopy(p)
p.y.append(3)
print(pc, pd, pc is p)
s = Shape("tri", [Point(0, 0), Point(1, 0)])
s2 = copy.deepcopy(s)
s2.points[0].x = 99
print(s.points, s2.points, s2.name)

class Tracked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__")
        return Tracked(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return Tracked(copy.deepcopy(self.v, memo))

a = Tracked([1])
b, c = copy.copy(a), copy.deepcopy(a)
print(b.v is a.v, c.v is a.v, c.v)
from collections import deque, Counter, namedtuple
P = namedtuple("P", "x y")
dq = deque([[1], [2]], maxlen=5)
print(copy.copy(dq), copy.deepcopy(dq)[0] is dq[0], copy.deepcopy(Counter("aab")), copy.deepcopy(P(1, [2])))
def numbers():
    yield 1

copy.deepcopy(numbers())
