// `node cli.mjs [--backend auto|jspi|worker|asyncify] [--verbose] [-c CODE | FILE.py | -] [ARGS...]`:
// run a Python program like `python3` with the same command line (stdin answers input(),
// exit status as python3's). `cargo xtask run` builds the backends and calls this with a
// suitable Node.
//
// - `FILE.py ARGS...`: sys.argv is [FILE.py, ARGS...], tracebacks name the absolute path;
// - `-c CODE ARGS...`: sys.argv is ['-c', ARGS...], the file is <string>;
// - `- ARGS...`, or no program while stdin is not a terminal: the program is stdin,
//   sys.argv is ['-', ARGS...] ([''] without `-`), the file is <stdin>;
// - no program on a terminal, or `-i`: the interactive loop, which only the native runner
//   has (`cargo xtask run --backend native`): a usage error here.
// python3's command-line errors (unknown option, `-c` without its argument, a file that
// cannot be read) print python3's message and exit 2.
//
// Ctrl-C (SIGINT) calls session.interrupt(): the program gets KeyboardInterrupt wherever
// it is — a loop (the jspi and asyncify backends yield to the event loop every few ms, so
// the signal is seen), a pending input() or time.sleep(). An uncaught one prints its
// traceback and the process ends by SIGINT, as CPython's does (a shell shows 130).
//
// STACKSWITCH_YIELD_EVERY_MS=N sets the session's time slice (`yieldEveryMs`, default 20):
// the conformance runs use 1 so that the suite yields many times in every program.
//
// Known difference: stdout is written as the program writes it, also to a pipe, where
// CPython's is block buffered (so `2>&1` logs interleave differently): the runtime's
// hosts have no flush() to carry `print(flush=True)` through yet.
//
// Invariant: the process exit status is the program's: 0, 1 for an uncaught exception or
// a syntax error, the SystemExit code, death by SIGINT for an uncaught KeyboardInterrupt;
// 2 for a usage error. Everything the program wrote, and its traceback, has reached
// stdout/stderr before the process exits.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createSession, detect } from "./stackswitch.js";

const USAGE = "usage: cli.mjs [--backend auto|jspi|worker|asyncify] [--verbose] [option] ... [-c cmd | file | -] [arg] ...\n" +
  "Try `python -h' for more information.\n";

function usage(message) {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let backend = "auto";
let verbose = !!process.env.STACKSWITCH_VERBOSE;
// This script's own options come first.
while (args[0] === "--backend" || args[0] === "--verbose") {
  const flag = args.shift();
  if (flag === "--backend") backend = args.shift() ?? usage("--backend needs a value");
  else verbose = true;
}

/** python3's command line: { kind: "file" | "command" | "stdin", text, rest, inspect }. */
function parsePython(args) {
  let inspect = false;
  for (let at = 0; at < args.length; at++) {
    const arg = args[at];
    const rest = () => args.slice(at + 1);
    if (arg === "-") return { kind: "stdin", dash: true, rest: rest(), inspect };
    if (arg === "--") {
      if (at + 1 >= args.length) break;
      return { kind: "file", text: args[at + 1], rest: args.slice(at + 2), inspect };
    }
    if (arg === "--help") usage("");
    if (arg.startsWith("--")) usage(`unknown option ${arg}`);
    if (!arg.startsWith("-")) return { kind: "file", text: arg, rest: rest(), inspect };
    const flags = arg.slice(1);
    for (let i = 0; i < flags.length; i++) {
      const flag = flags[i];
      if (flag === "i") inspect = true;
      else if (flag === "c") {
        const attached = flags.slice(i + 1);
        if (attached) return { kind: "command", text: attached, rest: rest(), inspect };
        if (at + 1 >= args.length) usage("Argument expected for the -c option");
        return { kind: "command", text: args[at + 1], rest: args.slice(at + 2), inspect };
      } else usage(`Unknown option: -${flag}`);
    }
  }
  return { kind: "stdin", dash: false, rest: [], inspect };
}

const line = parsePython(args);
if (line.inspect || (line.kind === "stdin" && !line.dash && process.stdin.isTTY)) {
  usage("cli.mjs: the interactive loop is only on the native runner (cargo xtask run --backend native)");
}

if (verbose) {
  const d = detect();
  process.stderr.write(`stackswitch: engine ${d.features.engine}\n`);
  process.stderr.write(`stackswitch: features ${JSON.stringify(d.features)}\n`);
  process.stderr.write(`stackswitch: auto would pick ${d.backend ?? "nothing"} (${d.reason}); requested ${backend}\n`);
}

// The program's bytes: the interpreter decodes them as CPython decodes a file (coding
// declarations; invalid UTF-8 or a NUL byte is a SyntaxError, not U+FFFD).
let source, filename, argv0;
if (line.kind === "command") {
  source = new TextEncoder().encode(line.text);
  filename = "<string>";
  argv0 = "-c";
} else if (line.kind === "stdin") {
  try {
    source = new Uint8Array(readFileSync(0));
  } catch (error) {
    // A terminal or closed stdin reads as empty.
    source = new Uint8Array();
  }
  filename = "<stdin>";
  argv0 = line.dash ? "-" : "";
} else {
  try {
    source = new Uint8Array(readFileSync(line.text));
  } catch (error) {
    const why = error.code === "EISDIR" ? "[Errno 21] Is a directory"
      : error.code === "EACCES" ? "[Errno 13] Permission denied"
      : "[Errno 2] No such file or directory";
    process.stderr.write(`python3: can't open file '${resolve(line.text)}': ${why}\n`);
    process.exit(2);
  }
  filename = resolve(line.text);
  argv0 = line.text;
}

let session;
try {
  const slice = process.env.STACKSWITCH_YIELD_EVERY_MS;
  const yieldEveryMs = slice ? Number(slice) : undefined;
  // The program's files are the machine's, as under python3 (relative to the current directory).
  session = await createSession({ backend, filename, argv: [argv0, ...line.rest], yieldEveryMs, filesystem: "node", env: { ...process.env } });
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
