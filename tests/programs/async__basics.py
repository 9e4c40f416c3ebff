# Coroutines: async def, await, send/throw/close by hand, __await__, reprs and types.
import asyncio


async def double(x):
    return x * 2


async def chain(n):
    total = 0
    for i in range(n):
        total += await double(i)
    return total


class Ticket:
    """An awaitable: its __await__ is a generator that suspends once."""

    def __init__(self, value):
        self.value = value

    def __await__(self):
        got = yield ("ticket", self.value)
        return (self.value, got)


async def uses_ticket():
    r = await Ticket(7)
    return r


coro = chain(4)
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(repr(coro).startswith("<coroutine object chain at 0x"))
try:
    coro.send(None)
except StopIteration as e:
    print("chain result", e.value)
try:
    coro.send(None)
except RuntimeError as e:
    print("reuse:", e)

c = uses_ticket()
print("yielded", c.send(None))
try:
    c.send("resumed")
except StopIteration as e:
    print("returned", e.value)

c = uses_ticket()
c.send(None)
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("throw propagated", e)

c = uses_ticket()
c.send(None)
c.close()
print("closed ok")

c = uses_ticket()
try:
    c.send(1)
except TypeError as e:
    print(e)
c.close()


def plain():
    yield 1


print(asyncio.iscoroutinefunction(chain), asyncio.iscoroutinefunction(plain),
      asyncio.iscoroutinefunction(len))
co = double(1)
print(asyncio.iscoroutine(co), asyncio.iscoroutine(plain()), asyncio.iscoroutine(1))
co.close()


class Api:
    async def fetch(self, key):
        await asyncio.sleep(0)
        return {"key": key, "len": len(key)}

    @staticmethod
    async def ping():
        return "pong"


async def main():
    api = Api()
    print(await api.fetch("abc"))
    print(await Api.ping())
    print(asyncio.iscoroutinefunction(api.fetch))
    nested = [await double(i) for i in range(4)]
    print(nested)
    lam = lambda: double(21)
    print(await lam())
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop(), loop.is_running())
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from call_soon")
    print(await fut, fut.done(), fut.result())
    print(repr(fut))
    return "main done"


print(asyncio.run(main()))
print(asyncio.run(chain(10)))
