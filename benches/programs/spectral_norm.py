# Float arithmetic through small function calls: the spectral norm of the Benchmarks
# Game (nested loops over lists, integer division, a sqrt). Checksum: the norm, 9 decimals.
N = 120  # quick: 20


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v):
    n = len(v)
    return [sum(eval_a(i, j) * v[j] for j in range(n)) for i in range(n)]


def mul_atv(v):
    n = len(v)
    return [sum(eval_a(j, i) * v[j] for j in range(n)) for i in range(n)]


def mul_atav(v):
    return mul_atv(mul_av(v))


u = [1.0] * N
for _ in range(10):
    v = mul_atav(u)
    u = mul_atav(v)
vbv = 0.0
vv = 0.0
for ue, ve in zip(u, v):
    vbv += ue * ve
    vv += ve * ve
print("spectral_norm", N, "%.9f" % ((vbv / vv) ** 0.5))
