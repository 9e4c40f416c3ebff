# An uncaught IndexError inside a method called from a loop.
class Queue:
    def __init__(self, items):
        self.items = list(items)
    def peek(self, n):
        return self.items[n]
q = Queue("abc")
for i in range(5):
    print(i, q.peek(i))
