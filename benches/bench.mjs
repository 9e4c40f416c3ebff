// The one-run benchmark (`cargo xtask bench` with no backend named): every runtime that
// runs here, measured in the same run, in interleaved rounds, and written as JSON,
// markdown tables and an SVG chart. Run by Node 26 (the driver only sends requests and
// does arithmetic); each runtime runs in a long-lived child:
//
//   bench.mjs ──stdin/stdout JSON lines──► python3 runner.py              cpython
//             ├──────────────────────────► stackswitch-native runner.py   native
//             ├──────────────────────────► node26 runner.mjs              jspi asyncify worker pyodide micropython
//             └──────────────────────────► node20 runner.mjs              asyncify worker
//
// Measured (medians over `--rounds` rounds after one warm-up round; every round runs each
// measurement once on every runtime, in turn, so drift on this shared machine hits all of
// them alike):
//   cpu        each program of programs/ (also on "plain": the interpreter without JSPI or
//              Asyncify on the main thread, the baseline of the backends' CPU cost) (a first line `N = <size>  # quick: <size>`
//              chooses the input; --quick takes the second): the time of the run, and its
//              ratio to CPython's median in this run. Its output must equal CPython's:
//              for a stackswitch runtime a mismatch or an error fails the bench (exit 1);
//              for a peer the cell says so and has no figure.
//   suspend    µs per blocking call: a loop of `--iterations` calls at Python call depth
//              1, 10 and 100, minus the same loop calling a Python function, divided by
//              the iterations. Calls: time.sleep(0), input() (both answered by an already
//              resolved promise) and host.call("ping"); Pyodide's equivalent of host.call
//              is run_sync on a resolved JS promise; where a runtime has no such call the
//              cell says why.
//   startup    in a JS engine: a fresh Node process per sample, from just before the
//              runtime's module is imported to the first output of print("ready") (the
//              engine's own start excluded); CPython and the native runner: a fresh
//              process, spawn to first output.
//   size       each runtime's wasm (Pyodide: also what a start downloads, with its
//              standard library zip and its JS), raw / gzip -9 / brotli (quality 11).
//
// Output, in --out (target/report/; also size-cache.json): bench.json, bench.md, bench.svg (drawn with the
// pinned npm vega-lite + vega from --peers). bench.json's schema ("stackswitch-bench/1"):
//   { schema, date, quick, rounds, iterations,
//     machine: { nproc, cpu, os },
//     engines: { <engine>: <version> },          // node26, node20, python3, pyodide, micropython
//     runtimes: [ { id, label, engine, kind } ], // kind: "reference" | "stackswitch" | "peer"
//     cpu: { programs: [ { name, n, checksum } ],
//            results: { <runtime id>: { <program>: { ms, ratio, samples } | { error } } },
//            geomean: { <runtime id>: <ratio to CPython> | null },
//            geomean_to_plain: { <runtime id>: <ratio to node26/plain> | null } },
//     suspend: { depths: [1, 10, 100], iterations,
//                results: { <runtime id>: { <call>: { <depth>: { us, ms, baseline_ms } }
//                                                     | { na: <why> } } } },
//     startup: { <runtime id>: { ms, samples, measure } | { error } },
//     size: [ { runtime, file, raw, gzip, brotli } ],
//     failures: [ <message> ] }                 // non-empty: the bench exits 1
// Times are milliseconds unless named `us`; ratios are to CPython in the same run.
//
// Invariant: it measures and reports, never asserts a timing; only wrong output or an
// error of a stackswitch runtime fails it.

import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, statSync } from "node:fs";
import { availableParallelism, cpus, release, type } from "node:os";
import { join, basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync, brotliCompressSync, constants as zlib } from "node:zlib";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = args.includes("--quick");
const rounds = Number(option("--rounds", quick ? "1" : "5"));
const iterations = Number(option("--iterations", quick ? "1000" : "10000"));
const out = option("--out", join(here, "report"));
const peers = option("--peers");
const node20 = option("--node20", "/usr/bin/node");
const native = option("--native");
// The interpreter itself, not a launcher script in front of it (pyenv's shim would add
// ~50 ms to CPython's start).
const python = await new Promise((resolve) => {
  const p = spawn(option("--python", "python3"), ["-c", "import sys; print(sys.executable)"], { stdio: ["ignore", "pipe", "inherit"] });
  let text = "";
  p.stdout.on("data", (d) => (text += d));
  p.on("error", () => resolve(option("--python", "python3")));
  p.on("close", () => resolve(text.trim() || option("--python", "python3")));
});
const MARKER = "@@bench-result@@ ";
const DEPTHS = [1, 10, 100];

/** The runtimes, in table order. `host` names the child that runs it. */
const RUNTIMES = [
  { id: "cpython", label: "CPython (native)", engine: "python3", kind: "reference", host: "python" },
  { id: "native", label: "stackswitch native", engine: "native", kind: "stackswitch", host: "native" },
  { id: "node26/plain", label: "Node 26 plain (CPU only)", engine: "node26", kind: "stackswitch", host: "node26", runtime: "plain" },
  { id: "node26/jspi", label: "Node 26 JSPI", engine: "node26", kind: "stackswitch", host: "node26", runtime: "jspi" },
  { id: "node26/asyncify", label: "Node 26 Asyncify", engine: "node26", kind: "stackswitch", host: "node26", runtime: "asyncify" },
  { id: "node26/worker", label: "Node 26 worker", engine: "node26", kind: "stackswitch", host: "node26", runtime: "worker" },
  { id: "node20/asyncify", label: "Node 20 Asyncify", engine: "node20", kind: "stackswitch", host: "node20", runtime: "asyncify" },
  { id: "node20/worker", label: "Node 20 worker", engine: "node20", kind: "stackswitch", host: "node20", runtime: "worker" },
  { id: "node26/pyodide", label: "Node 26 Pyodide", engine: "node26", kind: "peer", host: "node26", runtime: "pyodide" },
  { id: "node26/micropython", label: "Node 26 MicroPython", engine: "node26", kind: "peer", host: "node26", runtime: "micropython" },
];

/** One long-lived child speaking the runners' protocol (one request, one marker line). */
class Child {
  constructor(command, argv) {
    this.description = [command, ...argv].join(" ");
    this.process = spawn(command, argv, { stdio: ["pipe", "pipe", "inherit"] });
    this.waiting = [];
    this.output = [];
    this.dead = null;
    this.process.on("error", (e) => this.fail(`cannot start ${this.description}: ${e.message}`));
    this.process.on("exit", (code, signal) => this.fail(`${this.description} exited (${signal ?? code})`));
    createInterface({ input: this.process.stdout }).on("line", (line) => {
      if (!line.startsWith(MARKER)) return void this.output.push(line);
      const answer = JSON.parse(line.slice(MARKER.length));
      // runner.py prints the program's output itself; runner.mjs returns it captured.
      answer.stdout ??= this.output.map((l) => l + "\n").join("");
      this.output = [];
      this.waiting.shift().resolve(answer);
    });
  }
  fail(message) {
    this.dead ??= message;
    for (const w of this.waiting.splice(0)) w.resolve({ ms: null, stdout: "", error: message });
  }
  request(message) {
    if (this.dead) return Promise.resolve({ ms: null, stdout: "", error: this.dead });
    return new Promise((resolve) => {
      this.waiting.push({ resolve });
      this.process.stdin.write(JSON.stringify(message) + "\n");
    });
  }
  close() {
    this.process.removeAllListeners("exit");
    this.process.stdin.end();
  }
}

const runnerPy = join(here, "runner.py");
const runnerMjs = join(here, "runner.mjs");
const hostCommand = {
  python: [python, [runnerPy]],
  native: [native, [runnerPy]],
  node26: [process.execPath, [runnerMjs, ...(peers ? ["--peers", peers] : [])]],
  node20: [node20, [runnerMjs]],
};
const children = {};
const child = (host) => (children[host] ??= new Child(...hostCommand[host]));
const run = (r, mode, source) => child(r.host).request({ runtime: r.runtime, mode, source });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const geomean = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : null);
const failures = [];
const began = performance.now();
const log = (line) => process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

// ---- programs ----
const programDir = join(here, "programs");
const programs = readdirSync(programDir)
  .filter((f) => f.endsWith(".py"))
  .sort()
  .map((file) => {
    const text = readFileSync(join(programDir, file), "utf8");
    const size = /^N = (\d+)\s+# quick: (\d+)$/m.exec(text);
    if (!size) throw new Error(`${file}: no line "N = <size>  # quick: <size>"`);
    const n = Number(quick ? size[2] : size[1]);
    return { name: basename(file, ".py"), n, source: text.replace(size[0], `N = ${n}`) };
  });

// ---- cpu ----
const cpuSamples = {};
const cpuErrors = {};
const checksums = {};
log(`cpu: ${programs.length} programs x ${RUNTIMES.length} runtimes, ${rounds} rounds after a warm-up`);
for (let round = -1; round < rounds; round++) {
  for (const p of programs) {
    for (const r of RUNTIMES) {
      if (cpuErrors[r.id]?.[p.name]) continue;
      const answer = await run(r, "cpu", p.source);
      const bad = answer.error ?? (r.id !== "cpython" && answer.stdout !== checksums[p.name] ? `output differs from CPython's: ${JSON.stringify(answer.stdout.slice(0, 200))}, CPython: ${JSON.stringify(checksums[p.name])}` : null);
      if (r.id === "cpython" && !answer.error) checksums[p.name] ??= answer.stdout;
      if (bad) {
        (cpuErrors[r.id] ??= {})[p.name] = bad;
        if (r.kind !== "peer") failures.push(`${r.id} ${p.name}: ${bad}`);
        continue;
      }
      if (round >= 0) ((cpuSamples[r.id] ??= {})[p.name] ??= []).push(answer.ms);
    }
  }
  log(`  round ${round < 0 ? "warm-up" : round + 1} done`);
}
const cpuResults = {};
const cpuGeomean = {};
for (const r of RUNTIMES) {
  cpuResults[r.id] = {};
  const ratios = [];
  for (const p of programs) {
    const error = cpuErrors[r.id]?.[p.name];
    if (error) {
      cpuResults[r.id][p.name] = { error };
      continue;
    }
    const samples = cpuSamples[r.id][p.name];
    const ms = median(samples);
    const ratio = ms / median(cpuSamples.cpython[p.name]);
    ratios.push(ratio);
    cpuResults[r.id][p.name] = { ms, ratio, samples };
  }
  cpuGeomean[r.id] = ratios.length === programs.length ? geomean(ratios) : null;
}
// The backends' CPU cost over the plain build, same engine's run (Node 26).
const cpuGeomeanToPlain = {};
for (const r of RUNTIMES) {
  const ratios = programs.map((p) => cpuResults[r.id][p.name].ms / cpuResults["node26/plain"][p.name].ms);
  cpuGeomeanToPlain[r.id] = ratios.every(Number.isFinite) ? geomean(ratios) : null;
}

// ---- suspend ----
const CALLS = ["sleep", "input", "call"];
const STACKSWITCH_BODIES = { sleep: "time.sleep(0)", input: "input()", call: 'host.call("ping")' };
/** What a runtime's loop body is for each call, or why it has none. */
const bodies = (r) => {
  if (r.kind === "stackswitch" && r.host.startsWith("node") && r.runtime !== "plain") return { header: "import time, host", ...STACKSWITCH_BODIES };
  if (r.host === "python" || r.host === "native")
    return {
      header: "import time",
      sleep: "time.sleep(0)",
      input: { na: "input() would read the runner's protocol pipe; not measured" },
      call: { na: "no host.call outside a JS engine" },
    };
  if (r.runtime === "pyodide")
    return {
      header: "from pyodide.ffi import run_sync\nimport benchhost",
      sleep: { na: "Pyodide's time.sleep blocks the thread; it does not suspend" },
      input: { na: "Pyodide's input() calls a synchronous stdin callback; it does not suspend" },
      call: "run_sync(benchhost.ping())",
    };
  if (r.runtime === "plain") {
    const none = { na: "the plain build (no JSPI, no Asyncify, main thread) cannot suspend: it is the CPU baseline" };
    return { header: "", sleep: none, input: none, call: none };
  }
  const none = { na: "no synchronous suspension: MicroPython's wasm only awaits JS promises in async code" };
  return { header: "", sleep: none, input: none, call: none };
};
const loop = (header, depth, body) => `${header}
def nop():
    return None
def at_depth(n):
    if n > 1:
        return at_depth(n - 1)
    for _ in range(${iterations}):
        ${body}
at_depth(${depth})
`;
const suspendSamples = {};
log(`suspend: ${iterations} calls per sample at depths ${DEPTHS.join(", ")}`);
for (let round = -1; round < rounds; round++) {
  for (const depth of DEPTHS) {
    for (const r of RUNTIMES) {
      const b = bodies(r);
      const kinds = ["none", ...CALLS.filter((c) => typeof b[c] === "string")];
      if (kinds.length === 1) continue;
      for (const kind of kinds) {
        const key = `${kind}/${depth}`;
        if (suspendSamples[r.id]?.[key] === "error") continue;
        const answer = await run(r, "suspend", loop(b.header, depth, kind === "none" ? "nop()" : b[kind]));
        if (answer.error) {
          (suspendSamples[r.id] ??= {})[key] = "error";
          ((cpuErrors[r.id] ??= {}).suspend ??= {})[key] = answer.error;
          if (r.kind !== "peer") failures.push(`${r.id} suspend ${key}: ${answer.error}`);
          continue;
        }
        if (round >= 0) ((suspendSamples[r.id] ??= {})[key] ??= []).push(answer.ms);
      }
    }
  }
  log(`  round ${round < 0 ? "warm-up" : round + 1} done`);
}
const suspendResults = {};
for (const r of RUNTIMES) {
  const b = bodies(r);
  suspendResults[r.id] = {};
  for (const call of CALLS) {
    if (typeof b[call] !== "string") {
      suspendResults[r.id][call] = b[call];
      continue;
    }
    const perDepth = {};
    for (const depth of DEPTHS) {
      const samples = suspendSamples[r.id]?.[`${call}/${depth}`];
      const baseline = suspendSamples[r.id]?.[`none/${depth}`];
      if (!Array.isArray(samples) || !Array.isArray(baseline)) {
        perDepth[depth] = { error: cpuErrors[r.id]?.suspend?.[`${call}/${depth}`] ?? cpuErrors[r.id]?.suspend?.[`none/${depth}`] ?? "failed" };
        continue;
      }
      const ms = median(samples);
      const baselineMs = median(baseline);
      perDepth[depth] = { us: ((ms - baselineMs) * 1000) / iterations, ms, baseline_ms: baselineMs };
    }
    suspendResults[r.id][call] = perDepth;
  }
}
for (const c of Object.values(children)) c.close();

// ---- startup ----
/** Time from spawning `command` to its first byte of output. */
const firstOutput = (command, argv) =>
  new Promise((resolve) => {
    const start = performance.now();
    const p = spawn(command, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let first = null;
    let text = "";
    p.stdout.on("data", (d) => {
      first ??= performance.now() - start;
      text += d;
    });
    p.on("error", (e) => resolve({ error: e.message }));
    p.on("close", (code) => resolve(code === 0 ? { ms: first, text } : { error: `exit ${code}` }));
  });
const startupSamples = {};
const startupErrors = {};
log("startup: a fresh process per sample");
for (let round = quick ? 0 : -1; round < rounds; round++) {
  for (const r of RUNTIMES) {
    if (startupErrors[r.id]) continue;
    let answer;
    if (r.host === "python" || r.host === "native") answer = await firstOutput(hostCommand[r.host][0], ["-c", 'print("ready")']);
    else {
      const [command, argv] = hostCommand[r.host];
      answer = await firstOutput(command, [...argv, "--startup", r.runtime]);
      if (answer.ms != null) answer.ms = JSON.parse(answer.text).ms;
    }
    if (answer.error || answer.ms == null) {
      startupErrors[r.id] = answer.error ?? "no output";
      if (r.kind !== "peer") failures.push(`${r.id} startup: ${startupErrors[r.id]}`);
    } else if (round >= 0) (startupSamples[r.id] ??= []).push(answer.ms);
  }
}
const startup = {};
for (const r of RUNTIMES) {
  const measure = r.host === "python" || r.host === "native" ? "process spawn to first output" : "module import to first output, in a fresh Node process";
  startup[r.id] = startupErrors[r.id] ? { error: startupErrors[r.id] } : { ms: median(startupSamples[r.id]), samples: startupSamples[r.id], measure };
}

// ---- size ----
const web = join(here, "..");
const SIZES = [
  ["node26/jspi", join(web, "jspi/stackswitch_jspi_bg.wasm")],
  ["asyncify", join(web, "asyncify/stackswitch_asyncify.wasm")],
  ["node26/plain (the Asyncify build without the pass)", join(web, "asyncify/stackswitch_asyncify_plain.wasm")],
  ["worker", join(web, "worker/stackswitch_worker.wasm")],
  ...(peers
    ? [
        ["node26/pyodide", join(peers, "pyodide/pyodide.asm.wasm")],
        ["node26/pyodide (start: wasm + stdlib zip + JS)", [join(peers, "pyodide/pyodide.asm.wasm"), join(peers, "pyodide/python_stdlib.zip"), join(peers, "pyodide/pyodide.asm.mjs"), join(peers, "pyodide/pyodide.mjs")]],
        ["node26/micropython", join(peers, "@micropython/micropython-webassembly-pyscript/micropython.wasm")],
      ]
    : []),
];
mkdirSync(out, { recursive: true });
log("size: raw, gzip -9, brotli 11");
// Brotli at quality 11 takes ~1 s per MB, so each file's sizes are kept in --out keyed
// by its path, length and mtime (Pyodide's 13 MB would otherwise cost a minute a run).
const sizeCachePath = join(out, "size-cache.json");
let sizeCache = {};
try {
  sizeCache = JSON.parse(readFileSync(sizeCachePath, "utf8"));
} catch {
  // no cache yet
}
const compressed = (file) => {
  const { size: length, mtimeMs } = statSync(file);
  const key = `${file} ${length} ${mtimeMs}`;
  if (!sizeCache[key]) {
    const bytes = readFileSync(file);
    sizeCache[key] = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    };
  }
  return sizeCache[key];
};
const size = [];
for (const [runtime, files] of SIZES) {
  const list = [files].flat();
  if (!list.every(existsSync)) continue;
  const entry = { runtime, file: list.map((f) => basename(f)).join(" + "), raw: 0, gzip: 0, brotli: 0 };
  for (const f of list) {
    const one = compressed(f);
    for (const k of ["raw", "gzip", "brotli"]) entry[k] += one[k];
  }
  size.push(entry);
}

// ---- versions, machine ----
const versionOf = async (command, argv) => (await firstOutput(command, argv)).text?.trim() ?? "unavailable";
const packageVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(peers, name, "package.json"), "utf8")).version;
  } catch {
    return "not installed";
  }
};
const engines = {
  node26: process.version,
  node20: await versionOf(node20, ["--version"]),
  python3: await versionOf(python, ["--version"]),
  pyodide: packageVersion("pyodide"),
  micropython: packageVersion("@micropython/micropython-webassembly-pyscript"),
};
const machine = { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown", os: `${type()} ${release()}` };

const report = {
  schema: "stackswitch-bench/1",
  date: new Date().toISOString(),
  quick,
  rounds,
  iterations,
  machine,
  engines,
  runtimes: RUNTIMES.map(({ id, label, engine, kind }) => ({ id, label, engine, kind })),
  cpu: { programs: programs.map((p) => ({ name: p.name, n: p.n, checksum: checksums[p.name] ?? null })), results: cpuResults, geomean: cpuGeomean, geomean_to_plain: cpuGeomeanToPlain },
  suspend: { depths: DEPTHS, iterations, results: suspendResults },
  startup,
  size,
  failures,
};
writeFileSync(sizeCachePath, JSON.stringify(sizeCache, null, 1) + "\n");
writeFileSync(join(out, "bench.json"), JSON.stringify(report, null, 2) + "\n");
writeFileSync(join(out, "bench.md"), markdown(report));
if (peers) writeFileSync(join(out, "bench.svg"), await chart(report));
else log("no --peers folder: no chart (vega is installed there)");
process.stdout.write(markdown(report));
if (failures.length) {
  log(`bench FAILED:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
process.exit(0);

/** The markdown tables (what README "Benchmark" embeds). */
function markdown(rep) {
  const label = Object.fromEntries(rep.runtimes.map((r) => [r.id, r.label]));
  const ids = rep.runtimes.map((r) => r.id);
  // An error's last line says what it was (a traceback's first line never does).
  const short = (text) => text.trim().split("\n").at(-1).slice(0, 100).replace(/\|/g, "/");
  const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
  const lines = [];
  lines.push(`Run ${rep.date.slice(0, 16)}Z${rep.quick ? " (--quick)" : ""}: ${rep.machine.nproc} cores, ${rep.machine.cpu}; ` +
    `Node ${rep.engines.node26} and ${rep.engines.node20}, ${rep.engines.python3}, Pyodide ${rep.engines.pyodide}, MicroPython ${rep.engines.micropython}; ` +
    `medians of ${rep.rounds} interleaved rounds.`, "");
  lines.push("CPU-bound, ms (ratio to CPython in this run):", "");
  lines.push(`| program | ${ids.map((id) => label[id]).join(" | ")} |`, `|---|${ids.map(() => "---").join("|")}|`);
  for (const p of rep.cpu.programs) {
    const cells = ids.map((id) => {
      const c = rep.cpu.results[id][p.name];
      return c.error ? `– (${short(c.error)})` : `${ms(c.ms)} (${c.ratio.toFixed(2)}x)`;
    });
    lines.push(`| ${p.name} (N=${p.n}) | ${cells.join(" | ")} |`);
  }
  lines.push(`| **geomean ratio** | ${ids.map((id) => (rep.cpu.geomean[id] == null ? "–" : `**${rep.cpu.geomean[id].toFixed(2)}x**`)).join(" | ")} |`);
  lines.push(`| geomean ratio to Node 26 plain | ${ids.map((id) => (rep.cpu.geomean_to_plain[id] == null ? "–" : `${rep.cpu.geomean_to_plain[id].toFixed(2)}x`)).join(" | ")} |`, "");
  lines.push(`µs per blocking call (${rep.suspend.iterations} calls per sample, minus the same loop calling a Python function), at Python call depth ${rep.suspend.depths.join(" / ")}:`, "");
  lines.push("| runtime | `time.sleep(0)` | `input()` | `host.call` (Pyodide: `run_sync`) |", "|---|---|---|---|");
  const notes = new Map();
  for (const id of ids) {
    const cells = ["sleep", "input", "call"].map((call) => {
      const c = rep.suspend.results[id][call];
      if (c.na) {
        if (!notes.has(c.na)) notes.set(c.na, notes.size + 1);
        return `n/a [${notes.get(c.na)}]`;
      }
      return rep.suspend.depths.map((d) => (c[d].error ? "error" : c[d].us.toFixed(1))).join(" / ");
    });
    lines.push(`| ${label[id]} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  for (const [note, n] of notes) lines.push(`[${n}] ${note}.  `);
  lines.push("", "Startup, ms (median):", "", "| runtime | first output | measured as |", "|---|---|---|");
  for (const id of ids) {
    const s = rep.startup[id];
    lines.push(`| ${label[id]} | ${s.error ? `– (${short(s.error)})` : s.ms.toFixed(1)} | ${s.measure ?? ""} |`);
  }
  lines.push("", "Download size, bytes:", "", "| runtime | file | raw | gzip -9 | brotli 11 |", "|---|---|---|---|---|");
  const n = (x) => x.toLocaleString("en-US");
  for (const s of rep.size) lines.push(`| ${s.runtime} | ${s.file} | ${n(s.raw)} | ${n(s.gzip)} | ${n(s.brotli)} |`);
  if (rep.failures.length) lines.push("", "**Failures:**", "", ...rep.failures.map((f) => `- ${f.split(":")[0]}: ${short(f.slice(f.indexOf(":") + 1))}`));
  return lines.join("\n") + "\n";
}

/** The SVG: CPU ratio per program per runtime, and µs per suspension per backend and depth. */
async function chart(rep) {
  const vega = await import(pathToFileURL(join(peers, "vega/build/vega.module.js")).href);
  const vl = await import(pathToFileURL(join(peers, "vega-lite/build/index.js")).href);
  const label = Object.fromEntries(rep.runtimes.map((r) => [r.id, r.label]));
  const cpu = [];
  for (const [id, perProgram] of Object.entries(rep.cpu.results)) {
    if (id === "cpython") continue;
    for (const [program, c] of Object.entries(perProgram)) if (c.ratio) cpu.push({ program, runtime: label[id], ratio: c.ratio, base: 1 });
    if (rep.cpu.geomean[id]) cpu.push({ program: "geomean", runtime: label[id], ratio: rep.cpu.geomean[id], base: 1 });
  }
  const suspend = [];
  const callName = { sleep: "time.sleep(0)", input: "input()", call: "host.call / run_sync" };
  for (const [id, calls] of Object.entries(rep.suspend.results))
    for (const [call, perDepth] of Object.entries(calls))
      for (const [depth, c] of Object.entries(perDepth)) if (c.us != null) suspend.push({ series: `${label[id]}: ${callName[call]}`, depth: `depth ${depth}`, us: Math.max(c.us, 0.1), base: 0.1 });
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    config: { font: "sans-serif", view: { stroke: null }, axis: { labelLimit: 400 }, legend: { labelLimit: 400 }, background: "white" },
    vconcat: [
      {
        title: `CPU-bound time as a ratio to CPython ${rep.engines.python3.replace("Python ", "")} (lower is better; log scale)`,
        data: { values: cpu },
        mark: "bar",
        width: 560,
        height: { step: 7 },
        encoding: {
          y: { field: "program", type: "nominal", title: null, sort: null },
          yOffset: { field: "runtime", sort: null },
          // A bar on a log scale needs an explicit start: CPython's 1x.
          x: { field: "ratio", type: "quantitative", scale: { type: "log" }, title: "x CPython" },
          x2: { field: "base" },
          color: { field: "runtime", sort: null, legend: { orient: "right", title: null } },
        },
      },
      {
        title: `µs per blocking call, answered at once (lower is better; log scale)`,
        data: { values: suspend },
        mark: "bar",
        width: 560,
        height: { step: 8 },
        encoding: {
          y: { field: "series", type: "nominal", title: null, sort: null },
          yOffset: { field: "depth", sort: null },
          x: { field: "us", type: "quantitative", scale: { type: "log" }, title: "µs (0.1 = at most 0.1)" },
          x2: { field: "base" },
          color: { field: "depth", sort: null, legend: { orient: "right", title: "Python call depth" } },
        },
      },
    ],
    resolve: { scale: { color: "independent" } },
  };
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
  return await view.toSVG();
}
