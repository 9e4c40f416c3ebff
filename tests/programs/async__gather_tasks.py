# Tasks and gather: creation order, FIFO stepping, sleep(0) interleaving, results order.
import asyncio

log = []


async def step(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    return f"{name} x{n}"


async def timed(name, delay):
    await asyncio.sleep(delay)
    print("woke", name)
    return delay


async def spawner():
    t = asyncio.create_task(step("child", 2))
    print("spawned", t.done())
    await asyncio.sleep(0)
    print("after one yield")
    return await t


async def main():
    results = await asyncio.gather(step("a", 3), step("b", 1), step("c", 2))
    print(results)
    print(await asyncio.gather())

    t1 = asyncio.create_task(step("t1", 2), name="first")
    t2 = asyncio.create_task(step("t2", 2))
    print(t1.get_name(), t1.done(), t2.done())
    print(await t2)
    print(t1.done(), t1.result())

    order = await asyncio.gather(timed("slow", 0.09), timed("fast", 0.03), timed("mid", 0.06))
    print(order)

    print(await spawner())

    same = step("dup", 1)
    print(await asyncio.gather(same, same))

    tasks = [asyncio.create_task(timed(f"w{i}", 0.03 * (3 - i))) for i in range(3)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))

    first = asyncio.create_task(timed("quick", 0.001))
    later = asyncio.create_task(timed("late", 0.1))
    done, pending = await asyncio.wait([first, later], return_when=asyncio.FIRST_COMPLETED)
    print([t is first for t in done], [t is later for t in pending])
    later.cancel()

    for coro in asyncio.as_completed([timed("ac3", 0.09), timed("ac1", 0.03), timed("ac2", 0.06)]):
        print("as_completed", await coro)

    current = asyncio.current_task()
    print(current.get_name().startswith("Task-"), current.done())
    shielded = asyncio.shield(timed("shielded", 0.001))
    print(await shielded)


asyncio.run(main())
