// `node cli.mjs [--backend auto|jspi|worker|asyncify] [--verbose] FILE.py [ARGS...]`: run a Python
// program like `python3 FILE.py ARGS...` (stdin answers input(), exit status as python3's).
// `cargo xtask run` builds the backends and calls this with a suitable Node.
//
// Invariant: the process exit status is the program's: 0, 1 for an uncaught exception or
// a syntax error, the SystemExit code; 2 for a usage error of this script.

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

let source;
try {
  source = readFileSync(file, "utf8");
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
let result;
try {
  result = await session.run(source);
} catch (error) {
  // The session could not run at all (run() reports engine failures as fatal results).
  process.stderr.write(`${error.message}\n`);
  process.exit(70);
}
session.close();
if (result.traceback) process.stderr.write(result.traceback);
process.exitCode = result.status;
// stdin may still be paused-open; leave once output is flushed.
process.stdout.write("", () => process.exit(result.status));
