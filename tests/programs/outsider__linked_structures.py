class Node:
    def __init__(self, value, next=None):
        self.value, self.next = value, next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"

class BST:
    def __init__(self):
        self.root = None
    def insert(self, key):
        def _ins(node, key):
            if node is None:
                return [key, None, None]
            if key < node[0]:
                node[1] = _ins(node[1], key)
            elif key > node[0]:
                node[2] = _ins(node[2], key)
            return node
        self.root = _ins(self.root, key)
    def inorder(self, node="start"):
        node = self.root if node == "start" else node
        if node is None:
            return []
        return self.inorder(node[1]) + [node[0]] + self.inorder(node[2])
    def height(self, node="start"):
        node = self.root if node == "start" else node
        return 0 if node is None else 1 + max(self.height(node[1]), self.height(node[2]))

ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll))
ll.reverse()
print(ll, list(ll), sum(ll), LinkedList())
tree = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 30]:
    tree.insert(k)
print(tree.inorder(), tree.height())
