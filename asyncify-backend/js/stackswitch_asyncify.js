// stackswitch-asyncify's JS half: loads the asyncified wasm and drives its unwind/rewind
// loop. It takes the place of a wasm-bindgen glue file (same shape as
// `jspi/stackswitch_jspi.js` for runtime/stackswitch.js: a default `init` and a
// `Session` class), written by hand because this backend has no wasm-bindgen (see the
// header of asyncify-backend/src/lib.rs for why).
//
//   run(code):  result = stackswitch_session_run(session, src)
//               while asyncify state is UNWINDING:            (Python is waiting on the host)
//                 asyncify_stop_unwind()
//                 reply = await the request's promise           (encoded; never rejects)
//                 asyncify_start_rewind(buffer)
//                 result = stackswitch_session_run(session, src)  (rewinds to the suspend import,
//                                                                  which stops the rewind and
//                                                                  hands over the reply)
//
// Sessions: each Session is its own WebAssembly.Instance of the one compiled module, so
// its linear memory — Rust shadow stack, heap, Asyncify state and buffer — belongs to it
// alone. Any number of sessions may be suspended and resumed in any order.
//
// Invariants:
// 1. Between an unwind and its rewind nothing runs in the instance (only this file
//    reads its memory), and the rewind calls the export with the same arguments.
// 2. A request's promise is turned into reply bytes that never reject: handler failures
//    are encoded as host errors and become Python exceptions (answerRequest of
//    raw-abi/js/raw_abi.js; the format is stackswitch-raw-abi's src/wire.rs).
// 3. If the instance ever traps or throws (an Asyncify buffer overflow, an engine stack
//    overflow, an output handler that throws), the session is discarded and the run
//    rejects with a clear Error; nothing of another session is touched.

import { answerRequest, encodeConfig, encodeSource, fileImports, readResult, sessionFs } from "../raw-abi/raw_abi.js";

const NORMAL = 0;
const UNWINDING = 1;
const REWINDING = 2;

/** Bytes of a session's Asyncify buffer unless `asyncifyBufferSize` says otherwise: about
 * 10x the measured use at Python's recursion limit (~370 B per plain Python call, 365 KB
 * at depth 990; see README.md). Allocated per session, only touched as far as an unwind writes. */
const ASYNCIFY_BUFFER_SIZE = 4 * 1024 * 1024;

/** Its header (Binaryen's layout): u32 current (where the next saved frame goes, reset
 * before each unwind), u32 end (asyncify_stop_unwind traps once current passed it). */
const ASYNCIFY_HEADER = 8;

const fromUtf8 = new TextDecoder("utf-8", { fatal: false });

let compiled = null;

/** Compile the module once; `module_or_path` is its bytes, a URL, or a compiled Module. */
export default async function init({ module_or_path } = {}) {
  if (compiled) return compiled;
  let source = module_or_path ?? new URL("./stackswitch_asyncify.wasm", import.meta.url);
  if (source instanceof WebAssembly.Module) {
    compiled = source;
  } else if (typeof source === "string" || source instanceof URL) {
    const response = await fetch(source);
    compiled = await WebAssembly.compile(await response.arrayBuffer());
  } else {
    compiled = await WebAssembly.compile(source);
  }
  return compiled;
}

/**
 * One interpreter in its own instance. `bridge` is runtime/stackswitch.js's host side:
 * request(kind, payload) -> Promise, write(stream, text), now(clock), poll().
 */
export class Session {
  #ex;
  #handle;
  #asyncify; // address of the session's Asyncify buffer
  #asyncifySize;
  #pending = null; // Promise<Uint8Array> of the request being waited on
  #reply = null; // its bytes, from the rewind until reply() copied them
  #broken = null; // the Error that ended this instance
  #peak = 0; // most bytes of the Asyncify buffer one unwind has used

  /** `{ peak, size }`: the most bytes one unwind saved, and the buffer's capacity. */
  get asyncifyBufferUse() {
    const view = new DataView(this.#ex.memory.buffer);
    return { peak: this.#peak, size: view.getUint32(this.#asyncify + 4, true) - this.#asyncify - ASYNCIFY_HEADER };
  }

  /**
   * Instantiate (asynchronously: browsers refuse large synchronous instantiation).
   * `options.asyncifyBufferSize`: bytes for saved frames (default ASYNCIFY_BUFFER_SIZE).
   */
  static async create(bridge, filename, argv, options = {}) {
    const session = new Session();
    const instance = await WebAssembly.instantiate(await init(), { stackswitch: session.#imports(bridge) });
    // A module built without the Asyncify pass (the bench's plain baseline) runs
    // programs that never suspend; its state is always NORMAL.
    session.#ex = instance.exports.asyncify_get_state ? instance.exports : { ...instance.exports, asyncify_get_state: () => NORMAL };
    // An embedder's build registers its Rust modules here (stackswitch::session_setup!).
    instance.exports.stackswitch_init?.();
    session.#handle = session.#withBytes(encodeConfig(filename, argv, options.limits, !!bridge.file, options.environ), (ptr, len) => session.#ex.stackswitch_session_new(ptr, len));
    if (!session.#handle) throw new Error("stackswitch: could not create an asyncify session");
    // At least the header; Binaryen's checks then report an overflow.
    const size = Math.max(options.asyncifyBufferSize ?? ASYNCIFY_BUFFER_SIZE, ASYNCIFY_HEADER);
    session.#asyncify = session.#ex.stackswitch_alloc(size);
    session.#asyncifySize = size;
    new DataView(session.#ex.memory.buffer).setUint32(session.#asyncify + 4, session.#asyncify + size, true);
    return session;
  }

  #memory() {
    return new Uint8Array(this.#ex.memory.buffer);
  }

  #withBytes(bytes, use) {
    const ptr = this.#ex.stackswitch_alloc(bytes.length);
    this.#memory().set(bytes, ptr);
    try {
      return use(ptr, bytes.length);
    } finally {
      if (!this.#broken) this.#ex.stackswitch_free(ptr, bytes.length);
    }
  }

  #imports(bridge) {
    const text = (ptr, len) => fromUtf8.decode(this.#memory().subarray(ptr, ptr + len));
    return {
      suspend: (kind, ptr, len) => {
        if (this.#ex.asyncify_get_state() === REWINDING) {
          this.#ex.asyncify_stop_rewind();
          return this.#reply.length;
        }
        if (!this.#ex.asyncify_start_unwind) throw new Error("stackswitch: this build has no Asyncify pass and cannot suspend");
        this.#pending = answerRequest(bridge, kind, this.#memory().slice(ptr, ptr + len));
        // Saved frames start right after the header.
        new DataView(this.#ex.memory.buffer).setUint32(this.#asyncify, this.#asyncify + ASYNCIFY_HEADER, true);
        this.#ex.asyncify_start_unwind(this.#asyncify);
        return 0;
      },
      reply: (ptr) => {
        this.#memory().set(this.#reply, ptr);
        this.#reply = null;
      },
      write: (stream, ptr, len) => bridge.write(stream === 0 ? "stdout" : "stderr", text(ptr, len)),
      now: (clock) => bridge.now(clock === 0 ? "wall" : "monotonic"),
      poll: () => bridge.poll(),
      ...fileImports(() => this.#memory(), bridge.file),
    };
  }

  /** Run `code`; resolves to `{ status, type?, message?, traceback? }`. */
  async run(code) {
    if (this.#broken) throw this.#broken;
    const ex = this.#ex;
    const { bytes: source, fileBytes } = encodeSource(code);
    const ptr = ex.stackswitch_alloc(source.length);
    this.#memory().set(source, ptr);
    try {
      let result = this.#enter(() => ex.stackswitch_session_run(this.#handle, ptr, source.length, fileBytes));
      while (ex.asyncify_get_state() === UNWINDING) {
        this.#enter(() => ex.asyncify_stop_unwind(), "the suspended stack overflowed the session's Asyncify buffer", true);
        const used = new DataView(ex.memory.buffer).getUint32(this.#asyncify, true) - this.#asyncify - ASYNCIFY_HEADER;
        if (used > this.#peak) this.#peak = used;
        this.#reply = await this.#pending;
        this.#pending = null;
        ex.asyncify_start_rewind(this.#asyncify);
        result = this.#enter(() => ex.stackswitch_session_run(this.#handle, ptr, source.length, fileBytes));
      }
      return readResult(this.#ex.memory, result);
    } finally {
      if (!this.#broken) ex.stackswitch_free(ptr, source.length);
    }
  }

  /** One embedder file operation (raw_abi.js's sessionFs); never during a run. */
  fs(op, path, data) {
    if (this.#broken) throw this.#broken;
    return this.#enter(() => sessionFs(this.#ex, this.#handle, op, path, data));
  }

  /** This session's instance is its own: a failure discards nothing shared. */
  get ownsInstance() {
    return true;
  }

  /**
   * Call into the instance; if it traps or throws, the session is discarded. The error
   * keeps the engine's as `cause`; `stackOverflow` marks an Asyncify buffer overflow.
   */
  #enter(call, what, stackOverflow = false) {
    try {
      return call();
    } catch (error) {
      this.#broken = new Error(`stackswitch: asyncify session discarded: ${what ?? error?.message ?? error}`, { cause: error });
      this.#broken.stackOverflow = stackOverflow;
      throw this.#broken;
    }
  }

  /** Free the interpreter (the instance itself goes with the last reference). */
  free() {
    if (this.#handle && !this.#broken) {
      this.#ex.stackswitch_session_free(this.#handle);
      this.#ex.stackswitch_free(this.#asyncify, this.#asyncifySize);
    }
    this.#handle = null;
    this.#broken ??= new Error("stackswitch: session is closed");
  }
}
