import asyncio

async def countdown(name, n, delay):
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(delay)
        n -= 1
    print(f"{name}: liftoff!")
    return name

async def worker(queue, results):
    while True:
        item = await queue.get()
        results.append(item * 2)
        queue.task_done()

async def main():
    done = await asyncio.gather(countdown("A", 3, 0.01), countdown("B", 2, 0.1))
    print("finished:", done)
    queue = asyncio.Queue()
    results = []
    tasks = [asyncio.create_task(worker(queue, results)) for _ in range(2)]
    for i in range(5):
        queue.put_nowait(i)
    await queue.join()
    for t in tasks:
        t.cancel()
    print(sorted(results))
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")

asyncio.run(main())
