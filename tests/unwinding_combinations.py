"""Differential check of unwinding: `python3 tests/unwinding_combinations.py [--count N] [--seed S] [--runner EXE] [--write-suite K]`.

Generates N small programs (deterministic for a seed) that nest try/except/finally, with,
for/while loops and generators around break, continue, return, raise and yield, runs each
with python3 and with the native runner (default target/release/stackswitch-native), and
reports every program whose stdout or exit status differs. Every generated program ends:
loops are bounded by `range` or by a counter checked on each iteration, so a difference is
never "CPython hangs".

With --write-suite K, the first K generated programs are written, K per file, as
tests/programs/reliability__unwinding_<n>.py (regenerate their expected output with
`cargo xtask regen`). Exit status 1 if any program differs.
"""

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROGRAMS = ROOT / "tests" / "programs"

PRELUDE = '''class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress
'''


class Gen:
    """One random function body; `depth` bounds the nesting, `loops` counts enclosing loops."""

    def __init__(self, rng, in_generator):
        self.rng = rng
        self.in_generator = in_generator
        self.counter = 0

    def fresh(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter}"

    def leaf(self, loops, in_finally):
        choices = ["print", "return", "raise"]
        if loops:
            choices += ["break", "continue", "break"]
        if self.in_generator:
            choices += ["yield"]
        kind = self.rng.choice(choices)
        tag = self.fresh("s")
        if kind == "print":
            return [f"print({tag!r})"]
        if kind == "return":
            return [f"return {tag!r}"]
        if kind == "raise":
            exc = self.rng.choice(["ValueError", "KeyError", "ZeroDivisionError"])
            return [f"raise {exc}({tag!r})"]
        if kind == "yield":
            return [f"x = yield {tag!r}", "print('sent', x)"]
        return [f"print({tag!r})", kind]

    def block(self, depth, loops, in_finally):
        stmts = []
        for _ in range(self.rng.randint(1, 2)):
            if depth <= 0 or self.rng.random() < 0.3:
                stmts += self.leaf(loops, in_finally)
            else:
                stmts += self.compound(depth - 1, loops, in_finally)
        return stmts

    def compound(self, depth, loops, in_finally):
        kind = self.rng.choice(["for", "while", "try_finally", "try_except", "try_all", "with"])
        out = []

        def body(lines):
            out.extend("    " + line for line in lines)

        if kind == "for":
            v = self.fresh("i")
            out.append(f"for {v} in {self.rng.choice(['range(3)', repr('ab'), '[1, 2]'])}:")
            out.append(f"    print('{v}', {v})")
            body(self.block(depth, loops + 1, in_finally))
            if self.rng.random() < 0.3:
                out.append("else:")
                body(["print('for-else')"])
        elif kind == "while":
            v = self.fresh("n")
            out.append(f"{v} = 0")
            out.append(f"while {v} < 3:")
            out.append(f"    {v} += 1")
            out.append(f"    print('{v}', {v})")
            body(self.block(depth, loops + 1, in_finally))
        elif kind == "with":
            name = self.fresh("cm")
            suppress = self.rng.random() < 0.4
            out.append(f"with CM({name!r}, {suppress}) as {name}:")
            body(self.block(depth, loops, in_finally))
        else:
            out.append("try:")
            body(self.block(depth, loops, in_finally))
            if kind in ("try_except", "try_all"):
                exc = self.rng.choice(["ValueError", "Exception", "(KeyError, ValueError)"])
                name = self.fresh("e")
                out.append(f"except {exc} as {name}:")
                out.append(f"    print('caught', type({name}).__name__)")
                body(self.block(depth, loops, in_finally))
                if self.rng.random() < 0.3:
                    out.append("else:")
                    body(self.block(depth, loops, in_finally))
            if kind in ("try_finally", "try_all"):
                out.append("finally:")
                out.append(f"    print('finally {self.fresh('f')}')")
                body(self.block(depth, loops, True))
        return out


def program(seed):
    rng = random.Random(seed)
    in_generator = rng.random() < 0.3
    gen = Gen(rng, in_generator)
    lines = gen.block(3, 0, False)
    src = [PRELUDE, "def f():"]
    src += ["    " + line for line in lines]
    src.append("    return 'end'")
    src.append("")
    if in_generator:
        src.append(
            "def drive():\n"
            "    g = f()\n"
            "    try:\n"
            "        print('yielded', next(g))\n"
            "        print('yielded', g.send(1))\n"
            "        print('yielded', g.send(2))\n"
            "        g.close()\n"
            "        print('closed')\n"
            "    except StopIteration as stop:\n"
            "        print('stop', stop.value)\n"
            "drive()"
        )
    else:
        src.append("print('result', f())")
    return f"# seed {seed}\n" + "\n".join(src) + "\n"


def wrapped(seed):
    """The program as one part of a suite file: its exceptions are caught and printed."""
    text = program(seed).replace(PRELUDE, "")
    body = "\n".join("    " + line if line else "" for line in text.splitlines())
    return (
        f"def case_{seed}():\n{body}\n\n"
        f"try:\n    case_{seed}()\nexcept Exception as e:\n"
        f"    print('raised', type(e).__name__, e)\n"
    )


def run(cmd, path):
    p = subprocess.run(cmd + [str(path)], capture_output=True, text=True, timeout=20)
    last = p.stderr.rstrip("\n").rsplit("\n", 1)[-1]
    return p.stdout, last, p.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=320)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runner", default=str(ROOT / "target/release/stackswitch-native"))
    parser.add_argument("--write-suite", type=int, default=0)
    parser.add_argument("--per-file", type=int, default=40)
    args = parser.parse_args()
    if args.write_suite:
        seeds = list(range(args.seed, args.seed + args.write_suite))
        for n, start in enumerate(range(0, len(seeds), args.per_file)):
            parts = [PRELUDE] + [wrapped(s) for s in seeds[start : start + args.per_file]]
            name = PROGRAMS / f"reliability__unwinding_{n + 1}.py"
            name.write_text(
                "# Generated by python3 tests/unwinding_combinations.py --write-suite; "
                "nested try/finally/with/loops/generators.\n" + "\n".join(parts)
            )
            print("wrote", name)
        return 0
    differing = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.count):
            path = Path(tmp) / f"case_{seed}.py"
            path.write_text(program(seed))
            expected = run([sys.executable], path)
            try:
                actual = run([args.runner], path)
            except subprocess.TimeoutExpired:
                actual = ("", "timeout", -1)
            if expected != actual:
                differing += 1
                print(f"seed {seed} differs")
                if differing <= 3:
                    print(program(seed))
                    print("expected:", expected)
                    print("actual:  ", actual)
    print(f"{differing} of {args.count} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
