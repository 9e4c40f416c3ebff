// The browser test page's module (runner.html): runs one Python program per call, for
// WebDriver harnesses, with the same conventions as `node cli.mjs` — input() writes its
// prompt to stdout, reads the next line of the given stdin, and raises EOFError once it
// is exhausted; an uncaught exception's traceback goes to stderr.
//
//   window.stackswitchRun({ source, filename, argv, stdin, backend?, workerChannel? })
//     -> Promise<{ stdout, stderr, status, fatal }>
//   window.stackswitchDetect() -> detect() of stackswitch.js (engine, features, choice)
//   window.stackswitchStartLoop({ source, backend?, workerChannel? }) -> Promise that
//     settles once the program printed "started"; the page's Stop button interrupts it
//   window.stackswitchFinishLoop() -> Promise<{ type, status, traceback, frames, ticks }>:
//     how it ended, and how far the page's counters moved between its start and Stop
//
// `fatal` is true when the run did not end as a Python program ends but with a JS error
// out of the wasm (a trap, or the engine's RangeError when its own stack overflows): the
// shared wasm instance may then be left unusable (Rust's shadow stack pointer and the
// session's borrow are not unwound), so the caller should reload the page before the
// next program. The message goes to stderr, status 70.
//
// Invariant: each call has a session of its own, closed before the promise settles, so
// no program sees another's globals, output or unread input; the promise never rejects
// (a failure to start a session is reported as stderr with status 70, as cli.mjs does).

import { createSession, detect, HostError } from "../stackswitch.js";

/** The lines `node cli.mjs` would read from `text` on stdin, in order. */
function stdinLines(text) {
  const parts = text.split("\n");
  const partial = parts.pop(); // "" when the text ends with a newline
  const lines = parts.map((line) => line.replace(/\r$/, ""));
  if (partial) lines.push(partial);
  return lines;
}

async function stackswitchRun({ source, filename, argv, stdin = "", backend = "jspi", workerChannel }) {
  let stdout = "";
  let stderr = "";
  const lines = stdinLines(stdin);
  let session;
  try {
    session = await createSession({
      backend,
      workerChannel,
      filename,
      argv,
      stdout: (text) => { stdout += text; },
      stderr: (text) => { stderr += text; },
      input: (prompt, s) => {
        s.write("stdout", prompt);
        return lines.length
          ? Promise.resolve(lines.shift())
          : Promise.reject(new HostError("EndOfInput", "EOF when reading a line"));
      },
    });
  } catch (error) {
    return { stdout, stderr: `${stderr}${error?.message ?? error}\n`, status: 70, fatal: false };
  }
  let status;
  let fatal = false;
  try {
    const result = await session.run(source);
    if (result.traceback) stderr += result.traceback;
    status = result.status;
  } catch (error) {
    stderr += `runner: session.run failed: ${error?.stack ?? error}\n`;
    status = 70;
    fatal = true;
  }
  try {
    session.close();
  } catch (error) {
    stderr += `runner: session.close failed: ${error?.stack ?? error}\n`;
    status = 70;
    fatal = true;
  }
  return { stdout, stderr, status, fatal };
}

/** The page's own life: counters moved by animation frames and by a timer. */
const counters = { frames: 0, ticks: 0 };
function frame() {
  counters.frames += 1;
  document.getElementById("frames").textContent = String(counters.frames);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
setInterval(() => {
  counters.ticks += 1;
  document.getElementById("ticks").textContent = String(counters.ticks);
}, 10);

/** The program Stop interrupts: its session, run, and the counters when it started. */
let looping = null;

async function stackswitchStartLoop({ source, backend = "jspi", workerChannel }) {
  let text = "";
  const session = await createSession({ backend, workerChannel, stdout: (t) => (text += t) });
  const run = session.run(source);
  while (!text.includes("started")) await new Promise((r) => setTimeout(r, 5));
  looping = { session, run, start: { ...counters }, stop: null };
}

document.getElementById("stop").addEventListener("click", () => {
  if (!looping) return;
  looping.stop = { ...counters };
  looping.session.interrupt();
});

async function stackswitchFinishLoop() {
  const { session, run, start } = looping;
  const result = await run;
  const stop = looping.stop ?? { ...counters };
  session.close();
  looping = null;
  return {
    type: result.type ?? null,
    status: result.status,
    traceback: result.traceback ?? "",
    frames: stop.frames - start.frames,
    ticks: stop.ticks - start.ticks,
  };
}

window.stackswitchStartLoop = stackswitchStartLoop;
window.stackswitchFinishLoop = stackswitchFinishLoop;
window.stackswitchRun = stackswitchRun;
window.stackswitchDetect = detect;
document.getElementById("status").textContent = "ready";
