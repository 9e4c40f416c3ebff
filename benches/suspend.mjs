// Per-suspension cost of a backend: `node suspend.mjs [--backend jspi] [--rounds N]`.
// Printed as a table; `cargo xtask bench --backend jspi` runs it. Not a test: it only
// measures (medians of N rounds) and never asserts timings.
//
// Workloads, each a Python loop of 10,000 iterations run at Python call depth 1, 10 and
// 100 (the loop runs below that many nested Python calls, all of which a suspension must
// save and restore):
//   sleep   time.sleep(0), answered by an already-resolved promise (not a 0 ms timer,
//           which would measure the engine's timer clamping instead of the suspension)
//   call    host.call("ping"), answered by an already-resolved promise
//   none    a plain Python call in the same loop: the baseline subtracted from the others

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { createSession, detect } from "../stackswitch.js";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const backend = option("--backend", "jspi");
const rounds = Number(option("--rounds", "5"));
const N = 10000;

const program = (depth, body) => `
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

const session = await createSession({
  backend,
  sleep: () => Promise.resolve(),
  functions: { ping: () => Promise.resolve(null) },
  stdout: () => {},
  stderr: (t) => process.stderr.write(t),
});

async function time(source) {
  await session.run(source); // warm-up: the engine's tiers compile the hot paths
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const result = await session.run(source);
    samples.push(performance.now() - start);
    if (result.status !== 0) throw new Error(result.traceback);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const d = detect();
console.log(`backend ${backend} on ${d.features.engine}: median of ${rounds} rounds, ${N} iterations each`);
console.log("workload   depth   total ms   baseline ms   per suspension µs");
for (const depth of [1, 10, 100]) {
  const baseline = await time(program(depth, bodies.none));
  for (const kind of ["sleep", "call"]) {
    const total = await time(program(depth, bodies[kind]));
    const per = ((total - baseline) * 1000) / N;
    console.log(`${kind.padEnd(10)} ${String(depth).padStart(5)} ${total.toFixed(1).padStart(10)} ${baseline.toFixed(1).padStart(13)} ${per.toFixed(2).padStart(19)}`);
  }
}
session.close();
const wasm = readFileSync(fileURLToPath(new URL(`../${backend}/stackswitch_${backend}_bg.wasm`, import.meta.url)));
console.log(`wasm ${backend}/stackswitch_${backend}_bg.wasm: ${wasm.length} bytes raw, ${gzipSync(wasm, { level: 9 }).length} bytes gzip -9`);
