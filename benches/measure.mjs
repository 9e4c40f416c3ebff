// The engine-agnostic half of the suspension bench: the per-suspension table, and for
// every backend interrupt() latency and (jspi, asyncify) what yielding costs, for the
// worker its session start. Used by suspend.mjs in
// Node and, through WebDriver, in browser pages (stackswitch-browser-bench), so both
// print the same figures the same way. Takes the runtime's `createSession` and a `print`
// callback; touches nothing of its environment.
//
// Invariant: it only measures (medians of `rounds`, after a warm-up run) and never
// asserts a timing; a program that does not end as expected throws.

const program = (depth, body, N) => `
import time, host
def nop():
    return None
def at_depth(n):
    if n > 1:
        return at_depth(n - 1)
    for _ in range(${N}):
        ${body}
at_depth(${depth})
`;
const bodies = { sleep: "time.sleep(0)", call: 'host.call("ping")', none: "nop()" };

const median = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

/** The per-suspension table: `iterations` suspensions (default 10,000) per run, at
 * Python depths 1, 10 and 100. */
export async function perSuspension({ createSession, detect, backend, rounds, print, options = {}, iterations = 10000 }) {
  const N = iterations;
  const session = await createSession({
    ...options,
    backend,
    sleep: () => Promise.resolve(),
    functions: { ping: () => Promise.resolve(null) },
    stdout: () => {},
    stderr: (t) => print(t),
  });
  const time = async (source) => {
    await session.run(source); // warm-up: the engine's tiers compile the hot paths
    const samples = [];
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      const result = await session.run(source);
      samples.push(performance.now() - start);
      if (result.status !== 0) throw new Error(result.traceback);
    }
    return median(samples);
  };
  const d = detect();
  const channel = backend === "worker" ? ` (channel ${options.workerChannel ?? d.worker.channel})` : "";
  print(`backend ${backend}${channel} on ${d.features.engine}: median of ${rounds} rounds, ${N} iterations each`);
  print("workload   depth   total ms   baseline ms   per suspension µs");
  for (const depth of [1, 10, 100]) {
    const baseline = await time(program(depth, bodies.none, N));
    for (const kind of ["sleep", "call"]) {
      const total = await time(program(depth, bodies[kind], N));
      const per = ((total - baseline) * 1000) / N;
      print(`${kind.padEnd(10)} ${String(depth).padStart(5)} ${total.toFixed(1).padStart(10)} ${baseline.toFixed(1).padStart(13)} ${per.toFixed(2).padStart(19)}`);
    }
  }
  session.close();
}

/** Session start-up of the worker backend. */
export async function workerCosts({ createSession, backend, rounds, print, options = {} }) {
  const startup = [];
  for (let r = -1; r < rounds; r++) {
    const start = performance.now();
    const s = await createSession({ ...options, backend, stdout: () => {} });
    await s.run("x = 1");
    if (r >= 0) startup.push(performance.now() - start);
    s.close();
  }
  print(`session start (spawn worker, instantiate, first run): ${median(startup).toFixed(1)} ms`);
}

/** How long interrupt() takes to end a loop, a pending input() and a sleep (any backend). */
export async function interruptLatency({ createSession, backend, rounds, print, options = {} }) {
  const programs = {
    "while True: pass": "print('go', flush=True)\nwhile True:\n    pass\n",
    "pending input()": "print('go', flush=True)\ninput()\n",
    "time.sleep(100)": "import time\nprint('go', flush=True)\ntime.sleep(100)\n",
  };
  print("interrupt() until the run has ended with KeyboardInterrupt, ms");
  for (const [name, source] of Object.entries(programs)) {
    const samples = [];
    for (let r = -1; r < rounds; r++) {
      let go;
      const started = new Promise((resolve) => (go = resolve));
      const s = await createSession({ ...options, backend, stdout: (t) => t.includes("go") && go(), input: () => new Promise(() => {}) });
      const run = s.run(source);
      await started;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const start = performance.now();
      s.interrupt();
      const result = await run;
      if (result.type !== "KeyboardInterrupt") throw new Error(`${name}: ${JSON.stringify(result)}`);
      if (r >= 0) samples.push(performance.now() - start);
      s.close();
    }
    print(`${name.padEnd(18)} ${median(samples).toFixed(2).padStart(8)} (max ${Math.max(...samples).toFixed(2)})`);
  }
}


/** CPU-bound programs of the yielding comparison: the same as asyncify's overhead table. */
export const CPU_PROGRAMS = {
  "fib(25)": "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(25)\n",
  "list+dict loops": "d = {}\nfor i in range(200000):\n    d[i % 1000] = d.get(i % 1000, 0) + i\nl = [x * 2 for x in range(100000)]\ns = sum(l)\n",
  "string building": "parts = []\nfor i in range(50000):\n    parts.append(str(i) + ',')\ns = ''.join(parts)\nt = ''\nfor i in range(20000):\n    t += 'x'\n",
};

/**
 * What cooperative yielding costs and gives (jspi, asyncify): CPU-bound programs with
 * yielding on (the default slice) vs off, same process, interleaved, as a ratio; and the
 * longest gap between two ticks of a 1 ms timer while `while True: pass` runs for 1 s
 * (the worst stall the event loop sees), with yielding on.
 */
/// Single big-int operations that take seconds: core/src/vm/bignum.rs cuts them into
/// pieces with a poll between, so the event loop still runs while they compute.
export const BIG_INT_PROGRAMS = {
  "7 ** 20_000_000": "x = 7 ** 20_000_000\n",
  "x * x, 2**25 bits": "x = (1 << 33_554_431) - 1\ny = x * x\n",
  "2**26-bit // 2**25-bit": "x = (1 << 67_000_000) - 1\ny = x // ((1 << 33_000_000) + 12345)\n",
};

/// For each of BIG_INT_PROGRAMS (one run each: they are long): the whole run and the
/// longest gap between 1 ms timer ticks while it ran.
export async function bigIntStalls({ createSession, backend, print, options = {} }) {
  print("big-int operations (yielding on): whole run / longest gap between 1 ms ticks, ms");
  for (const [name, source] of Object.entries(BIG_INT_PROGRAMS)) {
    const session = await createSession({ ...options, backend, stdout: () => {} });
    let last = performance.now();
    let worst = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 1);
    const start = performance.now();
    last = start;
    const result = await session.run(source);
    const took = performance.now() - start;
    clearInterval(ticker);
    worst = Math.max(worst, performance.now() - last);
    session.close();
    if (result.status !== 0) throw new Error(result.traceback);
    print(`${name.padEnd(24)} ${took.toFixed(0).padStart(8)} ${worst.toFixed(0).padStart(8)}`);
  }
}

export async function yieldingCosts({ createSession, backend, rounds, print, options = {} }) {
  const on = await createSession({ ...options, backend, stdout: () => {} });
  const off = await createSession({ ...options, backend, stdout: () => {}, yielding: false });
  print(`yielding (default slice) vs off, CPU-bound, median of ${rounds} rounds, ms`);
  print("program              off       on    ratio   yields");
  for (const [name, source] of Object.entries(CPU_PROGRAMS)) {
    const samples = { on: [], off: [] };
    let yields = 0;
    for (let r = -1; r < rounds; r++) {
      for (const [which, session] of [["off", off], ["on", on]]) {
        const start = performance.now();
        const result = await session.run(source);
        if (result.status !== 0) throw new Error(result.traceback);
        if (r >= 0) samples[which].push(performance.now() - start);
        if (which === "on") yields = session.stats.yields;
      }
    }
    const [a, b] = [median(samples.off), median(samples.on)];
    print(`${name.padEnd(16)} ${a.toFixed(1).padStart(8)} ${b.toFixed(1).padStart(8)} ${(b / a).toFixed(3).padStart(7)}x ${String(yields).padStart(8)}`);
  }
  const gaps = [];
  const frames = [];
  for (let r = 0; r < rounds; r++) {
    let last = performance.now();
    let worst = 0;
    let go;
    const started = new Promise((resolve) => (go = resolve));
    const s = await createSession({ ...options, backend, stdout: (t) => t.includes("go") && go() });
    const run = s.run("print('go', flush=True)\nwhile True:\n    pass\n");
    await started;
    last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 1);
    // In a page, also count the animation frames drawn meanwhile.
    let drawing = typeof requestAnimationFrame === "function";
    let drawn = 0;
    const draw = () => {
      drawn += 1;
      if (drawing) requestAnimationFrame(draw);
    };
    if (drawing) requestAnimationFrame(draw);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    drawing = false;
    frames.push(drawn);
    clearInterval(ticker);
    s.interrupt();
    await run;
    s.close();
    gaps.push(worst);
  }
  print(`longest gap between 1 ms timer ticks during 1 s of while True (yielding on): median ${median(gaps).toFixed(1)} ms, max ${Math.max(...gaps).toFixed(1)} ms`);
  if (typeof requestAnimationFrame === "function") print(`animation frames drawn during that 1 s: median ${median(frames)}, min ${Math.min(...frames)}`);
  on.close();
  off.close();
}
