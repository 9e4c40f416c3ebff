// `node cli.mjs [--backend auto|jspi|worker|asyncify] [--verbose] FILE.py [ARGS...]`: run a Python
// program like `python3 FILE.py ARGS...` (stdin answers input(), exit status as python3's).
// `cargo xtask run` builds the backends and calls this with a suitable Node.
//
// Ctrl-C (SIGINT) calls session.interrupt(): the program gets KeyboardInterrupt wherever
// it is — a loop (the jspi and asyncify backends yield to the event loop every few ms, so
// the signal is seen), a pending input() or time.sleep(). An uncaught one prints its
// traceback and the process ends by SIGINT, as CPython's does (a shell shows 130).
//
// Invariant: the process exit status is the program's: 0, 1 for an uncaught exception or
// a syntax error, the SystemExit code, death by SIGINT for an uncaught KeyboardInterrupt;
// 2 for a usage error of this script. Everything the program wrote, and its traceback,
// has reached stdout/stderr before the process exits.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createSession, detect } from "./stackswitch.js";

function usage(message) {
  process.stderr.write(`cli.mjs: ${message}\nusage: node cli.mjs [--backend auto|jspi|worker|asyncify] [--verbose] FILE.py [ARGS...]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let backend = "auto";
let verbose = !!process.env.STACKSWITCH_VERBOSE;
while (args.length && args[0].startsWith("--")) {
  const flag = args.shift();
  if (flag === "--backend") backend = args.shift() ?? usage("--backend needs a value");
  else if (flag === "--verbose") verbose = true;
  else usage(`unknown option ${flag}`);
}
if (!args.length) usage("no program given");
const [file, ...rest] = args;

if (verbose) {
  const d = detect();
  process.stderr.write(`stackswitch: engine ${d.features.engine}\n`);
  process.stderr.write(`stackswitch: features ${JSON.stringify(d.features)}\n`);
  process.stderr.write(`stackswitch: auto would pick ${d.backend ?? "nothing"} (${d.reason}); requested ${backend}\n`);
}

// The file's bytes: the interpreter decodes them as CPython decodes a file (coding
// declarations; invalid UTF-8 or a NUL byte is a SyntaxError, not U+FFFD).
let source;
try {
  source = new Uint8Array(readFileSync(file));
} catch (error) {
  process.stderr.write(`python3: can't open file '${resolve(file)}': [Errno 2] No such file or directory\n`);
  process.exit(2);
}

let session;
try {
  session = await createSession({ backend, filename: resolve(file), argv: [file, ...rest] });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(70);
}
const interruptOnCtrlC = () => session.interrupt();
process.on("SIGINT", interruptOnCtrlC);
let result;
try {
  result = await session.run(source);
} catch (error) {
  // The session could not run at all (run() reports engine failures as fatal results).
  await drained(process.stderr, `${error.message}\n`);
  process.exit(70);
}
session.close();
await drained(process.stderr, result.traceback ?? "");
await drained(process.stdout, "");
if (result.type === "KeyboardInterrupt" && result.status === 130) {
  // End as CPython does: by the signal's default action.
  process.off("SIGINT", interruptOnCtrlC);
  process.kill(process.pid, "SIGINT");
} else {
  // stdin may still be paused-open: leave explicitly.
  process.exit(result.status);
}

/** Write `text` to `stream` and wait until everything written to it so far is handed to
 * the OS (process.exit would drop what a pipe has not taken yet). */
function drained(stream, text) {
  return new Promise((resolve) => stream.write(text, () => resolve()));
}
