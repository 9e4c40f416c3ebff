# A singly linked list class with iteration, insertion, deletion, reversal.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, values=()):
        self.head = None
        self.size = 0
        for v in values:
            self.append(v)
    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1
    def prepend(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __contains__(self, value):
        return any(v == value for v in self)
    def __str__(self):
        return " -> ".join(str(v) for v in self) or "(empty)"
ll = LinkedList([3, 1, 4, 1, 5])
print(ll, len(ll))
ll.prepend(9)
ll.append(2)
print(ll, len(ll))
print(ll.remove(1), ll.remove(42), ll)
ll.reverse()
print(ll, 5 in ll, 7 in ll)
print(list(ll), sum(ll), max(ll), sorted(ll))
empty = LinkedList()
print(empty, len(empty), list(empty))
empty.reverse()
words = LinkedList("the cat sat".split())
print(words, [w.upper() for w in words])
