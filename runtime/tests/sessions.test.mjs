// Session API tests for the JS-hosted backends (node:test). Run by
// tests/tests/jspi.rs as `node --test sessions.test.mjs` inside the built distribution,
// with STACKSWITCH_TEST_BACKEND naming the backend under test.
//
// Each test checks behaviour only (never timing): deep recursion across a suspension,
// many sessions suspended at once without cross-talk, rejected and throwing handlers
// becoming Python exceptions, host values crossing losslessly both ways (ints beyond
// 2**53 as BigInt, bytes as Uint8Array, Maps as dicts), and a handler that never answers
// until the session closes.
// Every backend: the event loop keeps running while Python computes (a ticker ticks:
// jspi and asyncify yield, the worker has its own thread); interrupt() stopping a
// CPU-bound loop, a pending input() and a long time.sleep() (the session stays usable);
// a stale interrupt() not reaching the next run; timeoutMs/maxSteps ending runs that
// catch everything; the default fetch handler against loopback servers: maxResponseBytes
// refusing larger bodies (streamed or declared), allowedOrigins refusing other origins
// and redirects to them before they are requested. Worker backend only: replies far larger than the channel's buffer
// arriving byte-identical, and a worker killed mid-run.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSession, detect, DEFAULT_MAX_RESPONSE_BYTES, Session } from "../stackswitch.js";

const backend = process.env.STACKSWITCH_TEST_BACKEND ?? "jspi";

function collect() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    options: { backend, stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) },
  };
}

test("detection reports the engine's features and can run this backend", () => {
  const d = detect();
  assert.equal(d.unavailable[backend], null);
  if (backend === "jspi") {
    assert.equal(d.features.jspi, true);
    assert.equal(d.features.exnref, true);
    assert.equal(d.backend, "jspi");
  } else if (!(d.features.jspi && d.features.exnref)) {
    assert.equal(d.backend, "asyncify"); // Node's first fallback wherever JSPI is absent (Node 20)
  }
  if (backend === "worker") assert.equal(d.worker.channel, "shared-memory"); // Node: worker_threads

});

test("sessions are made by createSession only: new Session() throws, and Session has no public opener", () => {
  assert.throws(() => new Session(), /createSession/);
  assert.deepEqual(Object.getOwnPropertyNames(Session).sort(), ["length", "name", "prototype"]);
});

test("suspensions reached through dunder methods, keys, generators and properties resume", async () => {
  // Every one of these reaches input() through an indirect call in the interpreter
  // (builtin function pointers, trait objects): the paths Asyncify must instrument.
  const { out, options } = collect();
  let n = 0;
  const session = await createSession({ ...options, input: async (prompt) => `${prompt.trim()}${++n}` });
  const result = await session.run(`
class Loud:
    def __str__(self):
        return input("str")
    def __eq__(self, other):
        return input("eq") != ""
    def __hash__(self):
        return len(input("hash"))
    @property
    def prop(self):
        return input("prop")
print(Loud())
print(sorted([3, 1, 2], key=lambda x: input("key") + str(x)))
print(list(input("gen") for _ in range(2)))
d = {Loud(): 1}
print(Loud() in d, Loud().prop)
print(list(map(lambda x: input("map"), [0])), "%s" % Loud(), f"{Loud()}")
`);
  assert.equal(result.status, 0, result.traceback);
  // As CPython prints it with the same input() (checked with python3).
  assert.equal(out.stdout, ["str1", "[3, 1, 2]", "['gen5', 'gen6']", "True prop10", "['map11'] str12 str13", ""].join("\n"));
  session.close();
});

test("recursion 900 deep suspends and resumes with the whole stack intact", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, input: async (prompt) => `answer to ${prompt}` });
  const result = await session.run(`
def down(n):
    if n == 0:
        return input("bottom")
    return down(n - 1) + "."
r = down(900)
print(len(r), r[:16])
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, `${"answer to bottom".length + 900} answer to bottom\n`);
  session.close();
});

test("20 sessions suspended at once get their own replies, in any order", async () => {
  const pending = [];
  const sessions = [];
  const outputs = [];
  for (let i = 0; i < 20; i++) {
    const { out, options } = collect();
    outputs.push(out);
    sessions.push(await createSession({
      ...options,
      input: (prompt) => new Promise((resolve) => pending.push({ prompt, resolve })),
    }));
  }
  const runs = sessions.map((s, i) => s.run(`
total = 0
for round in range(3):
    total += int(input("s${i} r%d " % round))
print("session ${i}", total)
`));
  // Answer in a scrambled order, one round at a time, while every session is suspended.
  for (let round = 0; round < 3; round++) {
    while (pending.length < 20) await new Promise((r) => setTimeout(r, 1));
    const batch = pending.splice(0, 20);
    batch.sort((a, b) => ((a.prompt.length * 7919 + a.prompt.charCodeAt(1)) % 13) - ((b.prompt.length * 7919 + b.prompt.charCodeAt(1)) % 13));
    for (const { prompt, resolve } of batch.reverse()) {
      const i = Number(prompt.slice(1, prompt.indexOf(" ")));
      resolve(String(i * 100 + round));
    }
  }
  const results = await Promise.all(runs);
  results.forEach((r, i) => {
    assert.equal(r.status, 0, r.traceback);
    assert.equal(outputs[i].stdout, `session ${i} ${i * 300 + 3}\n`);
  });
  sessions.forEach((s) => s.close());
});

test("a rejected host promise and a throwing handler raise Python exceptions", async () => {
  const { out, options } = collect();
  const session = await createSession({
    ...options,
    functions: {
      rejects: () => Promise.reject(new Error("the teacher is away")),
      throws: () => { throw new TypeError("bad handler"); },
      add: async (a, b) => a + b,
    },
  });
  const result = await session.run(`
import host
for name in ["rejects", "throws", "missing"]:
    try:
        host.call(name)
    except OSError as e:
        print(name, "OSError", e)
    except LookupError as e:
        print(name, "LookupError", e)
print(host.call("add", 2, 3), host.call("add", "a", "b"))
host.call("rejects")
`);
  assert.equal(out.stdout, [
    "rejects OSError the teacher is away",
    "throws OSError bad handler",
    "missing LookupError no host function named 'missing'",
    "5 ab",
    "",
  ].join("\n"));
  assert.equal(result.status, 1);
  assert.equal(result.type, "OSError");
  assert.match(result.traceback, /OSError: the teacher is away\n$/);
  session.close();
});

test("host values map losslessly both ways: ints as numbers or BigInts, bytes, dicts and Maps, None", async () => {
  const { out, options } = collect();
  const seen = {};
  const session = await createSession({
    ...options,
    functions: {
      // Records what JS received for each argument; answers with what Python should get.
      see: (name, value) => {
        seen[name] = value;
        return value;
      },
      reply: (what) => ({
        bigint: 2n ** 70n + 1n,
        negbig: -(2n ** 64n),
        smallbig: 5n,
        i64big: -(2n ** 63n),
        safe: Number.MAX_SAFE_INTEGER,
        bytes: new Uint8Array([0, 255, 10]),
        map: new Map([["a", 1], ["b", new Map([["c", null]])]]),
        undef: undefined,
        nested: { list: [1n, new Uint8Array([7]), { x: null }] },
      })[what],
      badmap: () => new Map([[1, "one"]]),
    },
  });
  const result = await session.run(`
import host
for name, value in [("safe", 2**53 - 1), ("unsafe", 2**53), ("i64", -2**63), ("huge", 2**60),
                    ("bigger", -(2**100) + 7), ("float", 0.5), ("none", None),
                    ("bytes", b"\\x00\\xffab"), ("bytearray", bytearray(b"xy")),
                    ("dict", {"k": [1, (2, b"z")], "n": None})]:
    back = host.call("see", name, value)
    print(name, repr(back), back == value or (name == "bytearray" and back == b"xy"))
for what in ["bigint", "negbig", "smallbig", "i64big", "safe", "bytes", "map", "undef", "nested"]:
    value = host.call("reply", what)
    print(what, type(value).__name__, repr(value))
try:
    host.call("badmap")
except OSError as e:
    print("badmap OSError", e)
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, [
    "safe 9007199254740991 True",
    "unsafe 9007199254740992 True",
    "i64 -9223372036854775808 True",
    "huge 1152921504606846976 True",
    "bigger -1267650600228229401496703205369 True",
    "float 0.5 True",
    "none None True",
    "bytes b'\\x00\\xffab' True",
    "bytearray b'xy' True",
    "dict {'k': [1, [2, b'z']], 'n': None} False",
    "bigint int 1180591620717411303425",
    "negbig int -18446744073709551616",
    "smallbig int 5",
    "i64big int -9223372036854775808",
    "safe int 9007199254740991",
    "bytes bytes b'\\x00\\xff\\n'",
    "map dict {'a': 1, 'b': {'c': None}}",
    "undef NoneType None",
    "nested dict {'list': [1, b'\\x07', {'x': None}]}",
    "badmap OSError a Map in a host reply has a key that is not a string: number",
    "",
  ].join("\n"));
  // What JS received: numbers only where exact, BigInt beyond, Uint8Array for bytes.
  assert.equal(seen.safe, Number.MAX_SAFE_INTEGER);
  assert.equal(seen.unsafe, 2n ** 53n);
  assert.equal(seen.i64, -(2n ** 63n));
  assert.equal(seen.huge, 2n ** 60n);
  assert.equal(seen.bigger, -(2n ** 100n) + 7n);
  assert.equal(seen.float, 0.5);
  assert.equal(seen.none, null);
  assert.deepEqual(seen.bytes, new Uint8Array([0, 255, 97, 98]));
  assert.deepEqual(seen.bytearray, new Uint8Array([120, 121]));
  assert.deepEqual(seen.dict, { k: [1, [2, new Uint8Array([122])]], n: null });
  session.close();
});

test("a handler that never answers is ended by closing the session", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, input: () => new Promise(() => {}) });
  const run = session.run(`
try:
    input("never? ")
finally:
    print("cleanup ran")
`);
  await new Promise((r) => setTimeout(r, 20));
  session.close();
  const result = await run;
  assert.equal(result.type, "KeyboardInterrupt");
  assert.equal(out.stdout, "cleanup ran\n");
  await assert.rejects(session.run("print(1)"), /closed/);
  const fresh = await createSession(options);
  assert.equal((await fresh.run("x = 6 * 7")).status, 0);
  fresh.close();
});

test("host.call reaches only functions the embedder registered, not Object.prototype's", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, functions: { ping: () => "pong" } });
  const result = await session.run(`
import host
print(host.call("ping"))
for name in ["constructor", "toString", "isPrototypeOf", "hasOwnProperty", "__proto__"]:
    try:
        host.call(name)
    except LookupError as e:
        print("LookupError", e)
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "pong\n" + ["constructor", "toString", "isPrototypeOf", "hasOwnProperty", "__proto__"]
    .map((n) => `LookupError no host function named '${n}'\n`).join(""));
  session.close();
});

test("handlers that misbehave in every way raise Python exceptions and the session goes on", async () => {
  const { out, options } = collect();
  const hostile = new Proxy({}, { get() { throw new Error("getter exploded"); }, ownKeys() { throw new Error("keys exploded"); } });
  const badReason = { get message() { throw new Error("no message"); }, get stackswitchKind() { throw new Error("no kind"); } };
  let writes = 0;
  const session = await createSession({
    ...options,
    stderr: () => { writes += 1; throw new Error("stderr handler broke"); },
    fetch: async () => ({ status: 200, reason: "OK", url: "x", headers: hostile, body: new Uint8Array(0) }),
    functions: {
      proxy: () => hostile,
      array: () => [1, hostile],
      reason: () => Promise.reject(badReason),
      thrower: () => { throw badReason; },
    },
  });
  const result = await session.run(`
import host, sys, urllib.request
for name in ["proxy", "array", "reason", "thrower"]:
    try:
        host.call(name)
    except OSError as e:
        print(name, "OSError")
try:
    urllib.request.urlopen("http://127.0.0.1:9/")
except OSError as e:
    print("fetch OSError")
print("to stderr", file=sys.stderr)
print("still running")
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "proxy OSError\narray OSError\nreason OSError\nthrower OSError\nfetch OSError\nstill running\n");
  assert.ok(writes > 0, "the stderr handler was called");
  assert.equal((await session.run("print('usable')")).status, 0);
  session.close();
});

test("each session keeps its own globals across runs", async () => {
  const a = collect();
  const b = collect();
  const sa = await createSession(a.options);
  const sb = await createSession(b.options);
  await sa.run("x = 'a'");
  await sb.run("x = 'b'");
  await sa.run("print(x)");
  await sb.run("print(x)");
  assert.equal(a.out.stdout, "a\n");
  assert.equal(b.out.stdout, "b\n");
  sa.close();
  sb.close();
});

test("an engine stack overflow is reported, and later sessions get a fresh instance", async () => {
  const { options } = collect();
  const session = await createSession(options);
  // Past the interpreter's own limit, so the JS engine's stack (stock size) runs out
  // before the 6 MiB shadow-stack budget.
  const result = await session.run(`
import sys
sys.setrecursionlimit(1000000)
def f(n):
    return f(n + 1)
f(0)
`);
  assert.equal(result.type, "RecursionError");
  if (backend === "worker") {
    // The worker thread has 8 MB of JS stack in Node (stackswitch_worker.js): the
    // interpreter's own 6 MiB budget ends the recursion first, as an ordinary
    // RecursionError, and the session goes on. (Its fatal path: the kill test below.)
    assert.equal(result.fatal, undefined);
    assert.equal((await session.run("print(1)")).status, 0);
    session.close();
    return;
  }
  assert.equal(result.fatal, true);
  await unusableButANewSessionWorks(session);
});

/** After a fatal result: `session` refuses to run, and a new session runs normally. */
async function unusableButANewSessionWorks(session) {
  await assert.rejects(session.run("print(1)"), /unusable/);
  session.close();
  const fresh = collect();
  const next = await createSession(fresh.options);
  assert.equal((await next.run("print(sum(range(10)))")).status, 0);
  assert.equal(fresh.out.stdout, "45\n");
  next.close();
}

test("an Asyncify buffer overflow discards only its own session, with a clear error", { skip: backend !== "asyncify" }, async () => {
  const { options } = collect();
  const bystander = await createSession({ ...options, input: () => new Promise((r) => setTimeout(() => r("7"), 30)) });
  const waiting = bystander.run(`x = int(input())\nprint(x * 6)`);
  const tiny = await createSession({ ...options, asyncifyBufferSize: 256, input: async () => "x" });
  const overflow = await tiny.run(`def d(n):\n    return input() if n == 0 else d(n - 1)\nd(50)`);
  assert.equal(overflow.fatal, true);
  assert.equal(overflow.type, "RecursionError");
  assert.match(overflow.message, /overflowed the session's Asyncify buffer/);
  await assert.rejects(tiny.run("print(1)"), /unusable/);
  const result = await waiting;
  assert.equal(result.status, 0, result.traceback);
  tiny.close();
  bystander.close();
});

test("files given at creation are the program's; what it writes is read back through session.fs", async () => {
  const { out, options } = collect();
  const session = await createSession({
    ...options,
    files: {
      "data/scores.csv": "ada,90\nbob,75\n",
      "helper.py": "def total(rows):\n    return sum(int(r.split(',')[1]) for r in rows)\n",
      "/raw.bin": new Uint8Array([0, 255, 10]),
    },
  });
  const result = await session.run(`
import helper, os
rows = open("data/scores.csv").read().split()
print(helper.total(rows), sorted(os.listdir("data")), open("raw.bin", "rb").read())
os.makedirs("out")
with open("out/report.txt", "w") as f:
    f.write("total " + str(helper.total(rows)))
left_open = open("log.txt", "w")
left_open.write("written, never closed")
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "165 ['scores.csv'] b'\\x00\\xff\\n'\n");
  assert.equal(await session.fs.readText("/out/report.txt"), "total 165");
  assert.equal(await session.fs.readText("log.txt"), "written, never closed");
  assert.deepEqual(await session.fs.list(), ["/data/scores.csv", "/helper.py", "/log.txt", "/out/report.txt", "/raw.bin"]);
  assert.deepEqual([...(await session.fs.read("raw.bin"))], [0, 255, 10]);
  // Changed between runs, seen by the next run.
  await session.fs.write("data/scores.csv", "cy,1\n");
  await session.fs.remove("log.txt");
  await assert.rejects(session.fs.read("log.txt"), /"log.txt": \[Errno 2\] No such file or directory/);
  const next = await session.run(`print(open("data/scores.csv").read().strip(), os.path.exists("log.txt"))`);
  assert.equal(next.status, 0, next.traceback);
  assert.equal(out.stdout.split("\n")[1], "cy,1 False");
  session.close();
});

test('with filesystem "node" the program\'s files are the machine\'s, from the session\'s own current directory', async () => {
  const root = mkdtempSync(join(tmpdir(), "stackswitch-node-files-"));
  try {
    mkdirSync(join(root, "pkg"));
    writeFileSync(join(root, "scores.csv"), "ada,90\nbob,75\n");
    writeFileSync(join(root, "pkg", "__init__.py"), "def total(rows):\n    return sum(int(r.split(',')[1]) for r in rows)\n");
    const { out, options } = collect();
    const session = await createSession({ ...options, filesystem: "node", cwd: root, filename: join(root, "main.py") });
    const result = await session.run(`
import os, pkg
print(os.getcwd() == ${JSON.stringify(root)}, pkg.total(open("scores.csv").read().split()))
os.makedirs("out/deep")
with open("out/deep/report.txt", "w") as f:
    f.write("total 165")
os.chdir("out")
print(sorted(os.listdir(".")), open("deep/report.txt").read())
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(e)
try:
    os.rmdir(${JSON.stringify(root)})
except OSError as e:
    print(e.errno, e.strerror)
`);
    assert.equal(result.status, 0, result.traceback);
    assert.equal(out.stdout, "True 165\n['deep'] total 165\n[Errno 2] No such file or directory: 'missing.txt'\n39 Directory not empty\n");
    assert.equal(readFileSync(join(root, "out", "deep", "report.txt"), "utf8"), "total 165");
    // The process's directory is not the program's.
    assert.notEqual(process.cwd(), join(root, "out"));
    assert.equal(await session.fs.readText(join(root, "scores.csv")), "ada,90\nbob,75\n");
    await assert.rejects(session.fs.list(), /machine's/);
    session.close();
    await assert.rejects(createSession({ ...options, filesystem: "node", files: { "a.txt": "x" } }), /files are for the "memory" filesystem/);
    await assert.rejects(createSession({ ...options, filesystem: "disk" }), /filesystem must be "memory" or "node"/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a standard module's source is fetched from stdlib/ on its first import in a session, then sys.modules has it", async () => {
  const { out, options } = collect();
  const session = await createSession(options);
  const first = await session.run("import bisect\nprint(bisect.bisect([1, 3, 5], 4))");
  assert.equal(first.status, 0, first.traceback);
  assert.equal(session.stats.suspensions, 1);
  const again = await session.run("import bisect\nprint(bisect.__name__)");
  assert.equal(again.status, 0, again.traceback);
  assert.equal(session.stats.suspensions, 0);
  assert.equal(out.stdout, "2\nbisect\n");
  session.close();
});

test("cwd sets the memory filesystem's current directory, creating it; env is os.environ", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, cwd: "/home/ada", files: { "/home/ada/notes.txt": "hi" }, env: { LANG: "C.UTF-8", TEAM: "blue" } });
  const result = await session.run(`
import os
print(os.getcwd(), open("notes.txt").read(), os.environ["TEAM"], sorted(os.environ), os.getenv("NOPE", "-"))
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "/home/ada hi blue ['LANG', 'TEAM'] -\n");
  session.close();
  await assert.rejects(createSession({ ...options, env: { N: 1 } }), /env.N must be a string/);
});

test("a file operation during a run waits for the run to end", async () => {
  const { options } = collect();
  let answer;
  const session = await createSession({ ...options, input: () => new Promise((resolve) => (answer = resolve)) });
  const events = [];
  const run = session.run(`name = input()\nopen("name.txt", "w").write(name)\n`).then((r) => events.push(`run ${r.status}`));
  while (!answer) await new Promise((r) => setTimeout(r, 5));
  const read = session.fs.readText("name.txt").then((text) => events.push(`read ${text}`));
  await new Promise((r) => setTimeout(r, 20));
  events.push("answering");
  answer("ada");
  await Promise.all([run, read]);
  assert.deepEqual(events, ["answering", "run 0", "read ada"]);
  session.close();
});

// ---------------------------------------------------------------------------------------
// Worker backend: the main thread stays free while Python runs, so it can interrupt.
// ---------------------------------------------------------------------------------------

const workerOnly = { skip: backend !== "worker" };

/** Resolves once `out.stdout` contains `text` (the program reached that point). */
async function printed(out, text) {
  while (!out.stdout.includes(text)) await new Promise((r) => setTimeout(r, 5));
}

test("a ticker keeps ticking during while True, interrupt() from a timer stops it, and the session goes on", async () => {
  const { out, options } = collect();
  const session = await createSession(options);
  assert.equal(session.backend, backend);
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 1);
  let ticksWhenStopped = -1;
  const run = session.run(`
kept = "globals survive"
print("looping", flush=True)
while True:
    pass
`);
  await printed(out, "looping");
  const ticksAtStart = ticks;
  // Stop from a timer, once the ticker has ticked a few times during the loop.
  const stopper = setInterval(() => {
    if (ticks >= ticksAtStart + 5) {
      clearInterval(stopper);
      ticksWhenStopped = ticks;
      session.interrupt();
    }
  }, 1);
  const result = await run;
  clearInterval(ticker);
  assert.ok(ticksWhenStopped >= ticksAtStart + 5, "the ticker ran while Python looped");
  assert.equal(result.type, "KeyboardInterrupt");
  assert.equal(result.status, 130);
  assert.match(result.traceback, /line 4, in <module>\n    while True:\nKeyboardInterrupt\n$/);
  if (backend !== "worker") assert.ok(session.stats.yields > 0, "the loop yielded");
  // Usable afterwards: the same globals, and a long loop is not interrupted again.
  const next = await session.run(`
for i in range(300000):
    pass
print(kept, i)
`);
  assert.equal(next.status, 0, next.traceback);
  assert.equal(out.stdout, "looping\nglobals survive 299999\n");
  session.close();
});

test("interrupt() stops a huge big-int power, whose pieces poll, and the session goes on", async () => {
  const { out, options } = collect();
  const session = await createSession(options);
  const run = session.run(`kept = 1\nprint("computing", flush=True)\nx = 7 ** 20_000_000\nprint("finished")`);
  await printed(out, "computing");
  session.interrupt();
  const result = await run;
  assert.equal(result.type, "KeyboardInterrupt");
  assert.ok(!result.fatal, "not by terminating anything");
  assert.match(result.traceback, /line 3, in <module>\n    x = 7 \*\* 20_000_000\nKeyboardInterrupt\n$/);
  const next = await session.run("print(kept + 1)");
  assert.equal(next.status, 0, next.traceback);
  assert.equal(out.stdout, "computing\n2\n");
  session.close();
});

test("interrupt() made while the program runs, just before it waits, ends that wait", async () => {
  // The stdout handler interrupts as the program prints, before its time.sleep(100) is
  // asked for: no request is pending yet (on the worker, none has even arrived).
  const out = { stdout: "" };
  let session;
  session = await createSession({
    backend,
    stderr: () => {},
    stdout: (t) => {
      out.stdout += t;
      if (t.includes("now")) session.interrupt();
    },
  });
  const result = await session.run(`
import time
try:
    print("now", flush=True)
    time.sleep(100)
    print("slept")
except KeyboardInterrupt:
    print("interrupted")
time.sleep(0.01)
print("one interrupt only")
`);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "now\ninterrupted\none interrupt only\n");
  session.close();
});

test("interrupt() ends a pending input() and a time.sleep(100) with KeyboardInterrupt", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, input: () => new Promise(() => {}) });
  const waiting = session.run(`
try:
    input("never answered? ")
except KeyboardInterrupt:
    print("input interrupted")
for i in range(300000):
    pass
print("not interrupted twice")
`);
  await new Promise((r) => setTimeout(r, 50));
  session.interrupt();
  const first = await waiting;
  assert.equal(first.status, 0, first.traceback);
  assert.equal(out.stdout, "input interrupted\nnot interrupted twice\n");

  const started = Date.now();
  const sleeping = session.run(`
import time
print("sleeping", flush=True)
time.sleep(100)
print("woke up")
`);
  await printed(out, "sleeping");
  session.interrupt();
  const second = await sleeping;
  assert.equal(second.type, "KeyboardInterrupt");
  assert.ok(Date.now() - started < 50_000, "the sleep was cut short, well before its 100 s");
  assert.ok(!out.stdout.includes("woke up"));
  assert.equal((await session.run("print('still here')")).status, 0);
  assert.match(out.stdout, /still here\n$/);
  session.close();
});

test("with yielding off the program keeps the thread, and still runs to the same end", { skip: backend === "worker" }, async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, yielding: false });
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 1);
  await new Promise((r) => setTimeout(r, 5)); // the ticker is running
  const before = ticks;
  const result = await session.run("total = 0\nfor i in range(2_000_000):\n    total += i\nprint(total)");
  const during = ticks - before;
  clearInterval(ticker);
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "1999999000000\n");
  assert.equal(during, 0, "nothing else ran while Python held the thread");
  assert.equal(session.stats.yields, 0);
  session.close();
});

test("an interrupt() while no run is active does not reach the next run", async () => {
  const { out, options } = collect();
  const session = await createSession(options);
  session.interrupt();
  const result = await session.run("for i in range(300000):\n    pass\nprint('ran', i)");
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "ran 299999\n");
  session.close();
});

test("timeoutMs ends loops that catch everything and a pending input(); the session stays usable", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, timeoutMs: 300, input: () => new Promise(() => {}) });
  const stubborn = await session.run(`
kept = 1
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
`);
  assert.equal(stubborn.type, "TimeoutError", stubborn.traceback);
  assert.equal(stubborn.status, 1);
  assert.match(stubborn.traceback, /TimeoutError: the run exceeded its time limit of 0.3 s\n$/);
  const waiting = await session.run(`
while True:
    try:
        input("never answered? ")
    except BaseException:
        pass
`);
  assert.equal(waiting.type, "TimeoutError", waiting.traceback);
  const after = await session.run("print('usable', kept)");
  assert.equal(after.status, 0, after.traceback);
  assert.equal(out.stdout, "usable 1\n");
  session.close();
});

test("maxSteps ends a run after that many steps, the same on every backend", async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, maxSteps: 10_001 });
  const fits = await session.run("i = 0\nwhile i < 10_000:\n    i += 1\nprint(i)");
  assert.equal(fits.status, 0, fits.traceback);
  const over = await session.run("i = 0\nwhile i < 10_001:\n    i += 1\n");
  assert.equal(over.type, "TimeoutError");
  assert.match(over.traceback, /TimeoutError: the run exceeded its limit of 10001 steps\n$/);
  assert.equal(out.stdout, "10000\n");
  session.close();
});

/** `n` bytes that repeat no period a chunk boundary could hide (xorshift32). */
function noise(n, seed) {
  const bytes = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

test("a 10 MiB urlopen reply crosses the channel in chunks, byte-identical", workerOnly, async () => {
  const body = noise(10 * 1024 * 1024, 0x9e3779b9);
  for (const workerBufferSize of [undefined, 65521]) {
    const { out, options } = collect();
    let echoed = null;
    const session = await createSession({
      ...options,
      workerBufferSize,
      fetch: async (request) => {
        if (request.method === "POST") echoed = request.body;
        return { status: 200, reason: "OK", url: request.url, headers: [], body: request.method === "POST" ? new Uint8Array(0) : body };
      },
    });
    const result = await session.run(`
from urllib.request import urlopen, Request
data = urlopen("http://example.test/big").read()
print(len(data), data[:2] != data[2:4])
urlopen(Request("http://example.test/echo", data=data))
`);
    assert.equal(result.status, 0, result.traceback);
    assert.equal(out.stdout, "10485760 True\n");
    // What Python read, sent back whole: every byte in its place.
    assert.equal(echoed.length, body.length);
    assert.ok(Buffer.compare(Buffer.from(echoed), Buffer.from(body)) === 0, `reply corrupted with buffer ${workerBufferSize}`);
    session.close();
  }
});

test("a worker killed mid-run gives its session an error, and a new session works", workerOnly, async () => {
  const { out, options } = collect();
  // Twelve repetitions of a 900 MB string, counted, in one statement: seconds of native
  // work with no poll between them (a statement of a few dozen instructions never
  // reaches a poll), so the only way to stop it is to terminate the worker.
  const session = await createSession({ ...options, interruptGraceMs: 200 });
  const work = Array(12).fill("('a' * 900_000_000).count('b')").join(" + ");
  const run = session.run(`print("computing", flush=True)\nx = ${work}\nprint("finished")`);
  await printed(out, "computing");
  session.interrupt();
  const result = await run;
  assert.equal(result.fatal, true);
  assert.match(result.message, /did not respond to interrupt\(\) within 200 ms and was terminated/);
  assert.ok(!out.stdout.includes("finished"));
  await unusableButANewSessionWorks(session);
});

test("a worker terminated after the grace period still delivers every line it printed", workerOnly, async () => {
  const { out, options } = collect();
  const session = await createSession({ ...options, interruptGraceMs: 200 });
  // 2000 print statements without a loop (so without a poll that could take the
  // interrupt), then seconds of native work in one statement that never polls (repeated
  // 900 MB strings, counted): the worker is terminated while the last lines are still on
  // its side, unless its output reaches the main thread first.
  const lines = Array.from({ length: 2000 }, (_, i) => `print(${i})`);
  const work = Array(12).fill("('a' * 900_000_000).count('b')").join(" + ");
  const run = session.run(`${lines.join("\n")}\nx = ${work}\nprint("finished")`);
  await printed(out, "0\n");
  session.interrupt();
  const result = await run;
  assert.equal(result.fatal, true);
  assert.match(result.message, /was terminated/);
  assert.equal(out.stdout, Array.from({ length: 2000 }, (_, i) => `${i}\n`).join(""));
  session.close();
});

// ---------------------------------------------------------------------------------------
// The default fetch handler against real loopback servers: response-size limit, allow-list.
// ---------------------------------------------------------------------------------------

/**
 * An HTTP server on 127.0.0.1 (a free port), counting the requests it gets:
 *   /bytes/N     N bytes streamed without a Content-Length
 *   /declared/N  a Content-Length of N, then at most 1000 bytes and the connection closed
 *   /to?url=U    302 to U
 *   anything else: "hello"
 */
async function loopbackServer() {
  const server = createServer((request, response) => {
    server.requests += 1;
    const url = new URL(request.url, "http://127.0.0.1");
    const [, route, arg] = url.pathname.split("/");
    if (route === "bytes") {
      let left = Number(arg);
      const chunk = Buffer.alloc(16 * 1024, 0x61);
      const pump = () => {
        while (left > 0) {
          const part = chunk.subarray(0, Math.min(left, chunk.length));
          left -= part.length;
          if (!response.write(part)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
    } else if (route === "declared") {
      response.writeHead(200, { "content-length": arg });
      response.write(Buffer.alloc(Math.min(1000, Number(arg)), 0x61));
      setTimeout(() => response.destroy(), 50);
    } else if (route === "to") {
      response.writeHead(302, { location: url.searchParams.get("url") });
      response.end();
    } else {
      response.end("hello");
    }
  });
  server.requests = 0;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    base,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Python that prints, per URL, the body's length or the URLError's reason. */
function fetchEach(urls) {
  return `
from urllib.request import urlopen
from urllib.error import URLError
for url in ${JSON.stringify(urls)}:
    try:
        print(len(urlopen(url).read()))
    except URLError as e:
        print("URLError:", e.reason)
`;
}

test("maxResponseBytes refuses larger bodies with URLError, streamed or declared, and the session goes on", async () => {
  const http = await loopbackServer();
  try {
    const { out, options } = collect();
    const session = await createSession({ ...options, maxResponseBytes: 100_000 });
    const result = await session.run(fetchEach([`${http.base}/bytes/100000`, `${http.base}/bytes/100001`, `${http.base}/bytes/5000000`, `${http.base}/declared/100001`, `${http.base}/hello`]));
    assert.equal(result.status, 0, result.traceback);
    const refusal = "URLError: response body larger than the limit of 100000 bytes (maxResponseBytes)";
    assert.equal(out.stdout, ["100000", refusal, refusal, refusal, "5", ""].join("\n"));
    session.close();

    // The default limit, for a body that declares one byte more than it.
    const defaults = collect();
    const plain = await createSession(defaults.options);
    await plain.run(fetchEach([`${http.base}/declared/${DEFAULT_MAX_RESPONSE_BYTES + 1}`]));
    assert.equal(defaults.out.stdout, `URLError: response body larger than the limit of ${64 * 1024 * 1024} bytes (maxResponseBytes)\n`);
    plain.close();
  } finally {
    http.close();
  }
});

test("maxResponseBytes applies to an embedder's fetch handler's replies too", async () => {
  const { out, options } = collect();
  const session = await createSession({
    ...options,
    maxResponseBytes: 10,
    fetch: async (request) => ({ status: 200, reason: "OK", url: request.url, headers: [], body: new Uint8Array(request.url.endsWith("big") ? 11 : 10) }),
  });
  const result = await session.run(fetchEach(["http://example.test/fits", "http://example.test/big"]));
  assert.equal(result.status, 0, result.traceback);
  assert.equal(out.stdout, "10\nURLError: response body larger than the limit of 10 bytes (maxResponseBytes)\n");
  session.close();
});

test("allowedOrigins refuses other origins, and redirects to them, before they are requested", async () => {
  const allowed = await loopbackServer();
  const other = await loopbackServer();
  try {
    const { out, options } = collect();
    const session = await createSession({ ...options, allowedOrigins: [allowed.base] });
    const otherOrigin = other.base;
    const result = await session.run(fetchEach([
      `${allowed.base}/hello`,
      `${other.base}/hello`,
      `${allowed.base}/to?url=${encodeURIComponent(`${other.base}/hello`)}`,
      `${allowed.base}/to?url=/bytes/7`,
    ]));
    assert.equal(result.status, 0, result.traceback);
    const refusal = `URLError: origin ${otherOrigin} is not allowed (allowedOrigins)`;
    assert.equal(out.stdout, ["5", refusal, refusal, "7", ""].join("\n"));
    // Node: the default handler follows redirects itself, checking each hop first.
    assert.equal(other.server.requests, 0, "the other origin was never asked");
    session.close();

    const predicate = collect();
    const filtered = await createSession({ ...predicate.options, allowedOrigins: (url) => url.endsWith("/hello") });
    await filtered.run(fetchEach([`${other.base}/hello`, `${other.base}/bytes/3`]));
    assert.equal(predicate.out.stdout, `5\nURLError: ${other.base}/bytes/3 is not an allowed URL (allowedOrigins)\n`);
    filtered.close();
    await assert.rejects(createSession({ ...options, allowedOrigins: "http://127.0.0.1" }), TypeError);
    await assert.rejects(createSession({ ...options, allowedOrigins: ["not a url"] }), TypeError);
  } finally {
    allowed.close();
    other.close();
  }
});

