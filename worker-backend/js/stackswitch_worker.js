// stackswitch-worker's main-thread half: what runtime/stackswitch.js loads for
// `backend: "worker"` (same shape as the other backends' glue: a default `init` that
// compiles the module once, and a `Session` class). Each Session is one worker thread
// (worker_thread.js) running the plain module; this side answers its requests with the
// runtime's bridge — the same host handlers as every other backend — and never blocks.
//
//   create ─► spawn worker_thread.js, post start {module, config, channel, hostFilesAt} ─► "ready"
//   run    ─► post run {source}; then, per message of the worker:
//                output    ─► drain the output ring: bridge.write(stream, text) (in order)
//                write     ─► bridge.write(stream, text)  (service-worker channel)
//                request   ─► drain; answerRequest(bridge, ...) ─► channel.sendReply(seq, bytes)
//                taken     ─► channel.chunkTaken(seq)                    (next chunk)
//                done      ─► drain; the run's result
//                fatal, or the worker dies ─► drain; the run rejects; the session is unusable
//   interrupt ─► the pending request (if any) is rejected by the runtime with
//                KeyboardInterrupt, else the channel's interrupt word is raised for
//                its polls; if the worker takes neither within interruptGraceMs
//                (native code that never polls), the worker is terminated, and
//                what it had written is drained from the ring before the run ends
//
// Channels (protocol and layout: channel.js): "shared-memory" (SharedArrayBuffer +
// Atomics.wait: Node, cross-origin-isolated pages) or "service-worker" (synchronous XHR
// answered by service_worker.js: pages without isolation). runtime/stackswitch.js picks
// one in detect() and passes it as `options.workerChannel`.
//
// Invariants:
// 1. At most one reply is in flight per session, and it answers the worker's latest
//    request (the worker is blocked on exactly that one).
// 2. A worker that reported `fatal`, raised an error, exited or was terminated is never
//    used again; its run rejects with an Error (the runtime turns that into a fatal
//    result), and later sessions start their own worker.
// 3. Output the worker wrote reaches the bridge before the request, result or failure
//    that followed it: the ring is drained before each is acted on (channel.js, "Output").

import { HOST_ERROR_INTERRUPTED, answerRequest, encodeConfig } from "../raw-abi/raw_abi.js";
import { DEFAULT_CAPACITY, STARTUP_TIMEOUT_MS, ServiceWorkerChannel, SharedMemoryChannel } from "./channel.js";

const isNode = typeof process !== "undefined" && process.versions?.node != null;

/** How long a running worker may take to act on interrupt() before it is terminated. */
const INTERRUPT_GRACE_MS = 1000;

let compiled = null;

/** Compile the module once; `module_or_path` is its bytes, a URL, or a compiled Module. */
export default async function init({ module_or_path } = {}) {
  if (compiled) return compiled;
  const source = module_or_path ?? new URL("./stackswitch_worker.wasm", import.meta.url);
  if (source instanceof WebAssembly.Module) compiled = source;
  else if (typeof source === "string" || source instanceof URL) compiled = await WebAssembly.compile(await (await fetch(source)).arrayBuffer());
  else compiled = await WebAssembly.compile(source);
  return compiled;
}

/** The page's service worker registration, once active (service-worker channel), by script URL. */
const serviceWorkers = new Map();

/**
 * Register (once per page) the service worker that answers this backend's XHRs:
 * service_worker.js beside this file, or the page's own script (`serviceWorkerUrl`: one
 * that `importScripts` service_worker.js and adds, say, offline caching — a page has one
 * service worker per scope, and the worker threads must be inside its scope).
 */
function activeServiceWorker(url = new URL("./service_worker.js", import.meta.url).href) {
  if (serviceWorkers.has(url)) return serviceWorkers.get(url);
  const active = (async () => {
    const registration = await navigator.serviceWorker.register(url);
    const candidate = registration.active ?? registration.waiting ?? registration.installing;
    if (candidate.state !== "activated") {
      await new Promise((resolve, reject) => {
        candidate.addEventListener("statechange", () => {
          if (candidate.state === "activated") resolve();
          if (candidate.state === "redundant") reject(new Error("stackswitch: service_worker.js failed to install"));
        });
      });
    }
    return { worker: candidate, scope: registration.scope };
  })();
  serviceWorkers.set(url, active);
  return active;
}

let channels = 0;

/** A thread to run the worker script on: a Web Worker or a Node worker_threads Worker. */
async function spawnThread(onMessage, onDeath) {
  const url = new URL("./worker_thread.js", import.meta.url);
  if (isNode) {
    const { Worker } = await import("node:worker_threads");
    // 8 MB of JS stack (the default is 4): the plain module's eval loop takes ~1 KB of
    // it per Python call, so Python's recursion limit fits with room.
    const thread = new Worker(url, { resourceLimits: { stackSizeMb: 8 } });
    thread.on("message", onMessage);
    thread.on("error", (error) => onDeath(`the worker thread failed: ${error?.message ?? error}`));
    thread.on("exit", (code) => onDeath(`the worker thread exited (code ${code})`));
    return { thread, post: (m, t) => thread.postMessage(m, t), terminate: () => thread.terminate(), ref: (on) => (on ? thread.ref() : thread.unref()) };
  }
  const thread = new Worker(url, { type: "module" });
  thread.onmessage = (event) => onMessage(event.data);
  thread.onerror = (event) => {
    event.preventDefault?.();
    onDeath(`the worker failed: ${event.message ?? "error event"}`);
  };
  return { thread, post: (m, t) => thread.postMessage(m, t), terminate: () => thread.terminate(), ref: () => {} };
}

/**
 * One interpreter on its own worker thread. `bridge` is runtime/stackswitch.js's host side:
 * request(kind, payload) -> Promise, write(stream, text). Options: workerChannel
 * ("shared-memory" | "service-worker"), workerBufferSize (bytes of the shared data area),
 * interruptGraceMs.
 */
export class Session {
  #bridge;
  #thread = null;
  #channel;
  #started; // { resolve, reject } until "ready"
  #running = null; // { resolve, reject } of the run in progress
  #broken = null; // the Error that ended this worker
  #awaitingAnswer = false; // a request is with the bridge, not answered yet
  #interruptTimer = null;
  #terminating = null; // why the worker is being terminated, until it is gone
  #graceMs;
  #fsWaiting = []; // { resolve, reject } of file operations sent to the worker, in order

  /** This session's worker is its own: a failure discards nothing shared. */
  get ownsInstance() {
    return true;
  }

  /** "shared-memory" or "service-worker". */
  get channel() {
    return this.#channel.description.kind;
  }

  static async create(bridge, filename, argv, options = {}) {
    const session = new Session();
    session.#bridge = bridge;
    session.#graceMs = options.interruptGraceMs ?? INTERRUPT_GRACE_MS;
    const module = await init();
    if (options.workerChannel === "service-worker") {
      const { worker, scope } = await activeServiceWorker(options.serviceWorkerUrl);
      const id = `${Date.now().toString(36)}-${++channels}-${Math.random().toString(36).slice(2)}`;
      session.#channel = new ServiceWorkerChannel(worker, scope, id);
    } else {
      session.#channel = new SharedMemoryChannel(options.workerBufferSize ?? DEFAULT_CAPACITY);
    }
    session.#thread = await spawnThread((m) => session.#receive(m), (why) => session.#die(session.#terminating ?? why));
    const ready = new Promise((resolve, reject) => (session.#started = { resolve, reject }));
    const timeout = setTimeout(() => session.#die(`the worker did not start within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    // Host files are the worker thread's own node:fs calls, from the same start directory.
    const hostFilesAt = bridge.file ? bridge.filesAt : null;
    session.#thread.post({ type: "start", module, config: encodeConfig(filename, argv, options.limits, hostFilesAt != null, options.environ), channel: session.#channel.description, hostFilesAt });
    try {
      await ready;
    } finally {
      clearTimeout(timeout);
    }
    session.#thread.ref(false);
    return session;
  }

  #receive(message) {
    switch (message.type) {
      case "ready":
        this.#started?.resolve();
        this.#started = null;
        break;
      case "output":
        this.#drainOutput();
        break;
      case "write":
        this.#bridge.write(message.stream, message.text);
        break;
      case "request":
        this.#drainOutput();
        this.#answer(message);
        break;
      case "taken":
        this.#channel.chunkTaken(message.seq);
        break;
      case "interrupt-taken":
        clearTimeout(this.#interruptTimer);
        this.#bridge.interruptTaken();
        break;
      case "done": {
        this.#drainOutput();
        const running = this.#running;
        this.#finish();
        running?.resolve(message.result);
        break;
      }
      case "fs-done": {
        const waiting = this.#fsWaiting.shift();
        if (!this.#fsWaiting.length && !this.#running) this.#thread?.ref(false);
        waiting?.resolve(message.answer);
        break;
      }
      case "fatal": {
        const error = new Error(`stackswitch: worker session ended: ${message.message}`);
        error.stackOverflow = message.stackOverflow;
        this.#die(error);
        break;
      }
    }
  }

  #answer({ seq, kind, bytes }) {
    this.#awaitingAnswer = true;
    answerRequest(this.#bridge, kind, bytes).then((reply) => {
      this.#awaitingAnswer = false;
      if (this.#broken) return;
      // An interrupt raised for the worker's polls that this request took instead (the
      // runtime fails the request): lower it, or the next poll would raise it again. The
      // worker waits for this reply, so it cannot poll in between.
      if (reply[0] === 1 && reply[1] === HOST_ERROR_INTERRUPTED) this.#channel.clearInterrupt();
      this.#channel.sendReply(seq, reply);
    });
  }

  /** Program output the worker put in the shared-memory channel's ring, to the bridge. */
  #drainOutput() {
    this.#channel.output?.drain((stream, text) => this.#bridge.write(stream, text));
  }

  /** The worker is gone or unusable: fail what waits on it, and never use it again. */
  #die(why) {
    if (this.#broken) return;
    this.#broken = why instanceof Error ? why : new Error(`stackswitch: worker session ended: ${why}`);
    this.#thread?.terminate();
    this.#drainOutput();
    this.#started?.reject(this.#broken);
    this.#started = null;
    const running = this.#running;
    this.#finish();
    running?.reject(this.#broken);
    for (const waiting of this.#fsWaiting.splice(0)) waiting.reject(this.#broken);
  }

  #finish() {
    this.#running = null;
    clearTimeout(this.#interruptTimer);
    this.#thread?.ref(false);
  }

  /** Run `code`; resolves to `{ status, type?, message?, traceback? }`. */
  run(code) {
    if (this.#broken) return Promise.reject(this.#broken);
    this.#channel.clearInterrupt();
    this.#thread.ref(true);
    return new Promise((resolve, reject) => {
      this.#running = { resolve, reject };
      this.#thread.post({ type: "run", source: code });
    });
  }

  /** One embedder file operation, done by the worker between runs; resolves to its answer. */
  fs(op, path, data) {
    if (this.#broken) return Promise.reject(this.#broken);
    return new Promise((resolve, reject) => {
      this.#fsWaiting.push({ resolve, reject });
      this.#thread.ref(true); // a pending answer keeps Node alive, as a run does
      this.#thread.post({ type: "fs", op, path, data });
    });
  }

  /**
   * Called by the runtime's Session.interrupt() (which itself rejects a pending request).
   * Code that is running gets the interrupt word; if the worker acts on neither within
   * the grace period, it is terminated.
   */
  interrupt() {
    if (!this.#running || this.#broken) return;
    if (!this.#awaitingAnswer) this.#channel.interrupt();
    clearTimeout(this.#interruptTimer);
    this.#interruptTimer = setTimeout(async () => {
      if (!this.#running) return;
      // Stop it first (Node's terminate() settles once the thread is gone; a browser's
      // stops it at once), so the drain in #die sees everything it wrote.
      this.#terminating = `the worker did not respond to interrupt() within ${this.#graceMs} ms and was terminated`;
      await this.#thread?.terminate();
      this.#die(this.#terminating);
    }, this.#graceMs);
  }

  /** End the worker thread (the interpreter and its memory go with it). */
  free() {
    this.#thread?.terminate();
    this.#broken ??= new Error("stackswitch: session is closed");
  }
}
