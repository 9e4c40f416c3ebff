// Per-suspension cost of a backend: `node suspend.mjs [--backend jspi] [--rounds N]`.
// Printed as a table; `cargo xtask bench --backend jspi` runs it. Not a test: it only
// measures (medians of N rounds) and never asserts timings. The measuring itself is
// measure.mjs, which browser pages run too (stackswitch-browser-bench); this file adds
// what only Node can: file sizes, and the asyncify CPU comparison.
//
// Workloads, each a Python loop of 10,000 iterations run at Python call depth 1, 10 and
// 100 (the loop runs below that many nested Python calls, all of which a suspension must
// save and restore):
//   sleep   time.sleep(0), answered by an already-resolved promise (not a 0 ms timer,
//           which would measure the engine's timer clamping instead of the suspension)
//   call    host.call("ping"), answered by an already-resolved promise
//   none    a plain Python call in the same loop: the baseline subtracted from the others
//
// For `--backend worker` it names the channel (Node: shared-memory; the service-worker
// channel exists only in browser pages) and also prints what starting a session costs
// (spawning its worker thread, instantiating, a first run) and how long interrupt()
// takes to stop a `while True` loop, a pending input() and a time.sleep(100): from the
// call to the settled run, median of the rounds.
//
// For `--backend asyncify` it also prints what the Asyncify pass costs code that never
// suspends: CPU-bound programs (recursive fib, loops over lists and dicts, string
// building) on the asyncified module vs. the same module optimised without the pass
// (`asyncify/stackswitch_asyncify_plain.wasm`), in the same process, as a ratio; and the
// size of both.

import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { createSession, detect } from "../stackswitch.js";
import { CPU_PROGRAMS, bigIntStalls, interruptLatency, perSuspension, workerCosts, yieldingCosts } from "./measure.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const backend = option("--backend", "jspi");
const rounds = Number(option("--rounds", "5"));
await perSuspension({ createSession, detect, backend, rounds, print: (line) => console.log(line) });
const WASM_FILES = { jspi: "stackswitch_jspi_bg.wasm", worker: "stackswitch_worker.wasm", asyncify: "stackswitch_asyncify.wasm" };
const sizes = (file) => {
  const wasm = readFileSync(fileURLToPath(new URL(`../${backend}/${file}`, import.meta.url)));
  return { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length };
};
const size = sizes(WASM_FILES[backend]);
console.log(`wasm ${backend}/${WASM_FILES[backend]}: ${size.raw} bytes raw, ${size.gzip} bytes gzip -9`);
if (backend === "asyncify") await asyncifyOverhead(size);
const print = (line) => console.log(line);
if (backend === "worker") await workerCosts({ createSession, backend, rounds, print });
else {
  await yieldingCosts({ createSession, backend, rounds, print });
  await bigIntStalls({ createSession, backend, print });
}
await interruptLatency({ createSession, backend, rounds, print });

/** CPU-bound programs and size: asyncified vs. plain module, same process, interleaved. */
async function asyncifyOverhead(asyncified) {
  const programs = CPU_PROGRAMS;
  const bridge = { request: () => Promise.resolve(null), write: () => {}, now: () => performance.now() / 1000, poll: () => 0 };
  const variants = [];
  for (const [name, file] of [["plain", "stackswitch_asyncify_plain.wasm"], ["asyncify", "stackswitch_asyncify.wasm"]]) {
    // A separate copy of the driver per module (it caches its compiled module).
    const glue = await import(new URL(`../asyncify/stackswitch_asyncify.js?${name}`, import.meta.url).href);
    await glue.default({ module_or_path: readFileSync(fileURLToPath(new URL(`../asyncify/${file}`, import.meta.url))) });
    variants.push({ name, session: await glue.Session.create(bridge, "bench.py", ["bench.py"]) });
  }
  console.log(`CPU-bound, never suspending: median of ${rounds} rounds (after a warm-up), ms`);
  console.log("program            plain   asyncify   ratio");
  for (const [name, source] of Object.entries(programs)) {
    const samples = variants.map(() => []);
    for (let r = -1; r < rounds; r++) {
      for (let v = 0; v < variants.length; v++) {
        const start = performance.now();
        const result = await variants[v].session.run(source);
        if (result.status !== 0) throw new Error(result.traceback);
        if (r >= 0) samples[v].push(performance.now() - start);
      }
    }
    const [plain, instrumented] = samples.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
    console.log(`${name.padEnd(16)} ${plain.toFixed(1).padStart(7)} ${instrumented.toFixed(1).padStart(10)} ${(instrumented / plain).toFixed(2).padStart(7)}x`);
  }
  const plain = sizes("stackswitch_asyncify_plain.wasm");
  console.log(`wasm asyncify/stackswitch_asyncify_plain.wasm: ${plain.raw} bytes raw, ${plain.gzip} bytes gzip -9`);
  console.log(`size ratio asyncified/plain: ${(asyncified.raw / plain.raw).toFixed(2)}x raw, ${(asyncified.gzip / plain.gzip).toFixed(2)}x gzip -9`);
}
