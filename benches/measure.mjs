// The engine-agnostic half of the suspension bench: the per-suspension table, and for
// the worker backend its session start and interrupt() latency. Used by suspend.mjs in
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

/** Session start-up and interrupt latency of the worker backend. */
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

