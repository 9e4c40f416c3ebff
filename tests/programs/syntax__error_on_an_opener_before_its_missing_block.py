# A grammar error on a block opener's own line comes before the missing block below it.
for i in range(3):
    if i > j 1:
    print(i)
