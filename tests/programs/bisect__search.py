# bisect for grades, sorted inserts and range counts; lo/hi/key and the errors.
import bisect

def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]

print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 4), bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 4, hi=3))
print("count of 4:", bisect.bisect_right(a, 4) - bisect.bisect_left(a, 4))
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(s, x)
print(s)
bisect.insort_left(s, 4)
bisect.insort_right(s, 4.0)
print(s)
people = [("ann", 19), ("bob", 25), ("cy", 31)]
print(bisect.bisect(people, 25, key=lambda p: p[1]), bisect.bisect_left(people, 25, key=lambda p: p[1]))
bisect.insort(people, ("dee", 27), key=lambda p: p[1])
print(people)
print(bisect.bisect([], 3), bisect.bisect_left("aceg", "d"))
for bad in (lambda: bisect.bisect(a, 3, -1), lambda: bisect.insort((1, 2), 3),
            lambda: bisect.bisect([1, "a"], 0.5) if False else bisect.bisect([1, 2], "x")):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
bisect.bisect_left(a, 1, lo=-5)
