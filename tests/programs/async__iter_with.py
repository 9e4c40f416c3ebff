# async for / async with / async generators / async comprehensions, with their errors.
import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n + 1


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        print("open", self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress


async def ticks(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            got = yield i
            if got is not None:
                print("  asend got", got)
    finally:
        print("  ticks finally")


async def early_return():
    async with Resource("ret") as r:
        return r + "!"


async def loop_control():
    out = []
    async for x in Countdown(6):
        if x == 5:
            continue
        if x == 2:
            break
        out.append(x)
    else:
        out.append("else")
    async for x in Countdown(2):
        out.append(x)
    else:
        out.append("else")
    return out


async def main():
    async for n in Countdown(3):
        print("countdown", n)
    print(await loop_control())

    async with Resource("a") as a, Resource("b") as b:
        print("inside", a, b)
    async with Resource("s", suppress=True):
        raise KeyError("suppressed")
    try:
        async with Resource("p"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", e)
    print(await early_return())

    print([x async for x in ticks(3)])
    print({x: x * x async for x in ticks(3) if x % 2 == 0})
    print({x async for x in Countdown(3)})
    gen = (x * 10 async for x in Countdown(3))
    print(type(gen).__name__, [y async for y in gen])

    agen = ticks(5)
    print(type(agen).__name__, repr(agen).startswith("<async_generator object ticks at"))
    print(await agen.__anext__())
    print(await agen.asend("hello"))
    print(await anext(agen))
    await agen.aclose()
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")

    agen = ticks(5)
    await agen.__anext__()
    try:
        await agen.athrow(ValueError("athrown"))
    except ValueError as e:
        print("athrow raised", e)

    async for v in ticks(10):
        if v == 1:
            break
    print("after break")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("loop ran")

    for bad in [5, [1, 2]]:
        try:
            async for _ in bad:
                pass
        except TypeError as e:
            print("TypeError:", e)
    try:
        async with Countdown(1):
            pass
    except TypeError as e:
        print("TypeError:", e)

    class BadAnext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 1

    try:
        async for _ in BadAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)

    async def raises_stop():
        yield 1
        raise StopAsyncIteration

    try:
        async for _ in raises_stop():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
