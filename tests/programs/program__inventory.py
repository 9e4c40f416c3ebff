# A shop inventory with dicts of dicts: restock, sell, reports.
inventory = {
    "apple": {"price": 0.5, "qty": 100, "category": "fruit"},
    "banana": {"price": 0.25, "qty": 150, "category": "fruit"},
    "milk": {"price": 1.99, "qty": 20, "category": "dairy"},
    "cheese": {"price": 7.5, "qty": 5, "category": "dairy"},
    "bread": {"price": 2.49, "qty": 0, "category": "bakery"},
}
def sell(item, qty):
    if item not in inventory:
        return f"no such item: {item}"
    entry = inventory[item]
    if entry["qty"] < qty:
        return f"only {entry['qty']} {item} left"
    entry["qty"] -= qty
    return f"sold {qty} {item} for ${qty * entry['price']:.2f}"
def restock(item, qty, price=None, category="misc"):
    entry = inventory.setdefault(item, {"price": price or 1.0, "qty": 0, "category": category})
    entry["qty"] += qty
    if price is not None:
        entry["price"] = price
orders = [("apple", 30), ("cheese", 6), ("bread", 1), ("pizza", 1), ("milk", 20), ("banana", 149)]
for item, qty in orders:
    print(sell(item, qty))
restock("bread", 12)
restock("eggs", 24, 0.3, "dairy")
restock("milk", 10, 2.19)
print()
print(f"{'item':<8}{'cat':<8}{'qty':>5}{'price':>7}{'value':>9}")
for name in sorted(inventory):
    e = inventory[name]
    print(f"{name:<8}{e['category']:<8}{e['qty']:>5}{e['price']:>7.2f}{e['qty'] * e['price']:>9.2f}")
by_category = {}
for name, e in inventory.items():
    by_category.setdefault(e["category"], []).append(name)
print(by_category)
out_of_stock = [n for n, e in inventory.items() if e["qty"] == 0]
print("out of stock:", out_of_stock)
value = sum(e["qty"] * e["price"] for e in inventory.values())
print(f"total value: ${value:,.2f}")
print("most valuable line:", max(inventory, key=lambda n: inventory[n]["qty"] * inventory[n]["price"]))
