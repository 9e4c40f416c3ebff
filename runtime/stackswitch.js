// stackswitch runtime: feature detection, backend loading, and the session API shared by
// every backend (browser and Node, plain ES module, no dependencies).
//
//   detect()                 what the engine offers and which backend `auto` picks, with why
//   createSession(options)   an interpreter with host handlers; session.run(code) -> result
//
// A session's blocking requests travel as data:
//
//   Python input()/sleep()/urlopen()/host.call()
//     -> wasm: Host::suspend(request)      (backend-specific waiting: JSPI suspends the stack,
//                                           Asyncify unwinds it to the driver and rewinds later)
//     -> bridge.request(kind, payload)     (this file) -> handler(...) -> Promise
//     <- settled value, or a rejection {stackswitchKind, message} -> Python exception
//
// Backends, in order of preference (the measurements behind it: README, "Backends per
// engine", and worker-backend/README.md): `jspi` (wasm-bindgen's JSPI; needs JSPI +
// exnref) first everywhere: the cheapest suspension (4-9 µs), no isolation needed, and
// with yielding the page stays responsive and interrupt() reaches CPU-bound loops on the
// main thread too. Then, in a page, `worker` on its shared-memory channel (a plain module
// on a worker thread that blocks on Atomics.wait; a cross-origin-isolated page; code in
// worker/) before `asyncify` (Binaryen Asyncify, hand-written driver in asyncify/; runs
// on every engine with WebAssembly): both keep the page responsive now, but the worker
// runs uninstrumented code (asyncify costs 1.15-1.26x CPU) and is the only one whose Stop
// also ends native code that never polls (by terminating it), for 35-100 µs per
// suspension instead of 5-15. In Node, `asyncify` before `worker`: no page to keep
// responsive, and asyncify suspends several times and starts a session ~20 times
// cheaper. `auto` never picks the worker's service-worker channel (pages without
// isolation): at 1-5 ms per suspension it loses to asyncify; asked for explicitly, it
// works.
//
// Running code polls its session every thousand loop iterations or calls
// (bridge.poll): 1 raises KeyboardInterrupt (interrupt() was called), 2 yields. On the
// backends that run on the caller's thread (jspi, asyncify), once `yieldEveryMs` have
// passed since the event loop last ran, the program suspends with a "yield" request that
// settles after one macrotask, so timers, clicks and a Stop button's interrupt() run
// while Python computes. The worker never yields: it has its own thread.
//
//   run ──► Python ... poll ─ 2 ─► request("yield") ─► macrotask ─► resume ... poll ─ 1 ─► KeyboardInterrupt
//                                        ▲ page events, timers, interrupt() run here
//
// Invariant: detection never compiles a backend module the engine cannot compile (the
// JSPI artifact fails to *compile* without JSPI + exnref), and every handler failure —
// a rejection or a synchronous throw — reaches Python as an exception, never as a trap.
// An interrupt() applies to the run in progress only. A urlopen response body is at most
// `maxResponseBytes` (DEFAULT_MAX_RESPONSE_BYTES, 64 MiB, as the native runner's), and with
// `allowedOrigins` no request (nor, in Node, redirect hop) leaves for another origin.

const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;

// (module (func (local exnref))): validates only where the exnref proposal is supported.
const EXNREF_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x0a, 0x06, 0x01, 0x04, 0x01, 0x01, 0x69, 0x0b, // code: one local of type exnref (0x69)
]);

/** The backends this build of the runtime can load, in order of preference in a page. */
export const BACKENDS = ["jspi", "worker", "asyncify"];

/** The order of preference in Node (see the header). */
const NODE_PREFERENCE = ["jspi", "asyncify", "worker"];

/**
 * What the engine offers and which backend `auto` would choose.
 * @returns {import("./stackswitch").Detection}
 */
export function detect() {
  const wasm = typeof WebAssembly === "object" ? WebAssembly : undefined;
  const features = {
    engine: isNode ? `node ${process.versions.node}` : (globalThis.navigator?.userAgent ?? "unknown"),
    jspi: !!wasm && typeof wasm.Suspending === "function" && typeof wasm.promising === "function",
    exnref: !!wasm && safeValidate(EXNREF_PROBE),
    sharedArrayBuffer: typeof SharedArrayBuffer === "function",
    crossOriginIsolated: isNode ? null : globalThis.crossOriginIsolated === true,
    atomicsWaitInWorker: isNode ? true : (globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === "function"),
    serviceWorker: !isNode && typeof navigator !== "undefined" && "serviceWorker" in navigator,
    worker: isNode || typeof Worker === "function",
  };
  const worker = workerChannel(features);
  const reasons = {};
  reasons.jspi = features.jspi && features.exnref ? null
    : !features.jspi ? "WebAssembly.Suspending/promising are missing (JSPI unsupported)"
    : "the exnref proposal is missing (wasm-bindgen's JSPI code needs it to compile)";
  reasons.worker = !wasm ? "WebAssembly is missing" : worker.channel ? null : worker.reason;
  reasons.asyncify = wasm ? null : "WebAssembly is missing";
  const slowWorker = worker.channel === "service-worker"
    ? "only its service-worker channel is available here (1-5 ms per suspension), so asyncify is preferred"
    : null;
  const preference = isNode ? NODE_PREFERENCE : BACKENDS;
  const backend = preference.find((name) => reasons[name] === null && !(name === "worker" && slowWorker)) ?? null;
  const workerNote = isNode ? "worker: in Node asyncify is preferred (no page to keep responsive; cheaper suspensions and sessions)"
    : `worker: ${reasons.worker ?? slowWorker}`;
  const reason = backend === "jspi" ? "jspi: supported by this engine (runs on this thread, yielding to the event loop every few ms)"
    : backend === "worker" ? `worker: fallback, because jspi is unavailable: ${reasons.jspi}`
    : backend ? `${backend}: fallback, because jspi is unavailable: ${reasons.jspi}; and ${workerNote}`
    : `no backend available: ${reasons.asyncify}`;
  return { features, backend, reason, unavailable: reasons, worker };
}

/** Whether each worker channel (worker/channel.js) can run with these features. */
const WORKER_CHANNEL_USABLE = {
  "shared-memory": (features) => features.atomicsWaitInWorker,
  "service-worker": (features) => features.serviceWorker && globalThis.isSecureContext === true,
};

/** Which channel the worker backend would use here (worker/channel.js), and why. */
function workerChannel(features) {
  if (isNode) return { channel: "shared-memory", reason: "Node worker_threads: Atomics.wait is allowed in workers" };
  if (!features.worker) return { channel: null, reason: "this engine has no Web Workers" };
  if (WORKER_CHANNEL_USABLE["shared-memory"](features)) return { channel: "shared-memory", reason: "the page is cross-origin isolated: SharedArrayBuffer and Atomics.wait" };
  const noSab = "no SharedArrayBuffer (the page is not cross-origin isolated: serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)";
  if (WORKER_CHANNEL_USABLE["service-worker"](features)) return { channel: "service-worker", reason: `${noSab}: synchronous XHR to a service worker instead` };
  return { channel: null, reason: `${noSab}, and no service worker (it needs a secure context: https or http://127.0.0.1)` };
}

function safeValidate(bytes) {
  try {
    return WebAssembly.validate(bytes);
  } catch {
    return false;
  }
}

/** An error for the Python side: `kind` picks the exception (see jspi-backend). */
export class HostError extends Error {
  constructor(kind, message) {
    super(message);
    this.stackswitchKind = kind;
  }
}

/** `${base}${backend}` -> Promise of its glue module; replaced after a fatal error. */
const loaded = new Map();
let generation = 0;

/**
 * `import(specifier)` that bundlers leave alone (esbuild and Vite bundle only literal
 * specifiers; the comments silence webpack and Vite): Node-only modules (`node:fs`,
 * node_files.js) and the backends' glue are loaded at run time from where they are
 * served, never copied into a page's bundle.
 */
function importUnbundled(specifier) {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
}

async function readBytes(url) {
  if (isNode) {
    const { readFile } = await importUnbundled("node:fs/promises");
    const { fileURLToPath } = await importUnbundled("node:url");
    return readFile(fileURLToPath(url));
  }
  return url;
}

/**
 * The folder the package's files are served from (`jspi/`, `asyncify/`, `worker/`,
 * `raw-abi/`, `stdlib/`, node_files.js), as a URL ending in `/`: the `baseUrl` option
 * (resolved against the page's URL), else the folder of this module. A bundler moves this
 * module's code into the bundle, so a bundled page passes `baseUrl` or serves those
 * folders beside its bundle (README, "The npm package").
 */
function assetsBase(baseUrl) {
  // Not `new URL("./", import.meta.url)`: Vite would take that for an asset to bundle.
  if (baseUrl === undefined || baseUrl === null) return import.meta.url.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  if (typeof baseUrl !== "string" && !(baseUrl instanceof URL)) throw new TypeError("stackswitch: baseUrl must be a URL string or a URL");
  const base = new URL(baseUrl, globalThis.location?.href ?? import.meta.url).href;
  return base.endsWith("/") ? base : `${base}/`;
}

/** URL -> Promise of the source of a standard module written in Python (shared by every
 *  session of this page or process; a failed load is forgotten, so a later import retries). */
const standardModules = new Map();

/**
 * The source of the standard module `name`, `stdlib/<name>.py` under `base` (see
 * assetsBase): the
 * backends' wasm holds no Python sources (core's `frozen-stdlib` feature is off for them),
 * so a page downloads a module only when a program first imports it.
 */
function standardModuleSource(name, base) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) return Promise.reject(new HostError("Failed", `not a standard module name: ${JSON.stringify(name)}`));
  const url = new URL(`./stdlib/${name}.py`, base);
  if (!standardModules.has(url.href)) {
    const source = (async () => {
      if (isNode) return fromUtf8.decode(await readBytes(url));
      const response = await fetch(url);
      if (!response.ok) throw new HostError("Failed", `HTTP ${response.status} for ${url}`);
      return response.text();
    })();
    source.catch(() => standardModules.delete(url.href));
    standardModules.set(url.href, source);
  }
  return standardModules.get(url.href);
}

/** The wasm file of each backend, next to its glue `<backend>/stackswitch_<backend>.js`. */
const WASM_FILES = { jspi: "stackswitch_jspi_bg.wasm", worker: "stackswitch_worker.wasm", asyncify: "stackswitch_asyncify.wasm" };

/** Load (once per instance generation and base) the glue and wasm module of `backend`
 *  from the folder `base` (see assetsBase). */
async function loadBackend(backend, base) {
  const key = `${base}${backend}`;
  if (!loaded.has(key)) {
    const query = generation ? `?instance=${generation}` : "";
    const promise = (async () => {
      // A fresh URL gives a fresh module record, hence a fresh wasm instance.
      const glue = await importUnbundled(new URL(`./${backend}/stackswitch_${backend}.js${query}`, base).href);
      const wasmUrl = new URL(`./${backend}/${WASM_FILES[backend]}`, base);
      const exports = await glue.default({ module_or_path: await readBytes(wasmUrl) });
      // An embedder's build registers its Rust modules here (stackswitch::session_setup!).
      exports.stackswitch_init?.();
      return glue;
    })();
    // A load that failed (a wrong baseUrl, say) is forgotten: a later session retries.
    promise.catch(() => { if (loaded.get(key) === promise) loaded.delete(key); });
    loaded.set(key, promise);
  }
  return loaded.get(key);
}

/**
 * A wasm trap or engine error escaped a run (e.g. the engine's own stack overflowed):
 * the instance's memory may be inconsistent, so sessions created afterwards get a new
 * instance. Sessions of the old instance are unusable.
 */
function discardInstance(backend, base) {
  loaded.delete(`${base}${backend}`);
  generation += 1;
}

// ---------------------------------------------------------------------------------------
// Default handlers: what a session does when the embedder gives none.
// ---------------------------------------------------------------------------------------

/** Lines of stdin, shared by every Node session of this process. */
let stdinLines = null;

function nodeStdin() {
  if (stdinLines) return stdinLines;
  const queue = [];
  const waiters = [];
  let buffered = "";
  let ended = false;
  const settle = () => {
    while (waiters.length && (queue.length || ended)) {
      const { resolve, reject } = waiters.shift();
      if (queue.length) resolve(queue.shift());
      else reject(new HostError("EndOfInput", "EOF when reading a line"));
    }
  };
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      queue.push(buffered.slice(0, nl).replace(/\r$/, ""));
      buffered = buffered.slice(nl + 1);
    }
    settle();
  });
  process.stdin.on("end", () => {
    if (buffered) queue.push(buffered);
    buffered = "";
    ended = true;
    settle();
  });
  process.stdin.pause();
  stdinLines = {
    next() {
      return new Promise((resolve, reject) => {
        waiters.push({ resolve, reject });
        process.stdin.resume();
        settle();
      }).finally(() => { if (!waiters.length) process.stdin.pause(); });
    },
  };
  return stdinLines;
}

function defaultInput(prompt, session) {
  session.write("stdout", prompt);
  if (isNode) return nodeStdin().next();
  if (typeof globalThis.prompt === "function") {
    const line = globalThis.prompt(prompt);
    return line === null ? Promise.reject(new HostError("EndOfInput", "EOF when reading a line")) : Promise.resolve(line);
  }
  return Promise.reject(new HostError("EndOfInput", "no input handler"));
}

function defaultSleep(seconds) {
  return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}

/** Default time slice between two yields to the event loop, in ms (see README, "Yielding"). */
export const DEFAULT_YIELD_EVERY_MS = 20;

/** Values of bridge.poll(), as the backends decode them (core's `Poll`). */
const POLL_CONTINUE = 0;
const POLL_INTERRUPT = 1;
const POLL_YIELD = 2;

const toUtf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

/** Operations of the backends' `fs(op, path, data)`: core's `file_request` numbers. */
const FILE_WRITE = 0;
const FILE_READ = 1;
const FILE_LIST = 2;
const FILE_REMOVE = 3;
const FILE_CHDIR_CREATING = 4;

/** In a visible page, a yield waits for an animation frame when none was drawn for this long. */
const FRAME_AT_LEAST_EVERY_MS = 50;

/**
 * A yield asks for an animation frame (without waiting) once none was drawn for this long:
 * engines that draw between tasks (Chromium, Firefox) then draw it before the wait above
 * is due, and a page that asks for no frames of its own is not made to draw 60 a second.
 */
const FRAME_ASKED_AFTER_MS = FRAME_AT_LEAST_EVERY_MS - 20;

/**
 * A promise that settles after the event loop has run: in Node `setImmediate` (after
 * pending I/O and timers); in pages and workers a MessageChannel message, a task behind
 * everything already queued. Not `scheduler.yield()`: measured in Chromium, its
 * continuations outrank the page's own timers and WebDriver's commands, which then
 * starve; not `setTimeout(0)`, which browsers clamp to 4 ms once nested. Rendering is not
 * a task: WebKitGTK drew no frame at all between MessageChannel yields (measured), so in
 * a visible page a yield waits for the next animation frame once none was drawn for
 * FRAME_AT_LEAST_EVERY_MS.
 */
const macrotask = (() => {
  if (isNode) return () => new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel !== "function") return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const message = () => new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
  if (typeof requestAnimationFrame !== "function" || typeof document === "undefined") return message;
  let lastFrame = performance.now();
  let nextFrame = null;
  const frame = () => (nextFrame ??= new Promise((resolve) => requestAnimationFrame(() => {
    lastFrame = performance.now();
    nextFrame = null;
    resolve();
  })));
  return () => {
    const sinceFrame = performance.now() - lastFrame;
    if (sinceFrame > FRAME_AT_LEAST_EVERY_MS && document.visibilityState === "visible") return frame();
    if (sinceFrame > FRAME_ASKED_AFTER_MS) frame();
    return message();
  };
})();

/**
 * A handler's answer copied into plain data before any backend reads it: a reply whose
 * getters, proxies or iterators throw becomes a rejection here (an OSError in Python), on
 * every backend alike, instead of throwing inside the wasm. Values keep their meaning
 * (a Map becomes the object the backends read as a dict; BigInts and Uint8Arrays stay).
 */
function plainReply(kind, value, policy) {
  const copy = (v, depth) => {
    if (depth > 100) throw new HostError("Failed", "host reply nested too deeply");
    if (v === null || v === undefined || typeof v !== "object") return v;
    if (v instanceof Uint8Array) return new Uint8Array(v);
    if (Array.isArray(v)) return Array.from(v, (item) => copy(item, depth + 1));
    if (v instanceof Map) {
      // A Map is a dict too (keys must be strings, as an object's are).
      const out = {};
      for (const [key, item] of v) {
        if (typeof key !== "string") throw new HostError("Failed", `a Map in a host reply has a key that is not a string: ${typeof key}`);
        out[key] = copy(item, depth + 1);
      }
      return out;
    }
    const out = {};
    for (const key of Object.keys(v)) out[key] = copy(v[key], depth + 1);
    return out;
  };
  try {
    if (kind === "fetch") {
      if (value === null || typeof value !== "object") return value;
      const { status, reason, url, headers, body } = value;
      if (body instanceof Uint8Array && body.length > policy.maxResponseBytes) throw tooLarge(policy.maxResponseBytes);
      return { status, reason, url, headers: copy(headers === undefined ? [] : Array.from(headers), 0), body: body instanceof Uint8Array ? new Uint8Array(body) : body };
    }
    return kind === "call" ? copy(value, 0) : value;
  } catch (error) {
    if (error instanceof HostError) throw error;
    throw new HostError("Failed", `the host's reply could not be read: ${error?.message ?? error}`);
  }
}

/** A handler's rejection as a HostError the backends can read without running code of
 * the embedder's (a reason whose getters throw is a plain failure). */
function hostErrorOf(reason) {
  if (reason instanceof HostError) return reason;
  try {
    const kind = typeof reason?.stackswitchKind === "string" ? reason.stackswitchKind : "Failed";
    const message = typeof reason?.message === "string" ? reason.message : typeof reason === "string" ? reason : JSON.stringify(reason) ?? "host handler failed";
    return new HostError(kind, message);
  } catch {
    return new HostError("Failed", "host handler failed (its error could not be read)");
  }
}

/** The RunLimits a session's options ask for: { maxSeconds, maxSteps }, null for none. */
function sessionLimits(options) {
  const positive = (value, name) => {
    if (value === undefined || value === null) return null;
    if (typeof value !== "number" || !(value >= 0)) throw new TypeError(`stackswitch: ${name} must be a non-negative number`);
    return value;
  };
  const timeoutMs = positive(options.timeoutMs, "timeoutMs");
  return { maxSeconds: timeoutMs === null ? null : timeoutMs / 1000, maxSteps: positive(options.maxSteps, "maxSteps") };
}

/** CPython's text for the socket errors Node reports by code (Linux errno values). */
const OS_ERRORS = {
  ECONNREFUSED: "[Errno 111] Connection refused",
  ECONNRESET: "[Errno 104] Connection reset by peer",
  ETIMEDOUT: "[Errno 110] Connection timed out",
  EHOSTUNREACH: "[Errno 113] No route to host",
  ENETUNREACH: "[Errno 101] Network is unreachable",
  ENOTFOUND: "[Errno -2] Name or service not known",
  EAI_AGAIN: "[Errno -3] Temporary failure in name resolution",
};

/**
 * Default for `maxResponseBytes`: the largest response body a session accepts, 64 MiB.
 * The same as the native runner's (core's DEFAULT_MAX_RESPONSE_BYTES): a sixteenth of the
 * interpreter's 1 GiB memory limit, since a body is held a few times over on its way in
 * (the stream's chunks, the joined body, the reply bytes, the wasm copy, Python's bytes and
 * the text decoded from them) and all of it must fit well inside one wasm32 instance.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** CPython's HTTPRedirectHandler.max_redirections. */
const MAX_REDIRECTS = 10;

/** The fetch policy of a session's options: { maxResponseBytes, refusal(url) -> why not, or
 * null, checksRedirects }. */
function fetchPolicy(options) {
  const max = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (typeof max !== "number" || !(max >= 0)) throw new TypeError("stackswitch: maxResponseBytes must be a non-negative number of bytes");
  const allowed = options.allowedOrigins;
  let check = null;
  if (typeof allowed === "function") {
    check = (url) => {
      let ok;
      try {
        ok = allowed(url);
      } catch (error) {
        return `the allowedOrigins check failed for ${url}: ${error?.message ?? error}`;
      }
      return ok === true ? null : `${url} is not an allowed URL (allowedOrigins)`;
    };
  } else if (Array.isArray(allowed)) {
    const origins = new Set(allowed.map((origin) => {
      if (typeof origin !== "string") throw new TypeError("stackswitch: allowedOrigins must be an array of origin strings or a function");
      try {
        return new URL(origin).origin;
      } catch {
        throw new TypeError(`stackswitch: allowedOrigins: '${origin}' is not an origin such as 'http://127.0.0.1:8000'`);
      }
    }));
    check = (url) => {
      let origin;
      try {
        origin = new URL(url).origin;
      } catch {
        return `unknown url type: ${url}`;
      }
      return origins.has(origin) ? null : `origin ${origin} is not allowed (allowedOrigins)`;
    };
  } else if (allowed !== undefined && allowed !== null) {
    throw new TypeError("stackswitch: allowedOrigins must be an array of origin strings or a function");
  }
  return { maxResponseBytes: max, refusal: check ?? (() => null), checksRedirects: check !== null };
}

function tooLarge(limit) {
  return new HostError("Network", `response body larger than the limit of ${limit} bytes (maxResponseBytes)`);
}

/** The body of `response`, read as a stream and abandoned once it passes `limit` bytes. */
async function readLimited(response, limit) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    let next;
    try {
      next = await reader.read();
    } catch (error) {
      throw networkError(error); // the connection failed mid-body: a URLError too
    }
    const { done, value } = next;
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
}

/** What a failed `fetch()` says, as the reason of a URLError. */
function networkError(error) {
  const code = error?.cause?.code;
  const cause = OS_ERRORS[code] ?? code ?? error?.cause?.message ?? error?.message ?? String(error);
  return new HostError("Network", `${cause}`);
}

/**
 * The default `fetch` handler: the engine's `fetch`, with the session's policy. With an
 * allow-list, Node follows redirects here, checking each hop's URL before it is
 * requested; a page's Fetch API hides the hops (`redirect: "manual"` gives an opaque
 * response), so there the final URL is checked and its body refused.
 */
async function defaultFetch(request, policy) {
  const manual = policy.checksRedirects && isNode;
  let { url, method, headers, body } = request;
  let response;
  for (let hop = 0; ; hop++) {
    const refused = policy.refusal(url);
    if (refused) throw new HostError("Network", refused);
    try {
      response = await fetch(url, { method, headers, body, redirect: manual ? "manual" : "follow" });
    } catch (error) {
      throw networkError(error);
    }
    const location = response.headers.get("location");
    if (!manual || ![301, 302, 303, 307, 308].includes(response.status) || location === null || hop === MAX_REDIRECTS) break;
    await response.body?.cancel().catch(() => {});
    url = new URL(location, url).href;
    // As CPython's HTTPRedirectHandler (and the Fetch standard): 303, and 301/302 after
    // a POST, continue as a GET without the body.
    if (response.status === 303 || ([301, 302].includes(response.status) && !["GET", "HEAD"].includes(method))) {
      method = "GET";
      body = undefined;
      headers = headers.filter(([name]) => !["content-type", "content-length"].includes(name.toLowerCase()));
    }
  }
  const refusedAfter = response.redirected ? policy.refusal(response.url) : null;
  if (refusedAfter) {
    await response.body?.cancel().catch(() => {});
    throw new HostError("Network", refusedAfter);
  }
  return {
    status: response.status,
    reason: response.statusText,
    url: response.url || url,
    headers: [...response.headers],
    body: await readLimited(response, policy.maxResponseBytes),
  };
}

function defaultOutput(stream) {
  if (isNode) return (text) => (stream === "stdout" ? process.stdout : process.stderr).write(text);
  let line = "";
  return (text) => {
    line += text;
    let nl;
    while ((nl = line.indexOf("\n")) >= 0) {
      (stream === "stdout" ? console.log : console.error)(line.slice(0, nl));
      line = line.slice(nl + 1);
    }
  };
}

// ---------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------

/**
 * Create a session: one interpreter (its own globals) with its host handlers.
 * @param {import("./stackswitch").SessionOptions} [options]
 * @returns {Promise<Session>}
 */
export async function createSession(options = {}) {
  const detection = detect();
  const wanted = options.backend ?? "auto";
  let backend;
  if (wanted === "auto") {
    if (!detection.backend) throw new Error(`stackswitch: ${detection.reason}`);
    backend = detection.backend;
  } else if (!BACKENDS.includes(wanted)) {
    throw new Error(`stackswitch: unknown or not yet built backend '${wanted}' (available: ${BACKENDS.join(", ")})`);
  } else if (detection.unavailable[wanted]) {
    throw new Error(`stackswitch: backend '${wanted}' cannot run on this engine: ${detection.unavailable[wanted]}`);
  } else {
    backend = wanted;
  }
  const base = assetsBase(options.baseUrl);
  const limits = sessionLimits(options);
  const policy = fetchPolicy(options);
  const files = await sessionFiles(options, base);
  const environ = sessionEnviron(options);
  const glue = await loadBackend(backend, base);
  if (backend === "worker") options = { ...options, workerChannel: checkedWorkerChannel(options.workerChannel, detection) };
  return Session[OPEN](glue, backend, { ...options, base, limits, policy, hostFiles: files, environ });
}

/** The `env` option: `os.environ`, checked to be strings. */
function sessionEnviron(options) {
  const environ = options.env ?? {};
  if (typeof environ !== "object" || environ === null) throw new TypeError("stackswitch: env must be an object of strings");
  for (const [key, value] of Object.entries(environ)) {
    if (typeof value !== "string") throw new TypeError(`stackswitch: env.${key} must be a string`);
  }
  return environ;
}

/**
 * The `filesystem` and `cwd` options: null for the in-memory filesystem (the default),
 * or `{ request, at }` for the machine's files through node:fs (node_files.js) from the
 * start directory `at`.
 */
async function sessionFiles(options, base) {
  const kind = options.filesystem ?? "memory";
  if (options.cwd !== undefined && typeof options.cwd !== "string") throw new TypeError("stackswitch: cwd must be a path string");
  if (kind === "memory") return null;
  if (kind !== "node") throw new TypeError(`stackswitch: filesystem must be "memory" or "node", not ${JSON.stringify(kind)}`);
  if (!isNode) throw new Error('stackswitch: filesystem "node" (the machine\'s files) exists only in Node');
  if (options.files && Object.keys(options.files).length) throw new TypeError('stackswitch: files are for the "memory" filesystem; with "node" the program sees the machine\'s files');
  const { nodeFileRequest } = await importUnbundled(new URL("./node_files.js", base).href);
  const at = options.cwd ?? process.cwd();
  return { request: nodeFileRequest(at), at };
}

/** The worker channel a session asked for (or detection chose), if this engine has it. */
function checkedWorkerChannel(wanted, detection) {
  const { features, worker } = detection;
  if (!wanted) return worker.channel;
  if (!WORKER_CHANNEL_USABLE[wanted]?.(features)) throw new Error(`stackswitch: worker channel '${wanted}' cannot run here (${worker.reason})`);
  return wanted;
}

/**
 * The result of a run the engine ended: the JS engine's stack ran out (a RangeError, or
 * an asyncify driver error caused by one), Asyncify's buffer overflowed (the driver's
 * `stackOverflow` errors), or the instance trapped.
 */
function fatalResult(error) {
  const root = error?.cause ?? error;
  const overflow = error?.stackOverflow === true || root instanceof RangeError;
  const type = overflow ? "RecursionError" : "SystemError";
  const message = error?.stackOverflow === true ? `maximum recursion depth exceeded (${error.message})`
    : overflow ? "maximum recursion depth exceeded (the JS engine's stack ran out first)"
    : `the interpreter stopped: ${error?.message ?? error}`;
  return { status: 1, type, message, traceback: `${type}: ${message}\n`, fatal: true };
}

/** The key of Session's opener: module-private, so that only createSession makes sessions. */
const OPEN = Symbol("open");

export class Session {
  #handle;
  #options;
  #pending = null; // { reject } of the request the program is waiting on
  #interrupted = false;
  #closed = false;
  #running = false;
  #broken = false;
  #yieldEveryMs; // Infinity when yielding is off
  #nextYield = Infinity; // performance.now() after which the next poll yields
  #timedOut = false; // the run's timeoutMs passed (its timer fired)
  #stats = { suspensions: 0, yields: 0 };
  #files = null; // the `fs` object, made on first use
  #runEnded = Promise.resolve(); // settles when the run in progress (if any) has ended
  #outputFailed = false;

  #bridge; // the host side the backend's handle calls (request, write, now, poll)

  /** Create a session and its backend handle (asyncify instantiates asynchronously). */
  static async [OPEN](glue, backend, options) {
    const session = new Session(OPEN, glue, backend, options);
    // A file name, not a `<name>`: tracebacks show source lines for files only (as
    // CPython's, which finds no file called `<stdin>`).
    const filename = options.filename ?? "main.py";
    const args = [session.#bridge, filename, options.argv ?? [options.filename ?? ""]];
    const { maxSeconds, maxSteps } = options.limits;
    session.#handle = glue.Session.create ? await glue.Session.create(...args, options) : new glue.Session(...args, maxSeconds, maxSteps, options.hostFiles != null, Object.entries(options.environ).flat());
    for (const [path, data] of Object.entries(options.files ?? {})) await session.fs.write(path, data);
    if (options.cwd !== undefined && options.hostFiles == null) await session.#file(FILE_CHDIR_CREATING, options.cwd);
    return session;
  }

  /** The worker backend's channel ("shared-memory" or "service-worker"); null on the others. */
  get channel() {
    return this.backend === "worker" ? this.#options.workerChannel : null;
  }

  /** The program's files (the .d.ts's SessionFiles): each operation waits for a run in
   *  progress to end, then asks the backend (core's serve_file_request on every one). */
  get fs() {
    const call = (op, path, data) => this.#file(op, path, data);
    return (this.#files ??= Object.freeze({
      read: (path) => call(FILE_READ, path),
      readText: async (path) => fromUtf8.decode(await call(FILE_READ, path)),
      write: async (path, data) => {
        if (typeof data !== "string" && !(data instanceof Uint8Array)) throw new TypeError("stackswitch: fs.write() takes a string or a Uint8Array");
        await call(FILE_WRITE, path, typeof data === "string" ? toUtf8.encode(data) : data);
      },
      list: async () => {
        // The machine's files from "/" would be all of them.
        if (this.#options.hostFiles) throw new Error('stackswitch: fs.list() lists an in-memory filesystem; this session\'s files are the machine\'s (filesystem "node")');
        const text = fromUtf8.decode(await call(FILE_LIST, "/"));
        return text ? text.split("\0") : [];
      },
      remove: async (path) => {
        await call(FILE_REMOVE, path);
      },
    }));
  }

  async #file(op, path, data = new Uint8Array(0)) {
    if (typeof path !== "string") throw new TypeError("stackswitch: a file path must be a string");
    while (this.#running) await this.#runEnded;
    if (this.#closed) throw new Error("stackswitch: session is closed");
    if (this.#broken) throw new Error("stackswitch: session is unusable after a fatal engine error");
    const answer = await this.#handle.fs(op, path, data);
    if (answer[0] === 0) return answer.subarray(1);
    const errno = new DataView(answer.buffer, answer.byteOffset + 1, 4).getUint32(0, true);
    throw new Error(`stackswitch: ${JSON.stringify(path)}: [Errno ${errno}] ${fromUtf8.decode(answer.subarray(5))}`);
  }

  constructor(token, glue, backend, options) {
    if (token !== OPEN) throw new TypeError("stackswitch: sessions are made by createSession(), not new Session()");
    this.backend = backend;
    this.#options = options;
    this.stdout = options.stdout ?? defaultOutput("stdout");
    this.stderr = options.stderr ?? defaultOutput("stderr");
    const slice = options.yieldEveryMs ?? DEFAULT_YIELD_EVERY_MS;
    if (typeof slice !== "number" || !(slice > 0)) throw new TypeError("stackswitch: yieldEveryMs must be a positive number of milliseconds");
    // The worker has a thread of its own: its program never needs to yield.
    this.#yieldEveryMs = options.yielding === false || backend === "worker" ? Infinity : slice;
    const bridge = {
      request: (kind, payload) => this.#request(kind, payload),
      write: (stream, text) => this.write(stream, text),
      now: (clock) => (clock === "wall" ? Date.now() / 1000 : performance.now() / 1000),
      // The worker took the interrupt at a poll of its own thread.
      interruptTaken: () => {
        this.#interrupted = false;
      },
      // The machine's files (filesystem "node"): node_files.js's request, and where it started.
      file: options.hostFiles?.request,
      filesAt: options.hostFiles?.at,
      poll: () => {
        if (this.#interrupted) {
          this.#interrupted = false;
          return POLL_INTERRUPT;
        }
        return performance.now() >= this.#nextYield ? POLL_YIELD : POLL_CONTINUE;
      },
    };
    this.#bridge = bridge;
  }

  /** Counts for the run in progress or the last one: `{ suspensions, yields }` (yields are
   * the suspensions that only let the event loop run). */
  get stats() {
    return { ...this.#stats };
  }

  /** Deliver program output to the embedder, in order. */
  write(stream, text) {
    try {
      (stream === "stdout" ? this.stdout : this.stderr)(text);
    } catch (error) {
      // The program goes on; the embedder's broken handler is reported once, not fatal.
      if (!this.#outputFailed) console.error(`stackswitch: the ${stream} handler threw (output dropped): ${error?.message ?? error}`);
      this.#outputFailed = true;
    }
  }

  #request(kind, payload) {
    if (this.#closed) return Promise.reject(new HostError("Interrupted", "session closed"));
    // An interrupt() made while the program ran (from an output handler, say, or while
    // a worker's request was still on its way) is taken by whichever comes first: a
    // poll or this request, which then fails at once instead of waiting.
    if (this.#interrupted) {
      this.#interrupted = false;
      return Promise.reject(new HostError("Interrupted", "interrupted"));
    }
    const o = this.#options;
    let answer;
    switch (kind) {
      case "yield":
        this.#stats.yields += 1;
        answer = macrotask;
        break;
      case "input":
        answer = () => (o.input ? o.input(payload.prompt, this) : defaultInput(payload.prompt, this));
        break;
      case "sleep":
        answer = () => (o.sleep ?? defaultSleep)(payload.seconds);
        break;
      case "module":
        answer = () => standardModuleSource(payload.name, o.base);
        break;
      case "fetch": {
        // The allow-list applies to every handler; the default one also checks redirects.
        const refused = o.policy.refusal(payload.url);
        if (refused) return Promise.reject(new HostError("Network", refused));
        answer = () => (o.fetch ? o.fetch(payload) : defaultFetch(payload, o.policy));
        break;
      }
      case "call": {
        // Own properties only: "constructor" or "toString" are not functions anyone registered.
        const f = o.functions && Object.hasOwn(o.functions, payload.name) ? o.functions[payload.name] : undefined;
        if (typeof f !== "function") {
          return Promise.reject(new HostError("UnknownFunction", `no host function named '${payload.name}'`));
        }
        answer = () => f(...payload.args);
        break;
      }
      default:
        return Promise.reject(new HostError("Failed", `unknown request kind '${kind}'`));
    }
    this.#stats.suspensions += 1;
    // The request promise settles with the handler's answer, or is rejected early by
    // interrupt()/close() or the run's timeout; a synchronous throw in the handler
    // becomes a rejection. Once it settled the event loop has run: a new time slice.
    return new Promise((resolve, reject) => {
      if (this.#timedOut) return reject(new HostError("TimedOut", "time limit exceeded"));
      // The first of the answer, interrupt() and the timeout settles it, at once.
      const settle = (how) => (value) => {
        if (this.#pending === pending) this.#pending = null;
        this.#nextYield = performance.now() + this.#yieldEveryMs;
        how(value);
      };
      const pending = { reject: settle(reject) };
      this.#pending = pending;
      // The default fetch handler's reply is this file's own plain data: no second copy.
      const own = kind === "fetch" && !o.fetch;
      Promise.resolve().then(answer).then((value) => (own ? value : plainReply(kind, value, o.policy)))
        .then(settle(resolve), (reason) => pending.reject(hostErrorOf(reason)));
    });
  }

  /**
   * Run Python source in this session's globals: a string, or a source file's bytes (a
   * Uint8Array), decoded as CPython decodes a file (coding declarations; invalid UTF-8 or
   * a NUL byte is a SyntaxError).
   * @returns {Promise<import("./stackswitch").RunResult>}
   */
  async run(code) {
    if (typeof code !== "string" && !(code instanceof Uint8Array)) throw new TypeError("stackswitch: run() takes a string or a Uint8Array of source bytes");
    if (this.#closed) throw new Error("stackswitch: session is closed");
    if (this.#broken) throw new Error("stackswitch: session is unusable after a fatal engine error");
    if (this.#running) throw new Error("stackswitch: session is already running");
    this.#running = true;
    let ended;
    this.#runEnded = new Promise((resolve) => (ended = resolve));
    this.#interrupted = false;
    this.#timedOut = false;
    this.#stats = { suspensions: 0, yields: 0 };
    this.#nextYield = performance.now() + this.#yieldEveryMs;
    // The core checks the time limit itself while code runs (every poll and after every
    // suspension); this timer only ends a request still pending when it passes.
    const { maxSeconds } = this.#options.limits;
    const timer = maxSeconds === null ? null : setTimeout(() => {
      this.#timedOut = true;
      this.#pending?.reject(new HostError("TimedOut", "time limit exceeded"));
    }, maxSeconds * 1000);
    try {
      // The JSPI glue has a method per argument type; the raw-ABI backends take either.
      return await (typeof code !== "string" && this.#handle.runBytes ? this.#handle.runBytes(code) : this.#handle.run(code));
    } catch (error) {
      // Not a Python exception (those resolve normally) but the engine giving up. An
      // asyncify session owns its instance (the driver already discarded it); the JSPI
      // backend shares one instance per module, so later sessions need a fresh one.
      this.#broken = true;
      if (!this.#handle.ownsInstance) discardInstance(this.backend, this.#options.base);
      return fatalResult(error);
    } finally {
      clearTimeout(timer);
      this.#running = false;
      ended();
      this.#nextYield = Infinity;
      if (this.#closed) this.#free();
    }
  }

  /**
   * Raise KeyboardInterrupt in the running program: at once if it waits on a request (a
   * yield included), else at its next poll or request, whichever comes first. Does
   * nothing when no run is in progress.
   */
  interrupt() {
    if (!this.#running) return;
    // One KeyboardInterrupt: in the pending request if there is one, else at the next poll.
    if (this.#pending) this.#pending.reject(new HostError("Interrupted", "interrupted"));
    else this.#interrupted = true;
    this.#handle?.interrupt?.(); // a backend that runs elsewhere (worker) must be told
  }

  /** End the session: a pending request fails with KeyboardInterrupt; memory is freed. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.interrupt();
    if (!this.#running) this.#free();
  }

  #free() {
    // A broken instance may hold borrows that free() would trip over; just drop it.
    if (!this.#broken) this.#handle?.free();
    this.#handle = null;
  }
}
