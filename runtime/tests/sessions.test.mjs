// Session API tests for the JS-hosted backends (node:test). Run by
// tests/tests/jspi.rs as `node --test sessions.test.mjs` inside the built distribution,
// with STACKSWITCH_TEST_BACKEND naming the backend under test.
//
// Each test checks behaviour only (never timing): deep recursion across a suspension,
// many sessions suspended at once without cross-talk, rejected and throwing handlers
// becoming Python exceptions, and a handler that never answers until the session closes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createSession, detect } from "../stackswitch.js";

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
  } else if (backend === "asyncify" && !(d.features.jspi && d.features.exnref)) {
    assert.equal(d.backend, "asyncify"); // the fallback wherever JSPI is absent
  }
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
  assert.equal(result.fatal, true);
  assert.equal(result.type, "RecursionError");
  await assert.rejects(session.run("print(1)"), /unusable/);
  session.close();
  const fresh = collect();
  const next = await createSession(fresh.options);
  assert.equal((await next.run("print(sum(range(10)))")).status, 0);
  assert.equal(fresh.out.stdout, "45\n");
  next.close();
});

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
