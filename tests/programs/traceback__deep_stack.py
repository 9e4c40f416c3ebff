# An error raised twelve Python frames deep through mutual recursion.
def even(n):
    if n == 0:
        return [][0]
    return odd(n - 1)
def odd(n):
    return even(n - 1)
print("going deep")
even(10)
