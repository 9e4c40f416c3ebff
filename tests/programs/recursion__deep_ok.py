# Recursion 900 frames deep is fine (the limit is 1000).
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(900))
def sum_list(items):
    if not items:
        return 0
    return items[0] + sum_list(items[1:])
print(sum_list(list(range(800))))
def count_down(n, acc):
    if n == 0:
        return acc
    acc.append(n)
    return count_down(n - 1, acc)
print(len(count_down(850, [])))
class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt
    def length(self):
        return 1 + (self.next.length() if self.next else 0)
head = None
for i in range(700):
    head = Node(i, head)
print(head.length(), head.value)
