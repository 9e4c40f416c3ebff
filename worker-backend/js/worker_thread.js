// The worker backend's worker thread: one per session, in a Web Worker or a Node
// worker_threads Worker (same file). It instantiates the plain stackswitch-worker module
// (no Asyncify, no JSPI) and runs Python programs on its own thread, where blocking is
// allowed: the module's `stackswitch.suspend` import posts the request to the main thread
// and then blocks on the channel (channel.js) until the reply is there.
//
//   start {module, config, channel} ─► instantiate, stackswitch_session_new ─► ready
//   run {source} ─► stackswitch_session_run ... suspend: flush output, post request,
//                   block for the reply ... ─► flush output ─► done {result}
//
// Output is posted at once when nothing was posted in the last OUTPUT_FLUSH_MS (so a
// print before a long native computation that never polls still shows), and otherwise
// buffered until the buffer is OUTPUT_FLUSH_MS old (checked in write and poll)
// or OUTPUT_FLUSH_BYTES large, before every request, and at the end of a run: a
// print-heavy loop costs a message per 16 ms, not one per print. Consecutive writes to
// the same stream are joined; the order across streams is kept.
//
// Stack: where the engine has JSPI, the run export is called through
// `WebAssembly.promising` although nothing ever suspends: only so that the wasm runs on
// JSPI's own stack (984 KiB in V8) instead of the worker thread's, which Chromium makes
// much smaller than a page's (measured: Python recursion ended between depth 900 and
// 1000 there, below CPython's limit of 1000; on JSPI's stack past 2500). The suspend
// import still blocks synchronously inside it. Elsewhere the thread's own stack is used
// (Node: 8 MB, see stackswitch_worker.js).
//
// Invariant: anything that escapes the module (a trap, the engine's stack overflow, a
// protocol error of the channel) is reported once as `fatal` and the worker stops: its
// memory may be inconsistent, so it never runs another program.

import { readResult } from "../raw-abi/raw_abi.js";
import { ServiceWorkerWait, SharedMemoryWait } from "./channel.js";

const OUTPUT_FLUSH_MS = 16;
const OUTPUT_FLUSH_BYTES = 8192;

const isNode = typeof process !== "undefined" && process.versions?.node != null;
const port = isNode ? (await import("node:worker_threads")).parentPort : self;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: false });

function post(message, transfer = []) {
  port.postMessage(message, transfer);
}

/** Output waiting to be posted: [stream, text] runs, oldest first; when the oldest came,
 * and when output was last posted. */
const output = { runs: [], bytes: 0, since: 0, posted: -Infinity };

function write(stream, text) {
  const last = output.runs[output.runs.length - 1];
  if (last && last[0] === stream) last[1] += text;
  else output.runs.push([stream, text]);
  const now = performance.now();
  if (output.bytes === 0) output.since = now;
  output.bytes += text.length;
  if (output.bytes > OUTPUT_FLUSH_BYTES || now - output.posted > OUTPUT_FLUSH_MS) flushOutput();
  else flushOutputIfOld();
}

function flushOutputIfOld() {
  if (output.bytes && performance.now() - output.since > OUTPUT_FLUSH_MS) flushOutput();
}

function flushOutput() {
  if (!output.bytes) return;
  for (const [stream, text] of output.runs) post({ type: "write", stream, text });
  output.runs = [];
  output.bytes = 0;
  output.posted = performance.now();
}

let exports;
let session;
let channel;
let seq = 0;
let reply = null;

/** The module's imports: `suspend` blocks this thread until the main thread answered. */
function imports() {
  const memory = () => new Uint8Array(exports.memory.buffer);
  return {
    suspend(kind, ptr, len) {
      flushOutput();
      seq += 1;
      const bytes = memory().slice(ptr, ptr + len);
      post({ type: "request", seq, kind, bytes }, [bytes.buffer]);
      reply = channel.reply(seq, post);
      // A host error of kind 0 is the interrupt reaching a pending request.
      if (reply[0] === 1 && reply[1] === 0) post({ type: "interrupt-taken" });
      return reply.length;
    },
    reply(ptr) {
      memory().set(reply, ptr);
      reply = null;
    },
    write(stream, ptr, len) {
      write(stream === 0 ? "stdout" : "stderr", fromUtf8.decode(memory().subarray(ptr, ptr + len)));
    },
    now(clock) {
      return clock === 0 ? Date.now() / 1000 : performance.now() / 1000;
    },
    // 0 go on, 1 interrupt; never 2 (yield): this thread blocks nobody.
    poll() {
      flushOutputIfOld();
      if (!channel.interrupted()) return 0;
      post({ type: "interrupt-taken" });
      return 1;
    },
  };
}

/** Report what escaped the module, and stop for good. */
function fatal(error) {
  flushOutput();
  post({ type: "fatal", message: String(error?.message ?? error), stackOverflow: error instanceof RangeError });
  if (isNode) process.exit(1);
  else self.close();
}

async function start({ module, config, channel: description }) {
  channel = description.kind === "shared-memory" ? new SharedMemoryWait(description) : new ServiceWorkerWait(description);
  const instance = await WebAssembly.instantiate(module, { stackswitch: imports() });
  exports = instance.exports;
  const ptr = exports.stackswitch_alloc(config.length);
  new Uint8Array(exports.memory.buffer).set(config, ptr);
  session = exports.stackswitch_session_new(ptr, config.length);
  exports.stackswitch_free(ptr, config.length);
  if (!session) throw new Error("could not create a session (malformed config)");
  post({ type: "ready" });
}

/** `stackswitch_session_run`, on JSPI's separate stack where the engine has JSPI. */
let runExport;

async function run({ source }) {
  runExport ??= typeof WebAssembly.promising === "function" && !isNode
    ? WebAssembly.promising(exports.stackswitch_session_run)
    : exports.stackswitch_session_run;
  const bytes = utf8.encode(source);
  const ptr = exports.stackswitch_alloc(bytes.length);
  new Uint8Array(exports.memory.buffer).set(bytes, ptr);
  const result = readResult(exports.memory, await runExport(session, ptr, bytes.length));
  exports.stackswitch_free(ptr, bytes.length);
  flushOutput();
  post({ type: "done", result });
}

async function receive(message) {
  try {
    if (message.type === "start") await start(message);
    else if (message.type === "run") await run(message);
  } catch (error) {
    fatal(error);
  }
}

if (isNode) port.on("message", receive);
else port.onmessage = (event) => receive(event.data);
