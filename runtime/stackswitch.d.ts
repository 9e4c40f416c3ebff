// Types of the stackswitch runtime (stackswitch.js): detection and the session API that
// every backend shares. Invariant: this file describes exactly what stackswitch.js exports.

/** Backends a session can be created with ("auto": the first one `detect()` allows). */
export type BackendName = "auto" | "jspi" | "asyncify" | "worker";

export interface Features {
  /** `node 26.10.0`, or the browser's user agent. */
  engine: string;
  /** WebAssembly.Suspending and WebAssembly.promising exist. */
  jspi: boolean;
  /** The exnref proposal validates (wasm-bindgen's JSPI code needs it to compile). */
  exnref: boolean;
  sharedArrayBuffer: boolean;
  /** Browser pages only (null in Node). */
  crossOriginIsolated: boolean | null;
  atomicsWaitInWorker: boolean;
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

export interface Detection {
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

/** Backends this build of the runtime can load. */
export const BACKENDS: readonly string[];

/** An HTTP request from `urllib.request.urlopen`. */
export interface FetchRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body?: Uint8Array;
}

/** The answer to a FetchRequest; statuses >= 400 become `urllib.error.HTTPError`. */
export interface FetchResponse {
  status: number;
  reason: string;
  /** The final URL after redirects. */
  url: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** JSON-like values crossing to and from `host.call(name, *args)`. */
export type HostValue = null | boolean | number | string | HostValue[] | { [key: string]: HostValue };

export interface SessionOptions {
  backend?: BackendName;
  /** Shown in tracebacks (`File "main.py", line N`); default "main.py". A name in angle
   *  brackets (`<stdin>`) makes tracebacks show no source lines, as CPython's. */
  filename?: string;
  /** `sys.argv`. */
  argv?: string[];
  /** Program output, in order; stdout is delivered before each input prompt is shown. */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** `input(prompt)`: show the prompt (e.g. `session.write("stdout", prompt)`) and resolve to the line. Default: stdin in Node, `prompt()` in browsers. */
  input?: (prompt: string, session: Session) => Promise<string>;
  /** `time.sleep(seconds)`. Default: a timer. */
  sleep?: (seconds: number) => Promise<void>;
  /** `urlopen`. Default: the global `fetch`. */
  fetch?: (request: FetchRequest) => Promise<FetchResponse>;
  /** Functions Python calls with `host.call(name, *args)`. */
  functions?: Record<string, (...args: HostValue[]) => Promise<HostValue> | HostValue>;
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

/** How a run ended: status as `python3` would exit (130 for an uncaught
 *  KeyboardInterrupt, as a shell shows CPython's death by SIGINT); the exception when one
 *  escaped (`type: "TimeoutError"` when `timeoutMs` or `maxSteps` ended the run). */
export interface RunResult {
  status: number;
  type?: string;
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
  constructor(kind: "Interrupted" | "EndOfInput" | "Network" | "UnknownFunction" | "Failed" | "TimedOut", message: string);
  stackswitchKind: string;
}

export class Session {
  readonly backend: string;
  /** The worker backend's channel ("shared-memory" or "service-worker"); null on the others. */
  readonly channel: "shared-memory" | "service-worker" | null;
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

/** Create a session; rejects with a clear message when the backend cannot run here. */
export function createSession(options?: SessionOptions): Promise<Session>;
