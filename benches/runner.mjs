// The bench's runner for the runtimes hosted in a JS engine: stackswitch's backends
// (jspi, asyncify, worker, through the runtime's createSession; plain, the same
// interpreter without JSPI or Asyncify, CPU only) and the peers Pyodide
// and MicroPython (their npm packages, from the folder given by --peers). bench.mjs
// starts one per Node binary and sends one JSON request per line on stdin:
//   {"runtime": "jspi", "mode": "cpu" | "suspend", "source": "..."}
// and reads back, per request, exactly one line
//   @@bench-result@@ {"ms": <time of the run>, "stdout": "...", "error": "..." | null}
// "cpu" runs the program in the runtime's plain session; "suspend" in one whose handlers
// answer at once: time.sleep and input() with an already-resolved promise, host.call
// "ping" with a resolved null, and for Pyodide the JS function benchhost.ping (a
// resolved promise that run_sync awaits; run with runPythonAsync, which can suspend
// under JSPI).
//
// `runner.mjs --startup RUNTIME` instead measures one start: from just before the
// runtime's module is imported to the first output of `print("ready")`, in ms, printed
// as one JSON line; bench.mjs starts a fresh process for every sample.
//
// Invariant: only the protocol lines go to stdout; a runtime that cannot load answers
// every request with its error (the bench reports it instead of a figure).

import { createInterface } from "node:readline";

const MARKER = "@@bench-result@@";
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const peers = option("--peers");
const STACKSWITCH = new Set(["jspi", "asyncify", "worker"]);

/** Load one runtime: `{ run(mode, source) -> {stdout, error} }`, output captured. */
async function load(runtime, onFirstOutput = () => {}) {
  const captured = [];
  const collect = (text) => {
    captured.push(text);
    onFirstOutput();
  };
  const take = () => captured.splice(0).join("");
  if (STACKSWITCH.has(runtime)) {
    const { createSession } = await import("../stackswitch.js");
    const cpu = await createSession({ backend: runtime, stdout: collect, stderr: collect });
    let suspending;
    const sessionFor = async (mode) => {
      if (mode === "cpu") return cpu;
      suspending ??= await createSession({
        backend: runtime,
        stdout: collect,
        stderr: collect,
        sleep: () => Promise.resolve(),
        input: () => Promise.resolve("x"),
        functions: { ping: () => Promise.resolve(null) },
      });
      return suspending;
    };
    return {
      async run(mode, source) {
        const result = await (await sessionFor(mode)).run(source);
        const stdout = take();
        return { stdout, error: result.status === 0 ? null : result.traceback ?? `status ${result.status}` };
      },
    };
  }
  if (runtime === "plain") {
    // The baseline the backends are compared with: the interpreter optimised like the
    // Asyncify build but without the pass (asyncify/stackswitch_asyncify_plain.wasm),
    // driven by the Asyncify glue on the main thread. It cannot suspend: CPU only.
    const { readFileSync } = await import("node:fs");
    const glue = await import("../asyncify/stackswitch_asyncify.js?plain");
    await glue.default({ module_or_path: readFileSync(new URL("../asyncify/stackswitch_asyncify_plain.wasm", import.meta.url)) });
    const bridge = {
      request: () => Promise.reject(new Error("the plain build cannot suspend")),
      write: (_stream, text) => collect(text),
      now: () => performance.now() / 1000,
      poll: () => 0,
    };
    const session = await glue.Session.create(bridge, "main.py", ["main.py"]);
    return {
      async run(_mode, source) {
        const result = await session.run(source);
        return { stdout: take(), error: result.status === 0 ? null : result.traceback ?? `status ${result.status}` };
      },
    };
  }
  if (!peers) throw new Error("no --peers folder: the peers are installed by `cargo xtask bench`");
  if (runtime === "pyodide") {
    const { loadPyodide } = await import(`${peers}/pyodide/pyodide.mjs`);
    const py = await loadPyodide({ stdout: (t) => collect(t + "\n"), stderr: (t) => collect(t + "\n") });
    py.registerJsModule("benchhost", { ping: () => Promise.resolve(null) });
    return {
      async run(mode, source) {
        const globals = py.globals.get("dict")();
        globals.set("__name__", "__main__");
        try {
          if (mode === "suspend") await py.runPythonAsync(source, { globals });
          else py.runPython(source, { globals });
          return { stdout: take(), error: null };
        } catch (e) {
          return { stdout: take(), error: String(e.message ?? e) };
        } finally {
          globals.destroy();
        }
      },
    };
  }
  if (runtime === "micropython") {
    const { loadMicroPython } = await import(`${peers}/@micropython/micropython-webassembly-pyscript/micropython.mjs`);
    // Its default heap (1 MiB) is too small for the json program; 256 MiB as Pyodide's.
    const mp = await loadMicroPython({ heapsize: 256 * 1024 * 1024, stdout: (t) => collect(t + "\n"), stderr: (t) => collect(t + "\n") });
    return {
      async run(_mode, source) {
        try {
          mp.runPython(source);
          return { stdout: take(), error: null };
        } catch (e) {
          return { stdout: take(), error: `${e.type ?? e.name}: ${e.message}` };
        }
      },
    };
  }
  throw new Error(`unknown runtime ${runtime}`);
}

if (option("--startup")) {
  const runtime = option("--startup");
  const start = performance.now();
  let first;
  const loaded = await load(runtime, () => (first ??= performance.now()));
  const { error } = await loaded.run("cpu", 'print("ready")\n');
  if (error) throw new Error(error);
  process.stdout.write(JSON.stringify({ ms: first - start }) + "\n");
  process.exit(0);
}

const runtimes = new Map();
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { runtime, mode, source } = JSON.parse(line);
  let answer;
  try {
    if (!runtimes.has(runtime)) runtimes.set(runtime, load(runtime));
    const loaded = await runtimes.get(runtime);
    const start = performance.now();
    const { stdout, error } = await loaded.run(mode, source);
    answer = { ms: performance.now() - start, stdout, error };
  } catch (e) {
    answer = { ms: null, stdout: "", error: `cannot load ${runtime}: ${e.message ?? e}` };
  }
  process.stdout.write(`${MARKER} ${JSON.stringify(answer)}\n`);
}
process.exit(0);
