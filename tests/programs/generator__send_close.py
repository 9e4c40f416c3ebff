# Generator send(), close() and try/finally inside generators.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count
avg = averager()
print(next(avg))
for v in [10, 20, 60]:
    print("average", avg.send(v))
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("cleanup, received", received)
e = echo()
print(next(e), e.send("a"), e.send("b"))
e.close()
print("closed")
def resource():
    print("open")
    try:
        yield "r1"
        yield "r2"
    finally:
        print("release")
for r in resource():
    print("use", r)
g = resource()
print(next(g))
g.close()
def guarded():
    try:
        yield 1
    except ValueError as err:
        print("caught inside:", err)
        yield "recovered"
gen = guarded()
print(next(gen))
print(gen.throw(ValueError("boom")))
