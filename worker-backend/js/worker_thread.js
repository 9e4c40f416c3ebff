// The worker backend's worker thread: one per session, in a Web Worker or a Node
// worker_threads Worker (same file). It instantiates the plain stackswitch-worker module
// (no Asyncify, no JSPI) and runs Python programs on its own thread, where blocking is
// allowed: the module's `stackswitch.suspend` import posts the request to the main thread
// and then blocks on the channel (channel.js) until the reply is there.
//
//   start {module, config, channel, hostFilesAt} ─► instantiate, stackswitch_session_new ─► ready
//   run {source} ─► stackswitch_session_run ... write: append to the output ring ...
//                   suspend: post request, block for the reply ... ─► done {result}
//   fs {op, path, data} ─► stackswitch_session_fs ─► fs-done {answer}   (between runs)
//
// Output: on the shared-memory channel every write is appended to the output ring
// (channel.js, "Output"), which the main thread reads even after it terminated this
// worker, so nothing printed before native code that never polls is lost; one `output`
// message tells the main thread to drain it. On the service-worker channel (no shared
// memory) each write is posted at once as a `write` message.

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

import { HOST_ERROR_INTERRUPTED, encodeSource, fileImports, readResult, sessionFs } from "../raw-abi/raw_abi.js";
import { OutputRingWriter, ServiceWorkerWait, SharedMemoryWait } from "./channel.js";

const isNode = typeof process !== "undefined" && process.versions?.node != null;
const port = isNode ? (await import("node:worker_threads")).parentPort : self;

const fromUtf8 = new TextDecoder("utf-8", { fatal: false });

function post(message, transfer = []) {
  port.postMessage(message, transfer);
}

/** The shared-memory channel's output ring, or null (service-worker channel). */
let output = null;

let exports;
let session;
let channel;
let seq = 0;
let reply = null;

/** The module's imports: `suspend` blocks this thread until the main thread answered;
 *  `file` (host files only) is answered here, by node:fs on this thread. */
function imports(fileRequest) {
  const memory = () => new Uint8Array(exports.memory.buffer);
  return {
    suspend(kind, ptr, len) {
      seq += 1;
      const bytes = memory().slice(ptr, ptr + len);
      post({ type: "request", seq, kind, bytes }, [bytes.buffer]);
      reply = channel.reply(seq, post);
      // This host error is the interrupt reaching a pending request.
      if (reply[0] === 1 && reply[1] === HOST_ERROR_INTERRUPTED) post({ type: "interrupt-taken" });
      return reply.length;
    },
    reply(ptr) {
      memory().set(reply, ptr);
      reply = null;
    },
    write(stream, ptr, len) {
      if (!len) return;
      if (output) output.write(stream === 0 ? 0 : 1, memory().subarray(ptr, ptr + len));
      else post({ type: "write", stream: stream === 0 ? "stdout" : "stderr", text: fromUtf8.decode(memory().subarray(ptr, ptr + len)) });
    },
    now(clock) {
      return clock === 0 ? Date.now() / 1000 : performance.now() / 1000;
    },
    // 0 go on, 1 interrupt; never 2 (yield): this thread blocks nobody.
    poll() {
      if (!channel.interrupted()) return 0;
      post({ type: "interrupt-taken" });
      return 1;
    },
    ...fileImports(memory, fileRequest),
  };
}

/** Report what escaped the module, and stop for good. */
function fatal(error) {
  post({ type: "fatal", message: String(error?.message ?? error), stackOverflow: error instanceof RangeError });
  if (isNode) process.exit(1);
  else self.close();
}

async function start({ module, config, channel: description, hostFilesAt }) {
  channel = description.kind === "shared-memory" ? new SharedMemoryWait(description) : new ServiceWorkerWait(description);
  if (description.output) output = new OutputRingWriter(description.output, post);
  const fileRequest = hostFilesAt == null ? null : (await import("../node_files.js")).nodeFileRequest(hostFilesAt);
  const instance = await WebAssembly.instantiate(module, { stackswitch: imports(fileRequest) });
  exports = instance.exports;
  // An embedder's build registers its Rust modules here (stackswitch::session_setup!).
  exports.stackswitch_init?.();
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
  const { bytes, fileBytes } = encodeSource(source);
  const ptr = exports.stackswitch_alloc(bytes.length);
  new Uint8Array(exports.memory.buffer).set(bytes, ptr);
  const result = readResult(exports.memory, await runExport(session, ptr, bytes.length, fileBytes));
  exports.stackswitch_free(ptr, bytes.length);
  post({ type: "done", result });
}

async function receive(message) {
  try {
    if (message.type === "start") await start(message);
    else if (message.type === "run") await run(message);
    else if (message.type === "fs") {
      const answer = sessionFs(exports, session, message.op, message.path, message.data);
      post({ type: "fs-done", answer }, [answer.buffer]);
    }
  } catch (error) {
    fatal(error);
  }
}

if (isNode) port.on("message", receive);
else port.onmessage = (event) => receive(event.data);
