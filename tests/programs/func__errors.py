# Calling functions wrongly: the TypeError messages.
def two(a, b):
    return a + b
def kw(a, *, b):
    return a + b
def defaults(a, b=1, c=2):
    return a + b + c
text, number, nothing = "abc", 5, None
calls = [
    lambda: two(1),
    lambda: two(1, 2, 3),
    lambda: two(1, b=2, a=3),
    lambda: two(1, 2, c=3),
    lambda: two(),
    lambda: kw(1, 2),
    lambda: kw(1),
    lambda: defaults(1, 2, 3, 4),
    lambda: defaults(b=2),
    lambda: len(1),
    lambda: len(),
    lambda: abs("x"),
    lambda: int([1]),
    lambda: text(),
    lambda: number(),
    lambda: nothing(),
    lambda: [1, 2] + (3,),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: "a" * 2.5,
    lambda: [] - [],
    lambda: -"x",
    lambda: {}["k"],
    lambda: [1][5],
    lambda: (1, 2).x,
]
for i, call in enumerate(calls):
    try:
        print(i, "ok", call())
    except TypeError as e:
        print(i, "TypeError:", e)
    except (KeyError, IndexError, AttributeError) as e:
        print(i, type(e).__name__ + ":", e)
