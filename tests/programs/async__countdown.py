# asyncio.sleep with small delays: timers fire in deadline order and really wait.
import asyncio
import time


async def countdown(name, n, delay):
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(delay)
        n -= 1
    print(f"{name}: liftoff")
    return name


async def ticker(stop):
    ticks = 0
    while not stop.is_set():
        ticks += 1
        await asyncio.sleep(0.004)
    return ticks


async def main():
    # The first suspensions of a run can take a while on some backends (Asyncify's
    # first unwinds, the engine's tier-up); the orderings below assume sleeps last
    # about what they ask, with 200 ms to spare between the two countdowns.
    for _ in range(5):
        await asyncio.sleep(0.002)
    start = time.monotonic()
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    finished = await asyncio.gather(countdown("A", 3, 0.03), countdown("B", 2, 0.3))
    elapsed = time.monotonic() - start
    # Clocks in pages tick in whole milliseconds (Firefox): allow one tick.
    print(finished, elapsed >= 0.599, loop.time() - t0 >= 0.599)

    order = []

    def remember(tag):
        order.append(tag)

    # Deadlines far apart, so that a loaded machine (a slow step between two of these
    # calls) cannot swap them: the order is the behaviour checked, not the timing.
    loop.call_later(0.2, remember, "later 200ms")
    loop.call_later(0.005, remember, "later 5ms")
    loop.call_soon(remember, "soon")
    handle = loop.call_later(0.01, remember, "cancelled")
    handle.cancel()
    loop.call_at(loop.time() + 0.05, remember, "at 50ms")
    await asyncio.sleep(0.25)
    print(order)

    stop = asyncio.Event()
    task = asyncio.create_task(ticker(stop))
    await asyncio.sleep(0.02)
    stop.set()
    print("ticked", await task >= 1)

    before = time.monotonic()
    print(await asyncio.sleep(0.015, result="slept"))
    print(time.monotonic() - before >= 0.014)

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout block expired")


asyncio.run(main())
