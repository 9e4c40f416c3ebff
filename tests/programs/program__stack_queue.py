# Stack and queue classes, balanced brackets, and a printer queue simulation.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
class Queue:
    def __init__(self):
        self._in, self._out = [], []
    def enqueue(self, item):
        self._in.append(item)
    def dequeue(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        return self._out.pop()
    def __len__(self):
        return len(self._in) + len(self._out)
s = Stack()
for ch in "abc":
    s.push(ch)
print(s, len(s), s.peek(), s.pop(), s.pop(), s)
try:
    Stack().pop()
except IndexError as e:
    print("IndexError:", e)
def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for i, ch in enumerate(text):
        if ch in "([{":
            st.push((ch, i))
        elif ch in pairs:
            if not len(st) or st.peek()[0] != pairs[ch]:
                return f"unexpected {ch!r} at {i}"
            st.pop()
    return "balanced" if not len(st) else f"unclosed {st.peek()[0]!r} at {st.peek()[1]}"
for t in ["(a[b]{c})", "((", "())", "{[}]", "", "print(x[0], {'k': (1, 2)})"]:
    print(repr(t), "->", balanced(t))
q = Queue()
for job in ["report.pdf", "photo.png", "essay.docx"]:
    q.enqueue(job)
print(q.dequeue(), len(q))
q.enqueue("late.txt")
while len(q):
    print("printing", q.dequeue())
def reverse_words(sentence):
    st = Stack()
    for w in sentence.split():
        st.push(w)
    out = []
    while len(st):
        out.append(st.pop())
    return " ".join(out)
print(reverse_words("to be or not to be"))
