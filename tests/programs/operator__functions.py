# operator's functions with sorted/map/reduce, and itemgetter/attrgetter/methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller
from functools import reduce

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 8), operator.neg(5), operator.abs(-3))
print(operator.eq(1, 1.0), operator.lt("a", "b"), operator.not_(0), operator.truth([]), operator.is_(None, None))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.invert(5))
print(operator.contains([1, 2], 2), operator.countOf("banana", "a"), operator.indexOf("banana", "n"))
print(operator.getitem({"k": 1}, "k"), operator.concat([1], [2]), operator.index(7))
data = [1, 2]
operator.setitem(data, 0, 9)
operator.delitem(data, 1)
print(data, operator.iadd([1], [2]), operator.length_hint([1, 2, 3]))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), reduce(operator.mul, range(1, 7)))
students = [("ann", "B", 12), ("bob", "A", 15), ("cy", "B", 10), ("di", "A", 12)]
print(sorted(students, key=itemgetter(2)), sorted(students, key=itemgetter(1, 2)))
print(itemgetter(0)("xyz"), itemgetter(-1, 0)([1, 2, 3]), itemgetter("a")({"a": 1}))
print(list(map(itemgetter(0), students)))

class Emp:
    def __init__(self, name, dept, pay):
        self.name, self.dept, self.pay = name, dept, pay
    def raise_pay(self, pct):
        return self.pay * (100 + pct) // 100

staff = [Emp("Zoe", "ops", 50), Emp("Al", "dev", 70), Emp("Bo", "dev", 60)]
print([e.name for e in sorted(staff, key=attrgetter("dept", "pay"))])
print(attrgetter("name")(staff[0]), list(map(methodcaller("raise_pay", 10), staff)))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "o")("banana"))
print(itemgetter(1), attrgetter("a", "b.c"), methodcaller("f", 1, k=2))
for bad in (lambda: itemgetter(), lambda: itemgetter(5)([1]), lambda: attrgetter(1),
            lambda: operator.indexOf([1], 2), lambda: attrgetter("nope")(staff[0])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
operator.truediv(1, 0)
