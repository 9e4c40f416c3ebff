# Augmented assignment names its own operator in TypeError messages (found by the
# differential fuzzer).
cases = [
    (1, 'a', '+'), (1, {}, '^'), ([], {}, '^'), (1.5, {1}, '/'), ('s', 1, '&'),
    (1, {2}, '|'), (int, 'x', '//'), (2, 'x', '**'), (1, 'x', '-'), ('s', 2.5, '*'),
    ('s', 1, '+'), ([], 1, '+'), ((), 1, '+'), (1, [], '%'), (1, 1.5, '<<'), (3, 's', '@'),
]
for a, b, op in cases:
    x = a
    try:
        if op == '+':
            x += b
        elif op == '^':
            x ^= b
        elif op == '/':
            x /= b
        elif op == '&':
            x &= b
        elif op == '|':
            x |= b
        elif op == '//':
            x //= b
        elif op == '**':
            x **= b
        elif op == '-':
            x -= b
        elif op == '*':
            x *= b
        elif op == '%':
            x %= b
        elif op == '<<':
            x <<= b
        elif op == '@':
            x @= b
        print('no error', x)
    except TypeError as e:
        print(e)
