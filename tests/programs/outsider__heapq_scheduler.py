import heapq

tasks = []
counter = 0
def add(priority, name):
    global counter
    heapq.heappush(tasks, (priority, counter, name))
    counter += 1

for pri, name in [(3, "write report"), (1, "fix bug"), (2, "review PR"), (1, "deploy"), (5, "lunch")]:
    add(pri, name)
print("next:", tasks[0][2])
while tasks:
    pri, _, name = heapq.heappop(tasks)
    print(f"[{pri}] {name}")
nums = [5, 1, 8, 3, 9, 2, 7]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums))
heapq.heapify(nums)
print(nums, heapq.heappushpop(nums, 4), heapq.heapreplace(nums, 10), nums)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
# simulate CPU scheduling: jobs (arrival, duration)
jobs = [(0, 5), (1, 2), (2, 8), (3, 1)]
time, queue, order, i = 0, [], [], 0
while i < len(jobs) or queue:
    while i < len(jobs) and jobs[i][0] <= time:
        heapq.heappush(queue, (jobs[i][1], jobs[i][0], i))
        i += 1
    if queue:
        dur, arr, job = heapq.heappop(queue)
        time += dur
        order.append((job, time))
    else:
        time = jobs[i][0]
print("shortest-job-first:", order)
print(heapq.nlargest(2, ["aa", "b", "cccc"], key=len))
