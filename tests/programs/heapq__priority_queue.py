# A priority queue of tasks with heapq, a heap sort, nlargest/nsmallest, merge, Dijkstra.
import heapq

tasks = []
heapq.heappush(tasks, (3, "write report"))
heapq.heappush(tasks, (1, "fix bug"))
heapq.heappush(tasks, (2, "review"))
heapq.heappush(tasks, (1, "answer mail"))
print(tasks)
while tasks:
    priority, name = heapq.heappop(tasks)
    print(priority, name)
data = [5, 7, 9, 1, 3, 8, 2, 6]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print([heapq.heappop(data) for _ in range(len(data))])
nums = [14, 2, 99, 31, 7, 55, 2, 18]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(1, nums), heapq.nsmallest(10, nums))
words = ["kiwi", "banana", "fig", "cherry", "apple"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(2, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge("ace", "bd", key=str.upper)))
print(list(heapq.merge([7, 4, 1], [8, 5], reverse=True)), heapq.nlargest(0, nums), heapq.nlargest(3, []))

def dijkstra(graph, start):
    dist = {start: 0}
    queue = [(0, start)]
    while queue:
        d, node = heapq.heappop(queue)
        if d > dist[node]:
            continue
        for nxt, w in graph[node]:
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(queue, (nd, nxt))
    return dist

g = {"a": [("b", 7), ("c", 9), ("f", 14)], "b": [("c", 10), ("d", 15)],
     "c": [("d", 11), ("f", 2)], "d": [("e", 6)], "e": [], "f": [("e", 9)]}
print(sorted(dijkstra(g, "a").items()))
for bad in (lambda: heapq.heappop([]), lambda: heapq.heappush((1,), 2), lambda: heapq.heapify("abc"),
            lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1, "a"], None)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
heapq.heappop([])
