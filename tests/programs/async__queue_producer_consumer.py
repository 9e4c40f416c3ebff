# asyncio.Queue: producers and consumers, bounded puts, task_done/join, nowait errors.
import asyncio


async def producer(q, name, items):
    for item in items:
        await q.put((name, item))
        print(f"{name} put {item} (size {q.qsize()})")
    print(f"{name} done")


async def consumer(q, name, seen):
    while True:
        source, item = await q.get()
        print(f"{name} got {source}:{item}")
        seen.append(item)
        await asyncio.sleep(0)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q.maxsize, q.empty(), q.full(), str(q))
    seen = []
    consumers = [asyncio.create_task(consumer(q, f"c{i}", seen)) for i in range(2)]
    await asyncio.gather(producer(q, "p1", range(4)), producer(q, "p2", "xyz"))
    await q.join()
    print("joined, seen", len(seen))
    for c in consumers:
        c.cancel()
    print(await asyncio.gather(*consumers, return_exceptions=True))

    q2 = asyncio.Queue()
    for i in range(3):
        q2.put_nowait(i * 10)
    print(q2.qsize(), str(q2))
    print([q2.get_nowait() for _ in range(3)])
    try:
        q2.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", type(asyncio.QueueEmpty()).__module__)
    full = asyncio.Queue(1)
    full.put_nowait("a")
    try:
        full.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    for _ in range(3):
        q2.task_done()
    try:
        q2.task_done()
    except ValueError as e:
        print(e)

    pq = asyncio.PriorityQueue()
    for p in [5, 1, 4, 2, 3]:
        await pq.put((p, f"job{p}"))
    print([(await pq.get())[1] for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in "abc":
        lq.put_nowait(x)
    print("".join([lq.get_nowait() for _ in range(3)]))

    waiter_q = asyncio.Queue()

    async def late_put():
        await asyncio.sleep(0.01)
        await waiter_q.put("late item")

    asyncio.create_task(late_put())
    print(await waiter_q.get())
    try:
        print(await asyncio.wait_for(waiter_q.get(), 0.01))
    except asyncio.TimeoutError:
        print("get timed out", waiter_q.empty())


asyncio.run(main())
