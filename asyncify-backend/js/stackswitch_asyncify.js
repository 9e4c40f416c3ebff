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
//    are encoded as host errors and become Python exceptions (format: src/wire.rs).
// 3. If the instance ever traps or throws (an Asyncify buffer overflow, an engine stack
//    overflow, an output handler that throws), the session is discarded and the run
//    rejects with a clear Error; nothing of another session is touched.

const NORMAL = 0;
const UNWINDING = 1;
const REWINDING = 2;

const KINDS = ["input", "sleep", "fetch", "call"];
const ERROR_KINDS = ["Interrupted", "EndOfInput", "Network", "UnknownFunction", "Failed"];
const MAX_VALUE_DEPTH = 100;

const utf8 = new TextEncoder();
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

/** Appends little-endian values to a growing byte array (the encodings of src/wire.rs). */
class Writer {
  constructor() {
    this.bytes = new Uint8Array(64);
    this.length = 0;
  }
  reserve(n) {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  u8(v) {
    this.reserve(1);
    this.bytes[this.length++] = v;
  }
  u32(v) {
    this.reserve(4);
    new DataView(this.bytes.buffer).setUint32(this.length, v, true);
    this.length += 4;
  }
  i64(v) {
    this.reserve(8);
    new DataView(this.bytes.buffer).setBigInt64(this.length, v, true);
    this.length += 8;
  }
  f64(v) {
    this.reserve(8);
    new DataView(this.bytes.buffer).setFloat64(this.length, v, true);
    this.length += 8;
  }
  raw(bytes) {
    this.u32(bytes.length);
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  str(text) {
    this.raw(utf8.encode(String(text)));
  }
  value(v, depth) {
    if (depth > MAX_VALUE_DEPTH) throw new ReplyError("host reply nested too deeply");
    if (v === null || v === undefined) return this.u8(0);
    switch (typeof v) {
      case "boolean":
        this.u8(1);
        return this.u8(v ? 1 : 0);
      case "number":
        if (Number.isInteger(v) && Math.abs(v) < 9007199254740992) {
          this.u8(2);
          return this.i64(BigInt(v));
        }
        this.u8(3);
        return this.f64(v);
      case "string":
        this.u8(4);
        return this.str(v);
      case "object":
        if (Array.isArray(v)) {
          this.u8(5);
          this.u32(v.length);
          for (const item of v) this.value(item, depth + 1);
          return;
        }
        {
          const keys = Object.keys(v);
          this.u8(6);
          this.u32(keys.length);
          for (const key of keys) {
            this.str(key);
            this.value(v[key], depth + 1);
          }
        }
        return;
      default:
        throw new ReplyError("host reply is not JSON-like data");
    }
  }
  finish() {
    return this.bytes.slice(0, this.length);
  }
}

/** A reply the handler gave that does not fit the request: a Python OSError. */
class ReplyError extends Error {}

/** Reads the encodings of src/wire.rs from a byte range of linear memory. */
class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = 0;
  }
  u8() {
    return this.bytes[this.at++];
  }
  u32() {
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  i32() {
    const v = this.view.getInt32(this.at, true);
    this.at += 4;
    return v;
  }
  f64() {
    const v = this.view.getFloat64(this.at, true);
    this.at += 8;
    return v;
  }
  raw() {
    const n = this.u32();
    const bytes = this.bytes.slice(this.at, this.at + n);
    this.at += n;
    return bytes;
  }
  str() {
    return fromUtf8.decode(this.raw());
  }
  value() {
    switch (this.u8()) {
      case 0: return null;
      case 1: return this.u8() !== 0;
      case 2: {
        const v = this.view.getBigInt64(this.at, true);
        this.at += 8;
        return Number(v);
      }
      case 3: return this.f64();
      case 4: return this.str();
      case 5: {
        const n = this.u32();
        const items = [];
        for (let i = 0; i < n; i++) items.push(this.value());
        return items;
      }
      default: {
        const n = this.u32();
        const o = {};
        for (let i = 0; i < n; i++) {
          const key = this.str();
          o[key] = this.value();
        }
        return o;
      }
    }
  }
}

function decodeRequest(kind, r) {
  switch (KINDS[kind]) {
    case "input": return { prompt: r.str() };
    case "sleep": return { seconds: r.f64() };
    case "fetch": {
      const url = r.str();
      const method = r.str();
      const headers = [];
      for (let n = r.u32(); n > 0; n--) headers.push([r.str(), r.str()]);
      const payload = { url, method, headers };
      if (r.u8() === 1) payload.body = r.raw();
      return payload;
    }
    default: {
      const name = r.str();
      const args = [];
      for (let n = r.u32(); n > 0; n--) args.push(r.value());
      return { name, args };
    }
  }
}

function encodeAnswer(kind, value) {
  const w = new Writer();
  w.u8(0);
  switch (KINDS[kind]) {
    case "input":
      if (typeof value !== "string") throw new ReplyError("input handler did not resolve to a string");
      w.str(value);
      break;
    case "sleep":
      break;
    case "fetch": {
      const status = value?.status;
      if (typeof status !== "number") throw new ReplyError("fetch reply without a status");
      w.u32(status);
      w.str(typeof value.reason === "string" ? value.reason : "");
      w.str(typeof value.url === "string" ? value.url : "");
      const headers = Array.isArray(value.headers) ? value.headers : [];
      w.u32(headers.length);
      for (const pair of headers) {
        w.str(pair?.[0] ?? "");
        w.str(pair?.[1] ?? "");
      }
      w.raw(value.body instanceof Uint8Array ? value.body : new Uint8Array(0));
      break;
    }
    default:
      w.value(value, 0);
  }
  return w.finish();
}

/** A rejection reason as host-error bytes (kinds as the JSPI backend maps them). */
function encodeError(reason) {
  const kind = ERROR_KINDS.indexOf(reason?.stackswitchKind);
  let message = typeof reason?.message === "string" ? reason.message : typeof reason === "string" ? reason : undefined;
  if (message === undefined) {
    try {
      message = JSON.stringify(reason) ?? "host handler failed";
    } catch {
      message = "host handler failed";
    }
  }
  const w = new Writer();
  w.u8(1);
  w.u8(kind >= 0 ? kind : ERROR_KINDS.indexOf("Failed"));
  w.str(message);
  return w.finish();
}

/**
 * One interpreter in its own instance. `bridge` is runtime/stackswitch.js's host side:
 * request(kind, payload) -> Promise, write(stream, text), now(clock), pollInterrupt().
 */
export class Session {
  #ex;
  #handle;
  #asyncify;
  #pending = null; // Promise<Uint8Array> of the request being waited on
  #reply = null; // its bytes, from the rewind until reply() copied them
  #broken = null; // the Error that ended this instance
  #peak = 0; // most bytes of the Asyncify buffer one unwind has used

  /** `{ peak, size }`: the most bytes one unwind saved, and the buffer's capacity. */
  get asyncifyBufferUse() {
    const view = new DataView(this.#ex.memory.buffer);
    return { peak: this.#peak, size: view.getUint32(this.#asyncify + 4, true) - this.#asyncify - 8 };
  }

  /**
   * Instantiate (asynchronously: browsers refuse large synchronous instantiation).
   * `options.asyncifyBufferSize`: bytes for saved frames (default 4 MiB, see src/lib.rs).
   */
  static async create(bridge, filename, argv, options = {}) {
    const session = new Session();
    const instance = await WebAssembly.instantiate(await init(), { stackswitch: session.#imports(bridge) });
    // A module built without the Asyncify pass (the bench's plain baseline) runs
    // programs that never suspend; its state is always NORMAL.
    session.#ex = instance.exports.asyncify_get_state ? instance.exports : { ...instance.exports, asyncify_get_state: () => NORMAL };
    const config = new Writer();
    config.str(filename);
    config.u32(argv.length);
    for (const arg of argv) config.str(arg);
    config.u32(options.asyncifyBufferSize ?? 0);
    session.#handle = session.#withBytes(config.finish(), (ptr, len) => session.#ex.stackswitch_session_new(ptr, len));
    if (!session.#handle) throw new Error("stackswitch: could not create an asyncify session");
    session.#asyncify = session.#ex.stackswitch_session_asyncify_data(session.#handle);
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
        const payload = decodeRequest(kind, new Reader(this.#memory().slice(ptr, ptr + len)));
        let promise;
        try {
          promise = Promise.resolve(bridge.request(KINDS[kind], payload));
        } catch (error) {
          promise = Promise.reject(error);
        }
        this.#pending = promise.then(
          (value) => {
            try {
              return encodeAnswer(kind, value);
            } catch (error) {
              return encodeError(error);
            }
          },
          encodeError,
        );
        // Saved frames start right after the two-word header (see src/abi.rs).
        new DataView(this.#ex.memory.buffer).setUint32(this.#asyncify, this.#asyncify + 8, true);
        this.#ex.asyncify_start_unwind(this.#asyncify);
        return 0;
      },
      reply: (ptr) => {
        this.#memory().set(this.#reply, ptr);
        this.#reply = null;
      },
      write: (stream, ptr, len) => bridge.write(stream === 0 ? "stdout" : "stderr", text(ptr, len)),
      now: (clock) => bridge.now(clock === 0 ? "wall" : "monotonic"),
      poll_interrupt: () => (bridge.pollInterrupt() ? 1 : 0),
    };
  }

  /** Run `code`; resolves to `{ status, type?, message?, traceback? }`. */
  async run(code) {
    if (this.#broken) throw this.#broken;
    const ex = this.#ex;
    const source = utf8.encode(code);
    const ptr = ex.stackswitch_alloc(source.length);
    this.#memory().set(source, ptr);
    try {
      let result = this.#enter(() => ex.stackswitch_session_run(this.#handle, ptr, source.length));
      while (ex.asyncify_get_state() === UNWINDING) {
        this.#enter(() => ex.asyncify_stop_unwind(), "the suspended stack overflowed the session's Asyncify buffer", true);
        const used = new DataView(ex.memory.buffer).getUint32(this.#asyncify, true) - this.#asyncify - 8;
        if (used > this.#peak) this.#peak = used;
        this.#reply = await this.#pending;
        this.#pending = null;
        ex.asyncify_start_rewind(this.#asyncify);
        result = this.#enter(() => ex.stackswitch_session_run(this.#handle, ptr, source.length));
      }
      return this.#result(result);
    } finally {
      if (!this.#broken) ex.stackswitch_free(ptr, source.length);
    }
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

  #result(ptr) {
    const view = new DataView(this.#ex.memory.buffer);
    const len = view.getUint32(ptr, true);
    const r = new Reader(this.#memory().slice(ptr + 4, ptr + 4 + len));
    const status = r.i32();
    if (r.u8() === 0) return { status };
    return { status, type: r.str(), message: r.str(), traceback: r.str() };
  }

  /** Free the interpreter (the instance itself goes with the last reference). */
  free() {
    if (this.#handle && !this.#broken) this.#ex.stackswitch_session_free(this.#handle);
    this.#handle = null;
    this.#broken ??= new Error("stackswitch: session is closed");
  }
}
