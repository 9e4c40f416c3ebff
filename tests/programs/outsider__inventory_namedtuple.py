from collections import namedtuple, defaultdict, OrderedDict, deque

Item = namedtuple("Item", "sku name qty price")
stock = [Item("A1", "bolt", 120, 0.1), Item("B2", "nut", 0, 0.05), Item("C3", "gear", 8, 4.5)]
print(stock[0], stock[0]._asdict(), stock[2].price * stock[2].qty)
print([i.name for i in stock if i.qty == 0], stock[1]._replace(qty=50))
by_letter = defaultdict(list)
for it in stock:
    by_letter[it.sku[0]].append(it.name)
print(dict(by_letter), by_letter["Z"], len(by_letter))
counts = defaultdict(int)
for ch in "abracadabra":
    counts[ch] += 1
print(sorted(counts.items()))
od = OrderedDict.fromkeys("abc")
od.move_to_end("a")
print(list(od), od.popitem(last=False))
recent = deque(maxlen=3)
for page in ["home", "about", "shop", "cart", "pay"]:
    recent.append(page)
print(recent, recent[0], list(reversed(recent)))
d = deque([1, 2, 3])
d.rotate(1)
d.appendleft(0)
print(d, d.pop(), d.popleft())
Point = namedtuple("Point", ["x", "y"], defaults=[0])
print(Point(1), Point._fields, Point._make([3, 4]))
