# deque as a queue, a stack and a sliding window; maxlen, rotate and the errors.
from collections import deque

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, len(q), q[0], q[-1])
print(q.popleft(), q.pop(), q)
q.extend([7, 8])
q.extendleft("ab")
print(q)
q.rotate(2)
print(q)
q.rotate(-3)
print(q)
window = deque(maxlen=3)
for x in range(6):
    window.append(x)
    print(list(window), sum(window))
print(window, window.maxlen)
window.appendleft(99)
print(window)
print(deque("abc") == deque("abc"), deque([1, 2]) < deque([1, 3]), 2 in deque([1, 2]))
d = deque([1, 2, 3, 2])
print(d.count(2), d.index(2), d.index(2, 2))
d.remove(2)
d.reverse()
print(d, d.copy(), deque(reversed(d)), d * 2, d + deque([9]))
d[0] = "x"
del d[1]
print(d, bool(deque()), list(deque(range(5), 2)))
# Breadth-first search over a small graph.
graph = {"A": ["B", "C"], "B": ["D"], "C": ["D", "E"], "D": ["F"], "E": ["F"], "F": []}
seen, order, todo = {"A"}, [], deque(["A"])
while todo:
    node = todo.popleft()
    order.append(node)
    for nxt in graph[node]:
        if nxt not in seen:
            seen.add(nxt)
            todo.append(nxt)
print(" -> ".join(order))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: d[10],
            lambda: d.remove("nope"), lambda: deque([1], maxlen=1).insert(0, 2),
            lambda: deque(maxlen=-1), lambda: d["a"], lambda: hash(d), lambda: d + [1]):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
deque(5)
