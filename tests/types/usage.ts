// Typed usage of the stackswitch package, as an embedder writes it: every line must
// type-check under `tsc --noEmit --strict` (tests/types/tsconfig.json). It is checked,
// never run.
import {
  BACKENDS,
  createSession,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_YIELD_EVERY_MS,
  detect,
  HostError,
  Session,
  type Detection,
  type FetchRequest,
  type FetchResponse,
  type HostReply,
  type HostValue,
  type RunResult,
  type SessionOptions,
} from "stackswitch";

const detection: Detection = detect();
const picked: "jspi" | "worker" | "asyncify" | null = detection.backend;
const isolated: boolean | null = detection.features.crossOriginIsolated;
const channel: "shared-memory" | "service-worker" | null = detection.worker.channel;
const firstBackend: "jspi" | "worker" | "asyncify" | undefined = BACKENDS[0];
const limits: number = DEFAULT_MAX_RESPONSE_BYTES + DEFAULT_YIELD_EVERY_MS;

const lines = ["Ada", "42"];

async function fetchHandler(request: FetchRequest): Promise<FetchResponse> {
  const body: Uint8Array = request.body ?? new Uint8Array(0);
  return { status: 200, reason: "OK", url: request.url, headers: [["content-length", String(body.length)]], body };
}

const options: SessionOptions = {
  backend: "auto",
  baseUrl: new URL("https://example.org/stackswitch/"),
  filename: "main.py",
  argv: ["main.py", "--verbose"],
  stdout: (text) => console.log(text),
  stderr: (text) => console.error(text),
  input: async (prompt, session) => {
    session.write("stdout", prompt);
    const line = lines.shift();
    if (line === undefined) throw new HostError("EndOfInput", "no more input");
    return line;
  },
  sleep: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
  fetch: fetchHandler,
  functions: {
    add: (a, b) => (typeof a === "number" && typeof b === "number" ? a + b : null),
    log: (...args) => {
      console.log(args);
    },
    later: async () => ({ ok: true, items: [1, "two", null] }),
    big: (n) => (typeof n === "bigint" ? n * 2n : 2n ** 64n),
    bytes: (data) => (data instanceof Uint8Array ? data.subarray(1) : new Uint8Array([1, 2])),
    map: () => new Map<string, HostReply>([["a", 1], ["b", new Map([["c", [undefined, 1n]]])]]),
  },
  asyncifyBufferSize: 8 * 1024 * 1024,
  workerChannel: "shared-memory",
  serviceWorkerUrl: "/sw.js",
  workerBufferSize: 1 << 20,
  interruptGraceMs: 500,
  yieldEveryMs: 10,
  yielding: true,
  timeoutMs: 5000,
  maxSteps: 1_000_000,
  maxResponseBytes: 1 << 20,
  allowedOrigins: ["http://127.0.0.1:8000"],
  files: { "data.txt": "1 2 3\n", "raw.bin": new Uint8Array([0, 1, 2]) },
  filesystem: "memory",
  cwd: "/home/student",
  env: { HOME: "/home/student" },
};

export async function main(): Promise<number> {
  const session: Session = await createSession(options);
  const backend: "jspi" | "worker" | "asyncify" = session.backend;
  const previous = session.stdout;
  session.stdout = (text) => previous(text.toUpperCase());
  session.stderr = (text) => console.warn(text);
  const result: RunResult = await session.run("print(input('Name? '))");
  if (result.type !== undefined) console.error(result.type, result.message, result.traceback, result.fatal === true);
  await session.run(new TextEncoder().encode("# -*- coding: latin-1 -*-\nprint('caf\\xe9')\n"));
  await session.fs.write("out.txt", "text");
  const text: string = await session.fs.readText("out.txt");
  const bytes: Uint8Array = await session.fs.read("out.txt");
  const paths: string[] = await session.fs.list();
  await session.fs.remove("out.txt");
  const { suspensions, yields }: { suspensions: number; yields: number } = session.stats;
  const workerChannel: "shared-memory" | "service-worker" | null = session.channel;
  session.interrupt();
  session.close();
  const predicate: SessionOptions = { allowedOrigins: (url) => url.startsWith("http://127.0.0.1"), filesystem: "node" };
  const value: HostValue = { nested: [true, 1.5, "x", null, 2n ** 70n, new Uint8Array(3)] };
  const error = new HostError("Network", "offline");
  const kind: string = error.stackswitchKind;
  return [picked, isolated, channel, firstBackend, limits, backend, text, bytes, paths, suspensions, yields, workerChannel, predicate, value, kind].length + result.status;
}
