// The JS half of stackswitch-raw-abi's byte format (src/wire.rs is the Rust half): what
// the asyncify driver and the worker backend both need to talk to a module built on
// stackswitch-raw-abi. Plain ES module, no state, same code in Node, pages and workers.
//
//   encodeConfig(filename, argv, limits, hostFiles, environ) -> bytes for stackswitch_session_new
//   fileImports(memory, request)        -> the `file`/`file_answer` imports (host files)
//   encodeSource(code)                  -> { bytes, fileBytes } for stackswitch_session_run:
//                                          a string as UTF-8 (0), a Uint8Array as file bytes (1)
//   decodeRequest(kind, bytes)          -> { kind: "input"|"sleep"|"fetch"|"call"|"yield"|"module", payload }
//   answerRequest(bridge, kind, bytes)  -> Promise<reply bytes>: asks bridge.request(kind,
//                                          payload) and encodes the answer or the failure
//   decodeResult(bytes)                 -> { status, type?, message?, traceback? }
//   readResult(memory, ptr)             -> the same, from the u32-length-prefixed result
//                                          stackswitch_session_run returned
//
// Formats (all integers little-endian; the authoritative description is src/wire.rs):
//   str = u32 length, UTF-8 bytes        config = filename: str, u32 n, n × argv: str,
//                                                 max_seconds: f64, max_steps: f64 (NaN: none),
//                                                 host_files: u8, u32 m, m × (key: str, value: str)
//   reply = u8 0, answer | u8 1, u8 error kind, message: str
//   value (host.call) as JS: Int/BigInt -> number when |n| <= 2**53-1, else BigInt; Bytes
//                            -> Uint8Array; Dict -> object; None -> null (and back)
//   result = i32 status, u8 0 | u8 1, type: str, message: str, traceback: str
//
// Invariant: answerRequest's promise never rejects: a handler's rejection, throw or
// reply of the wrong shape becomes host-error bytes, so a Python exception.

const KINDS = ["input", "sleep", "fetch", "call", "yield", "module"];
const ERROR_KINDS = ["Interrupted", "EndOfInput", "Network", "UnknownFunction", "Failed", "TimedOut"];
/** The kind byte of the host error that delivers interrupt() to a pending request. */
export const HOST_ERROR_INTERRUPTED = ERROR_KINDS.indexOf("Interrupted");
const MAX_VALUE_DEPTH = 100;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A Python int for JS: a number when |n| <= 2**53-1, else a BigInt (lossless). */
function jsInteger(n) {
  return n >= -MAX_SAFE && n <= MAX_SAFE ? Number(n) : n;
}

/** |n| (a non-negative BigInt) as little-endian bytes: the wire's BigInt magnitude. */
function magnitudeBytes(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(hex.length - 2 * i - 2, hex.length - 2 * i), 16);
  return bytes;
}

/** Little-endian magnitude bytes as a non-negative BigInt. */
function magnitudeValue(bytes) {
  let hex = "";
  for (let i = bytes.length - 1; i >= 0; i--) hex += bytes[i].toString(16).padStart(2, "0");
  return hex ? BigInt(`0x${hex}`) : 0n;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: false });

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
      case "bigint":
        if (v >= I64_MIN && v <= I64_MAX) {
          this.u8(2);
          return this.i64(v);
        }
        this.u8(7);
        this.u8(v < 0n ? 1 : 0);
        return this.raw(magnitudeBytes(v < 0n ? -v : v));
      case "object":
        if (v instanceof Uint8Array) {
          this.u8(8);
          return this.raw(v);
        }
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
    // A large reply (a urlopen body) usually fills the array exactly: no second copy.
    return this.length === this.bytes.length ? this.bytes : this.bytes.slice(0, this.length);
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
        return jsInteger(v);
      }
      case 3: return this.f64();
      case 4: return this.str();
      case 7: {
        const negative = this.u8() !== 0;
        const magnitude = magnitudeValue(this.raw());
        return jsInteger(negative ? -magnitude : magnitude);
      }
      case 8: return this.raw();
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
    case "yield": return {};
    case "module": return { name: r.str() };
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
    case "module":
      if (typeof value !== "string") throw new ReplyError(`${KINDS[kind]} handler did not resolve to a string`);
      w.str(value);
      break;
    case "sleep":
    case "yield":
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

/** A rejection reason as host-error bytes (kinds as the JSPI backend maps them). The
 * runtime hands over only reasons it made safe to read (hostErrorOf in stackswitch.js). */
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


/** The session config stackswitch_session_new decodes; `limits` as the runtime's
 * sessionLimits(): { maxSeconds, maxSteps }, each a number or null. */
export function encodeConfig(filename, argv, limits = {}, hostFiles = false, environ = {}) {
  const w = new Writer();
  w.str(filename);
  w.u32(argv.length);
  for (const arg of argv) w.str(arg);
  w.f64(limits.maxSeconds ?? NaN);
  w.f64(limits.maxSteps ?? NaN);
  w.u8(hostFiles ? 1 : 0);
  const pairs = Object.entries(environ);
  w.u32(pairs.length);
  for (const [key, value] of pairs) {
    w.str(key);
    w.str(value);
  }
  return w.finish();
}

/** The answer to a file request of a session whose files are not the host's: EINVAL. */
const NO_HOST_FILES = new Uint8Array([1, 22, 0, 0, 0, ...utf8.encode("Invalid argument")]);

/**
 * The module's `file` and `file_answer` imports over `request(op, path, data) -> answer`
 * (node_files.js, or null for a session with in-memory files, which never calls them).
 * `memory()` gives the module's current bytes.
 */
export function fileImports(memory, request) {
  let answer = null;
  return {
    file(op, pathPtr, pathLen, dataPtr, dataLen) {
      const bytes = memory();
      const path = fromUtf8.decode(bytes.subarray(pathPtr, pathPtr + pathLen));
      answer = request ? request(op, path, bytes.slice(dataPtr, dataPtr + dataLen)) : NO_HOST_FILES;
      return answer.length;
    },
    file_answer(ptr) {
      memory().set(answer, ptr);
      answer = null;
    },
  };
}

/** The source argument of stackswitch_session_run: text as UTF-8 (`fileBytes` 0), or a
 * source file's bytes for the module to decode as CPython decodes a file (1). */
export function encodeSource(code) {
  return code instanceof Uint8Array ? { bytes: code, fileBytes: 1 } : { bytes: utf8.encode(String(code)), fileBytes: 0 };
}

/** A request the module passed to its suspend import, as the bridge takes it. */
function decodeRequestOfKind(kind, bytes) {
  return { kind: KINDS[kind], payload: decodeRequest(kind, new Reader(bytes)) };
}

/** Ask the bridge, and encode what it answers (or why it failed) as reply bytes. */
export function answerRequest(bridge, kind, bytes) {
  let promise;
  try {
    const request = decodeRequestOfKind(kind, bytes);
    promise = Promise.resolve(bridge.request(request.kind, request.payload));
  } catch (error) {
    promise = Promise.reject(error);
  }
  return promise.then(
    (value) => {
      try {
        return encodeAnswer(kind, value);
      } catch (error) {
        return encodeError(error);
      }
    },
    encodeError,
  );
}

/** The outcome of a run, from its result bytes (after the u32 length). */
export function decodeResult(bytes) {
  const r = new Reader(bytes);
  const status = r.i32();
  if (r.u8() === 0) return { status };
  return { status, type: r.str(), message: r.str(), traceback: r.str() };
}

/** The outcome of a run, from the pointer stackswitch_session_run returned. */
export function readResult(memory, ptr) {
  const len = new DataView(memory.buffer).getUint32(ptr, true);
  return decodeResult(new Uint8Array(memory.buffer).slice(ptr + 4, ptr + 4 + len));
}

/**
 * One stackswitch_session_fs call on an instance's `exports` (never during a run):
 * `op` as core's `file_request`, `path` a string, `data` a Uint8Array; returns the answer
 * bytes (u8 status, payload) that runtime/stackswitch.js decodes for every backend.
 */
export function sessionFs(exports, session, op, path, data = new Uint8Array(0)) {
  const pathBytes = utf8.encode(path);
  const pathPtr = exports.stackswitch_alloc(pathBytes.length);
  const dataPtr = exports.stackswitch_alloc(data.length);
  const memory = () => new Uint8Array(exports.memory.buffer);
  memory().set(pathBytes, pathPtr);
  memory().set(data, dataPtr);
  try {
    const ptr = exports.stackswitch_session_fs(session, op, pathPtr, pathBytes.length, dataPtr, data.length);
    const len = new DataView(exports.memory.buffer).getUint32(ptr, true);
    return memory().slice(ptr + 4, ptr + 4 + len);
  } finally {
    exports.stackswitch_free(pathPtr, pathBytes.length);
    exports.stackswitch_free(dataPtr, data.length);
  }
}
