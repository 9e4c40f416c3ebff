"""Generates random_vectors.txt: CPython 3.11's `random` outputs that mersenne.rs must reproduce bit for bit.

Each line is `op args... = result`; a `seed` line starts a fresh generator and every other line is
one call on it, in order, so the Rust test also checks how many words each call consumes.
A line `*N op args... = r1 ... rN` stands for N calls of a single-valued op, one result each.
Floats are written with repr (shortest round-trip), errors as `!Kind message`.
Run: python3 random_vectors.py > random_vectors.txt
"""
import random
import sys

out = sys.stdout


def emit(line):
    out.write(line + "\n")


def call(text, fn):
    try:
        value = fn()
    except (ValueError, IndexError, TypeError) as exc:
        emit(f"{text} = !{type(exc).__name__} {exc}")
        return
    if isinstance(value, float):
        emit(f"{text} = {value!r}")
    elif isinstance(value, bytes):
        emit(f"{text} = {value.hex()}")
    elif isinstance(value, list):
        emit(f"{text} = " + " ".join(str(v) for v in value))
    else:
        emit(f"{text} = {value}")


def fmt(value):
    return repr(value) if isinstance(value, float) else str(value)


def repeat(text, count, fn):
    emit(f"*{count} {text} = " + " ".join(fmt(fn()) for _ in range(count)))


def heavy_block(rng):
    """The brief's workload: a few hundred draws of each method, in separate runs."""
    repeat("random", 300, rng.random)
    repeat("randint 1 6", 300, lambda: rng.randint(1, 6))
    repeat("randrange 0 100 7", 300, lambda: rng.randrange(0, 100, 7))
    repeat(f"randrange {10**20}", 300, lambda: rng.randrange(10**20))
    repeat("choice 13", 300, lambda: rng.choice(range(13)))
    for _ in range(30):
        def shuffled():
            x = list(range(20))
            rng.shuffle(x)
            return x
        call("shuffle 20", shuffled)
    for _ in range(30):
        call("sample 100 10", lambda: rng.sample(range(100), 10))
    for _ in range(3):
        call("sample 1000 600", lambda: rng.sample(range(1000), 600))
    for k in range(0, 201):
        call(f"getrandbits {k}", lambda: rng.getrandbits(k))
    bounds = [(0.0, 1.0), (1.5, 2.5), (-10.0, 10.0), (5.0, -3.0), (0.0, 1e300), (-1e-300, 1e-300)]
    for i in range(300):
        a, b = bounds[i % len(bounds)]
        call(f"uniform {a!r} {b!r}", lambda: rng.uniform(a, b))


def mixed_block(rng, rounds):
    """Interleaved calls with varied arguments, errors included, to pin down state consumption."""
    ranges = [
        (0, 10, 1), (-50, 50, 3), (100, 0, -7), (10, 0, -1), (0, 1, 1), (5, 6, 1),
        (-(10**25), 10**25, 10**12 + 1), (0, 2**64, 1), (0, 2**64 + 1, 1), (7, 7, 1),
        (7, 3, 1), (3, 7, -1), (0, 10, 0), (1, 2, 5), (0, 2**32, 1), (0, 2**32 + 1, 1),
    ]
    for r in range(rounds):
        start, stop, step = ranges[r % len(ranges)]
        call(f"randrange {start} {stop} {step}", lambda: rng.randrange(start, stop, step))
        one = [0, -3, 1, 2, 2**53 + 1, 10**40][r % 6]
        call(f"randrange {one}", lambda: rng.randrange(one))
        if r % 5 == 0:
            call(f"randrange {one} None 2", lambda: rng.randrange(one, None, 2))
        a, b = [(1, 6), (-5, 5), (0, 0), (3, 2), (-(2**70), 2**70), (10, 9), (0, 2**31 - 1)][r % 7]
        call(f"randint {a} {b}", lambda: rng.randint(a, b))
        n = [0, 1, 2, 3, 31, 32, 33, 64, 65, 1000, 2**40][r % 11]
        call(f"choice {n}", lambda: rng.choice(range(n)))
        n = [0, 1, 2, 5, 21, 22, 100][r % 7]
        def shuffled():
            x = list(range(n))
            rng.shuffle(x)
            return x
        call(f"shuffle {n}", shuffled)
        n, k = [(0, 0), (5, 5), (5, 6), (21, 5), (22, 5), (85, 6), (86, 6), (1045, 100), (100, 0),
                (10**6, 3), (10**6, 20), (30, 30), (200, 50), (1046, 100)][r % 14]
        call(f"sample {n} {k}", lambda: rng.sample(range(n), k))
        k = [0, 1, 31, 32, 33, 63, 64, 65, 96, 97, 500][r % 11]
        call(f"getrandbits {k}", lambda: rng.getrandbits(k))
        call("gauss 0.0 1.0", lambda: rng.gauss())
        call("gauss 10.0 2.5", lambda: rng.gauss(10.0, 2.5))
        n, k = [(13, 5), (1, 3), (1000, 7), (0, 0), (7, 0)][r % 5]
        call(f"choices {n} {k}", lambda: rng.choices(range(n), k=k))
        ws = [[1, 2, 3], [0.5, 0.25, 0.25, 10], [0, 0, 1], [5], [1e-300, 1e300], [0, 0],
              [1, -1], [float("inf"), 1], [3, 0, 0, 4, 0]][r % 9]
        k = 6
        call(f"wchoices {k} " + ",".join(repr(w) for w in ws),
             lambda: rng.choices(range(len(ws)), weights=ws, k=k))
        n = [0, 1, 3, 4, 5, 17][r % 6]
        call(f"randbytes {n}", lambda: rng.randbytes(n))
        call("random", rng.random)


def main():
    heavy_seeds = [0, 1, 42, 2**40 + 7, -5, 10**30]
    for s in heavy_seeds:
        emit(f"seed int {s}")
        rng = random.Random(s)
        heavy_block(rng)
        mixed_block(rng, 60)
    light_int_seeds = [2**32 - 1, 2**32, 2**32 + 1, 2**64, -(2**64), 2**1000 + 12345, 123456789, True]
    for s in light_int_seeds:
        emit(f"seed int {int(s)}")
        rng = random.Random(s)
        mixed_block(rng, 12)
    float_seeds = [3.5, -5.0, 5.0, 0.0, -0.0, 0.1, -1.0, 1e300, -2.5e-310, 2.0**61, 2.0**62 - 2**9,
                   float("inf"), float("-inf"), 1.5e16, 123.456]
    for s in float_seeds:
        emit(f"seed float {s!r}")
        rng = random.Random(s)
        mixed_block(rng, 3)
    str_seeds = ["abc", "", "héllo wörld ✓", "x" * 200, "0"]
    for s in str_seeds:
        emit(f"seed str {s.encode().hex()}")
        rng = random.Random(s)
        mixed_block(rng, 3)
    byte_seeds = [b"", b"\x00", b"\xff" * 70, bytes(range(256))]
    for s in byte_seeds:
        emit(f"seed bytes {s.hex()}")
        rng = random.Random(s)
        mixed_block(rng, 3)


if __name__ == "__main__":
    main()
