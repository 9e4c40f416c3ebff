# A shopping cart with discounts, tax, and a formatted receipt.
class Item:
    def __init__(self, name, price, qty=1, category="general"):
        self.name, self.price, self.qty, self.category = name, price, qty, category
    @property
    def subtotal(self):
        return self.price * self.qty
class Cart:
    TAX = {"food": 0.05, "general": 0.2, "books": 0.0}
    def __init__(self):
        self.items = []
        self.coupons = []
    def add(self, item):
        for existing in self.items:
            if existing.name == item.name:
                existing.qty += item.qty
                return
        self.items.append(item)
    def remove(self, name):
        before = len(self.items)
        self.items = [i for i in self.items if i.name != name]
        return before != len(self.items)
    def total(self):
        subtotal = sum(i.subtotal for i in self.items)
        tax = sum(i.subtotal * self.TAX[i.category] for i in self.items)
        discount = 0.0
        for code in self.coupons:
            if code == "TENOFF" and subtotal >= 50:
                discount += 10
            elif code.startswith("PCT"):
                discount += subtotal * int(code[3:]) / 100
        return subtotal, tax, discount, subtotal + tax - discount
cart = Cart()
cart.add(Item("Apples", 0.45, 6, "food"))
cart.add(Item("Python Book", 39.99, 1, "books"))
cart.add(Item("USB cable", 7.5, 2))
cart.add(Item("Apples", 0.45, 4, "food"))
cart.add(Item("Headphones", 59.0))
print(cart.remove("USB cable"), cart.remove("Piano"))
cart.coupons += ["TENOFF", "PCT5"]
print(f"{'Item':<14}{'Qty':>4}{'Price':>9}{'Subtotal':>10}")
for i in cart.items:
    print(f"{i.name:<14}{i.qty:>4}{i.price:>9.2f}{i.subtotal:>10.2f}")
subtotal, tax, discount, total = cart.total()
for label, amount in [("Subtotal", subtotal), ("Tax", tax), ("Discount", -discount), ("TOTAL", total)]:
    print(f"{label:>27}{amount:>10.2f}")
print(f"You saved {discount / (subtotal + tax):.1%} today!")
print(round(total, 2), f"{total:.2f}", "%.2f" % total, int(total * 100) / 100)
