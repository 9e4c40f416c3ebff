// Types of the stackswitch runtime (stackswitch.js, the npm package `stackswitch`'s one
// entry): detection and the session API that every backend shares.
//
// Invariant: this file declares exactly what stackswitch.js exports, no more, no less
// (tests/tests/npm_package.rs compares the two lists), and `tsc --noEmit --strict` accepts
// the typed usage examples of tests/types/ and refuses what tests/types/refused.ts marks
// with `@ts-expect-error`.

/** Backends a session can be created with ("auto": the first one `detect()` allows). */
export type BackendName = "auto" | "jspi" | "asyncify" | "worker";

/** What `detect()` found in this engine. */
export interface Features {
  /** `node 26.10.0`, or the browser's user agent. */
  engine: string;
  /** WebAssembly.Suspending and WebAssembly.promising exist. */
  jspi: boolean;
  /** The exnref proposal validates (wasm-bindgen's JSPI code needs it to compile). */
  exnref: boolean;
  /** The `SharedArrayBuffer` constructor exists (pages: only when cross-origin isolated). */
  sharedArrayBuffer: boolean;
  /** `globalThis.crossOriginIsolated` in a page (COOP/COEP headers); null in Node. */
  crossOriginIsolated: boolean | null;
  /** A worker thread may block in `Atomics.wait` (Node; cross-origin-isolated pages): the
   *  worker backend's shared-memory channel. */
  atomicsWaitInWorker: boolean;
  /** `navigator.serviceWorker` exists (pages only): the worker backend's service-worker channel. */
  serviceWorker: boolean;
  /** Web Workers (browsers) or worker_threads (Node). */
  worker: boolean;
}

/** How the worker backend's worker thread would wait for replies here (worker/channel.js). */
export interface WorkerChannelChoice {
  /** "shared-memory": SharedArrayBuffer + Atomics.wait (Node; cross-origin-isolated pages).
   *  "service-worker": synchronous XHR answered by a service worker (other secure pages).
   *  null: the worker backend cannot run here. */
  channel: "shared-memory" | "service-worker" | null;
  /** Why, in words. */
  reason: string;
}

/** What `detect()` returns. */
export interface Detection {
  /** What the engine offers. */
  features: Features;
  /** What `backend: "auto"` picks, or null when nothing this build has can run here. */
  backend: "jspi" | "worker" | "asyncify" | null;
  /** Why, in words (shown by `cli.mjs --verbose`). */
  reason: string;
  /** For each built backend: null if usable here, else why not. */
  unavailable: Record<string, string | null>;
  /** The worker backend's channel. */
  worker: WorkerChannelChoice;
}

/** What the engine offers and which backend `auto` picks. Never compiles a backend. */
export function detect(): Detection;

/** Backends this build of the runtime can load, in a page's order of preference. */
export const BACKENDS: readonly ("jspi" | "worker" | "asyncify")[];

/** An HTTP request from `urllib.request.urlopen`. */
export interface FetchRequest {
  /** The absolute URL (http or https). */
  url: string;
  /** `GET`, or `POST` when the program sent data, or what `Request(method=)` said. */
  method: string;
  /** Header names and values, in the program's order. */
  headers: [string, string][];
  /** The request body, when the program sent one. */
  body?: Uint8Array;
}

/** The answer to a FetchRequest; statuses >= 400 become `urllib.error.HTTPError`. */
export interface FetchResponse {
  /** The HTTP status code. */
  status: number;
  /** The status text (`OK`, `Not Found`): `HTTPError.reason`, `response.reason`. */
  reason: string;
  /** The final URL after redirects. */
  url: string;
  /** Response header names and values. */
  headers: [string, string][];
  /** The response body (at most `maxResponseBytes`). */
  body: Uint8Array;
}

/** The values `host.call(name, *args)` passes to a host function, losslessly, on every
 *  backend: None is null; a bool a boolean; an int a number when |n| <= 2**53-1, else a
 *  `bigint`; a float a number; a str a string; bytes (and bytearray) a `Uint8Array`; a
 *  list or tuple an array; a dict with str keys an object. */
export type HostValue = null | boolean | number | bigint | string | Uint8Array | HostValue[] | { [key: string]: HostValue };

/** What a host function may answer, mapped back the same way: a number that is an
 *  integer becomes an int, any other a float; a `bigint` an int; a `Uint8Array` bytes;
 *  an array a list; an object or a `Map` with string keys a dict; null or undefined None. */
export type HostReply = HostValue | undefined | HostReply[] | { [key: string]: HostReply } | Map<string, HostReply>;

/** A function Python calls with `host.call(name, *args)`: its value (or the value its
 *  promise resolves to) is `host.call`'s result; a throw or a rejection raises in Python
 *  (see HostError). */
export type HostFunction = (...args: HostValue[]) => HostReply | void | Promise<HostReply | void>;

/** What `createSession` takes; every field is optional. */
export interface SessionOptions {
  /** Which backend runs the program; default "auto" (what `detect().backend` says). */
  backend?: BackendName;
  /** Where the package's other files are served from: the folder that holds `jspi/`,
   *  `asyncify/`, `worker/`, `raw-abi/`, `stdlib/` and `node_files.js`, as a URL (a
   *  relative one is resolved against the page's URL). Default: the folder of
   *  stackswitch.js itself, which is right in Node and for unbundled pages; a page whose
   *  bundler moved stackswitch.js into its bundle passes where it serves those folders
   *  (e.g. `"/stackswitch/"`), or serves them beside the bundle. */
  baseUrl?: string | URL;
  /** Shown in tracebacks (`File "main.py", line N`); default "main.py". A name in angle
   *  brackets (`<stdin>`) makes tracebacks show no source lines, as CPython's. */
  filename?: string;
  /** `sys.argv`. */
  argv?: string[];
  /** Program output (`print`, `sys.stdout.write`), in order; stdout is delivered before
   *  each input prompt is shown. Default: process.stdout in Node, `console.log` per line
   *  in browsers. Becomes `session.stdout`. */
  stdout?: (text: string) => void;
  /** Program errors and tracebacks (`sys.stderr`), as `stdout`. Default: process.stderr
   *  in Node, `console.error` per line in browsers. Becomes `session.stderr`. */
  stderr?: (text: string) => void;
  /** `input(prompt)`: show the prompt (e.g. `session.write("stdout", prompt)`) and resolve to the line. Default: stdin in Node, `prompt()` in browsers. */
  input?: (prompt: string, session: Session) => Promise<string>;
  /** `time.sleep(seconds)`. Default: a timer. */
  sleep?: (seconds: number) => Promise<void>;
  /** `urlopen`. Default: the global `fetch`. */
  fetch?: (request: FetchRequest) => Promise<FetchResponse>;
  /** Functions Python calls with `host.call(name, *args)`. */
  functions?: Record<string, HostFunction>;
  /** asyncify backend only: bytes for the frames saved while suspended (default 4 MiB,
   *  about 10x what Python's recursion limit needs); overflowing it discards the session. */
  asyncifyBufferSize?: number;
  /** worker backend only: the channel, instead of what `detect().worker` chose. */
  workerChannel?: "shared-memory" | "service-worker";
  /** worker backend, service-worker channel: the service worker script to register
   *  (default: the package's worker/service_worker.js, scoped to its folder). A page that
   *  has a service worker of its own (offline caching) passes it here; that script must
   *  `importScripts` worker/service_worker.js, and its scope must contain the worker
   *  folder. See the README's "playground" section. */
  serviceWorkerUrl?: string;
  /** worker backend, shared-memory channel: bytes of the reply buffer (default 1 MiB);
   *  larger replies cross in chunks of this size. */
  workerBufferSize?: number;
  /** worker backend only: how long a running program may take to act on interrupt()
   *  (default 1000 ms) before its worker is terminated: the only way to stop native code
   *  that never polls. The run then ends with `fatal: true` and the session is unusable. */
  interruptGraceMs?: number;
  /** jspi and asyncify (which run Python on the caller's thread): once this many ms of
   *  Python code ran since the event loop last did, the program yields one macrotask
   *  (a MessageChannel message, or `setImmediate` in Node; in a visible page that drew no
   *  animation frame for 50 ms, the next frame) so that timers, page events, rendering
   *  and `interrupt()` run. Default 20 (DEFAULT_YIELD_EVERY_MS; see the README's figures). */
  yieldEveryMs?: number;
  /** `false` turns yielding off (for benchmarks): Python then keeps the thread until it
   *  suspends or ends, and `interrupt()` cannot reach a CPU-bound loop on jspi/asyncify.
   *  Default true. The worker never needs to yield. */
  yielding?: boolean;
  /** Each run may take at most this long (ms), suspensions included; then it ends with
   *  `type: "TimeoutError"`, whatever `except` or `finally` blocks the program has, and
   *  a request still pending is ended. The session stays usable. Default: no limit. */
  timeoutMs?: number;
  /** Each run may take at most this many steps (loop iterations and Python calls; long
   *  builtins count one per element), then ends as for `timeoutMs`. Default: no limit. */
  maxSteps?: number;
  /** The largest `urlopen` response body accepted, in bytes, on every backend (the
   *  default handler reads the body as a stream and stops there; a `fetch` handler's
   *  larger reply is refused too): past it `urlopen` raises `URLError`. Default
   *  DEFAULT_MAX_RESPONSE_BYTES (64 MiB), as the native runner's. */
  maxResponseBytes?: number;
  /** Which URLs `urlopen` may reach: origins (`"http://127.0.0.1:8000"`) or a predicate
   *  on the full URL. Another URL raises `URLError` naming the refused origin before any
   *  request is made; the default handler checks every redirect too (in Node before it
   *  is followed; in pages, whose Fetch API hides the hops, the final URL). Default: any. */
  allowedOrigins?: string[] | ((url: string) => boolean);
  /** Files the program finds in its (in-memory) filesystem: path -> text (stored as
   *  UTF-8) or bytes. Relative paths are under `/`, the program's current directory;
   *  missing directories are created. `open()`, `os` and `import` of the program's own
   *  modules (`helper.py`, `pkg/__init__.py`) see them. Default: none. */
  files?: Record<string, string | Uint8Array>;
  /** Which files the program sees: "memory" (default), the session's own in-memory
   *  filesystem that `files` fills and `fs` reads back; or "node", the machine's files
   *  through node:fs (Node only; what cli.mjs uses), each session with its own current
   *  directory. */
  filesystem?: "memory" | "node";
  /** The program's current directory at start (`os.getcwd()`): in the memory filesystem
   *  created if missing (default "/"); with "node" it must exist (default process.cwd()). */
  cwd?: string;
  /** `os.environ`: names to string values. Default: empty (cli.mjs passes the process's). */
  env?: Record<string, string>;
}

/** A session's filesystem, as the embedder sees it. Each call waits for a run in
 *  progress to end; failures reject with an Error whose message is CPython's
 *  (`[Errno 2] No such file or directory`). */
export interface SessionFiles {
  /** The file's bytes. */
  read(path: string): Promise<Uint8Array>;
  /** The file decoded as UTF-8. */
  readText(path: string): Promise<string>;
  /** Create or replace a file (text is stored as UTF-8), creating missing directories. */
  write(path: string, data: string | Uint8Array): Promise<void>;
  /** Every file's absolute path, sorted (memory filesystem only). */
  list(): Promise<string[]>;
  /** Remove a file. */
  remove(path: string): Promise<void>;
}

/** `maxResponseBytes`' default: 64 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES: number;

/** The time slice `yieldEveryMs` defaults to, in ms. */
export const DEFAULT_YIELD_EVERY_MS: number;

/** How a run ended. */
export interface RunResult {
  /** The status `python3` would exit with: 0, 1 for an uncaught exception or a syntax
   *  error, the SystemExit code, 130 for an uncaught KeyboardInterrupt (as a shell shows
   *  CPython's death by SIGINT). */
  status: number;
  /** The exception's type name when one escaped (`"ValueError"`; `"TimeoutError"` when
   *  `timeoutMs` or `maxSteps` ended the run). */
  type?: string;
  /** The exception's message (`str(exc)`). */
  message?: string;
  /** Exactly what CPython prints on stderr for it. */
  traceback?: string;
  /** The engine failed (e.g. its own stack overflowed): this session is unusable, and
   * sessions created from now on get a fresh wasm instance. */
  fatal?: boolean;
}

/**
 * Reject a handler's promise with this to choose the Python exception:
 * "Interrupted" -> KeyboardInterrupt, "EndOfInput" -> EOFError, "Network" -> URLError,
 * "UnknownFunction" -> LookupError; any other rejection or throw -> OSError.
 */
export class HostError extends Error {
  constructor(kind: HostErrorKind, message: string);
  /** Which Python exception the program sees (the constructor's `kind`). */
  stackswitchKind: HostErrorKind;
}

/** The kinds of HostError: "TimedOut" ends the run as `timeoutMs` does. */
export type HostErrorKind = "Interrupted" | "EndOfInput" | "Network" | "UnknownFunction" | "Failed" | "TimedOut";

/** One interpreter with its own globals and host handlers. Made by `createSession` only:
 *  the constructor is not public (`new Session()` does not type-check; at run time it
 *  throws a TypeError saying to use createSession). */
export class Session {
  private constructor();
  /** The backend running this session ("auto" resolved). */
  readonly backend: "jspi" | "worker" | "asyncify";
  /** The worker backend's channel ("shared-memory" or "service-worker"); null on the others. */
  readonly channel: "shared-memory" | "service-worker" | null;
  /** Where program output goes: the `stdout` option, or its default. May be replaced
   *  between runs (or during one: later output goes to the new function). */
  stdout: (text: string) => void;
  /** Where program errors and tracebacks go: the `stderr` option, or its default. */
  stderr: (text: string) => void;
  /** Run Python source in this session's globals (they persist across runs): text, or a
   *  source file's bytes, decoded as CPython decodes a file (`# -*- coding: ... -*-`, a
   *  BOM; invalid UTF-8 or a NUL byte is a SyntaxError, with CPython's message and line). */
  run(code: string | Uint8Array): Promise<RunResult>;
  /** Send program output to the session's callbacks. */
  write(stream: "stdout" | "stderr", text: string): void;
  /** Raise KeyboardInterrupt in the running program: at once in a pending request (a
   *  yield included), else at its next poll; on every backend (jspi and asyncify reach
   *  CPU-bound code through yielding). Does nothing when no run is in progress. */
  interrupt(): void;
  /** The program's files: fill before a run, read back after (see SessionFiles). */
  readonly fs: SessionFiles;
  /** Counts for the run in progress or the last one. */
  readonly stats: { suspensions: number; yields: number };
  /** End the session: a pending request fails with KeyboardInterrupt; memory is freed. */
  close(): void;
}

/** Create a session; rejects with a clear message when the backend cannot run here
 *  (or its files cannot be loaded from `baseUrl`), and with a TypeError for a bad option. */
export function createSession(options?: SessionOptions): Promise<Session>;
