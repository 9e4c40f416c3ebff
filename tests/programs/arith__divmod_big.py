big = 3 ** 200
for a, b in [(big, 7), (-big, 7), (big, -7), (7, big), (-7, big), (big, big - 1), (True, big), (big, 2.5)]:
    print(divmod(a, b))
try:
    divmod(big, 0)
except ZeroDivisionError as e:
    print(e)
try:
    divmod(big, False)
except ZeroDivisionError as e:
    print(e)
