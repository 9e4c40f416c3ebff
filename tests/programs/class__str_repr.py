# __str__ and __repr__ in print, str(), repr(), f-strings and containers.
class Plain:
    pass
class Card:
    SUITS = {"H": "♥", "S": "♠"}
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"
    def __str__(self):
        return f"{self.rank}{self.SUITS[self.suit]}"
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
class OnlyStr:
    def __str__(self):
        return "only str"
c = Card("Q", "H")
print(c)
print(str(c), repr(c))
print(f"{c} {c!r} {c!s}")
print([c, Card(10, "S")])
print((c,), {"top": c})
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
o = OnlyStr()
print(o, f"{o}")
print(repr(o).startswith("<__main__.OnlyStr object at 0x"))
p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), str(p) == repr(p))
print("%s and %r" % (c, c))
print("{} and {!r}".format(c, c))
print(str(Card), repr(Card), Card.__name__)
print(str(len), repr(print))
print(type(1), type("s"), type([]), type(None), type(c), type(Card))
