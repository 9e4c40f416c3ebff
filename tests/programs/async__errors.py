# Errors: bad awaits, cancellation, exceptions inside gather (return_exceptions), wait_for.
import asyncio


async def fail(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def guarded():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("guarded: cancelled, cleaning up")
        raise
    finally:
        print("guarded: finally")


async def deep():
    try:
        await guarded()
    finally:
        print("deep: finally")


async def swallow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return "swallowed"


class NotIter:
    def __await__(self):
        return 42


class ReturnsCoro:
    def __init__(self):
        self.coro = value(1)

    def __await__(self):
        return self.coro


async def main():
    returns_coro = ReturnsCoro()
    for bad in [3, "s", None, [1], NotIter(), returns_coro]:
        try:
            await bad
        except TypeError as e:
            print("TypeError:", e)
    returns_coro.coro.close()

    print(await asyncio.gather(value(1), fail("one"), value(3, 0.01), return_exceptions=True))
    try:
        await asyncio.gather(value(1), fail("two", 0.001), value(3))
    except ValueError as e:
        print("gather raised:", e)

    t = asyncio.create_task(deep())
    await asyncio.sleep(0)
    print("cancel ->", t.cancel(), "again ->", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled(), t.done())
    print("cancel done task ->", t.cancel())

    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    t = asyncio.create_task(value("never"))
    t.cancel("with message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message:", e.args)
    try:
        t.result()
    except asyncio.CancelledError:
        print("result() raises CancelledError")
    try:
        t.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError")

    t = asyncio.create_task(fail("stored"))
    await asyncio.sleep(0.001)
    print(type(t.exception()).__name__, t.exception())
    try:
        t.result()
    except ValueError as e:
        print("result re-raises:", e)

    cancelled_in_gather = asyncio.create_task(value("x", 1))
    g = asyncio.gather(value("y"), cancelled_in_gather, return_exceptions=True)
    await asyncio.sleep(0)
    cancelled_in_gather.cancel()
    res = await g
    print(res[0], type(res[1]).__name__)

    try:
        await asyncio.wait_for(value("slow", 1), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("wait_for timeout:", type(e).__name__, asyncio.TimeoutError is TimeoutError)
    try:
        await asyncio.wait_for(fail("inner"), timeout=1)
    except ValueError as e:
        print("wait_for error:", e)
    print(await asyncio.wait_for(value("fast"), timeout=1))

    fut = asyncio.get_running_loop().create_future()
    for call in (fut.result, fut.exception):
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError:
        print("set twice: InvalidStateError")

    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("create_task:", e)

    async def one():
        return 1

    co = one()
    await co
    try:
        await co
    except RuntimeError as e:
        print(e)
    co = one()
    try:
        asyncio.run(co)
    except RuntimeError as e:
        print(e)
    co.close()

    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print(e)

    try:
        raise asyncio.CancelledError()
    except Exception:
        print("not an Exception")
    except BaseException as e:
        print("CancelledError is a BaseException:", type(e).__mro__[1].__name__)


try:
    asyncio.run(42)
except ValueError as e:
    print(e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
asyncio.run(main())


async def crash():
    await asyncio.sleep(0)
    raise KeyError("unhandled in main")

asyncio.run(crash())
