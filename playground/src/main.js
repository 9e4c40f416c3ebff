// The playground page: a CodeMirror editor, the console, Run/Stop, the backend picker
// and the status line, over the stackswitch runtime (loaded at run time from
// `stackswitch/` beside the page, not bundled: the runtime finds its backends' wasm and
// the standard library relative to its own URL).
//
// Invariant: at most one run at a time, each in a fresh session closed when it ends, so a
// program never sees the previous one's globals; the main thread never blocks — Python
// yields to the page (jspi, asyncify) or runs on a worker, so Stop always takes the
// click, and Stop raises KeyboardInterrupt on every backend.

import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { python } from "@codemirror/lang-python";
import { Console } from "./console.js";
import { EXAMPLES } from "./examples.js";
import { programFromFragment, savedProgram, saveProgram, shareLink } from "./share.js";

const $ = (id) => document.getElementById(id);
const pageBase = new URL(".", location.href).href;
const runtime = await import(new URL("stackswitch/stackswitch.js", pageBase).href);
const detection = runtime.detect();
const output = new Console($("console"));

let running = null; // { session, started } while a program runs

// ----- the editor ---------------------------------------------------------------------

const firstProgram = programFromFragment(location.hash) ?? savedProgram() ?? EXAMPLES[0].code;
const editor = new EditorView({
  doc: firstProgram,
  parent: $("editor"),
  extensions: [
    keymap.of([{ key: "Mod-Enter", run: () => (run(), true) }]),
    basicSetup,
    python(),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) saveSoon();
    }),
  ],
});
saveProgram(firstProgram);

let saveTimer = null;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => saveProgram(program()), 300);
}

function program() {
  return editor.state.doc.toString();
}

function setProgram(source) {
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: source } });
  saveProgram(source);
}

// A share link opened in a tab that already shows the page changes only the fragment
// (no reload): load its program then too.
addEventListener("hashchange", () => {
  const shared = programFromFragment(location.hash);
  if (shared !== null && shared !== program()) setProgram(shared);
});

// ----- examples -----------------------------------------------------------------------

for (const [index, example] of EXAMPLES.entries()) {
  $("examples").append(new Option(example.name, String(index)));
}
$("examples").addEventListener("change", (event) => {
  const example = EXAMPLES[Number(event.target.value)];
  event.target.value = "";
  if (!example) return;
  const current = program();
  const untouched = current.trim() === "" || EXAMPLES.some((e) => e.code === current);
  if (untouched || confirm("Replace the program in the editor with this example?")) setProgram(example.code);
  editor.focus();
});

// ----- the backend picker -------------------------------------------------------------

function describeWorker() {
  const { channel, reason } = detection.worker;
  return channel ? `worker: ${channel} channel (${reason})` : `worker: ${reason}`;
}

function fillBackends() {
  const picker = $("backend");
  const auto = detection.backend;
  picker.append(new Option(auto ? `auto (${auto})` : "auto (none)", "auto"));
  const notes = [];
  for (const name of runtime.BACKENDS) {
    const why = detection.unavailable[name];
    const label = name === "worker" && !why ? `worker (${detection.worker.channel})` : name;
    const option = new Option(why ? `${name} (unavailable)` : label, name);
    option.disabled = Boolean(why);
    option.title = why ?? (name === "worker" ? describeWorker() : `${name} runs here`);
    picker.append(option);
    if (why) notes.push(`${name}: ${why}`);
  }
  const wanted = new URLSearchParams(location.search).get("backend");
  if (wanted && [...picker.options].some((o) => o.value === wanted && !o.disabled)) picker.value = wanted;
  $("backend-note").textContent = notes.length ? `Not on this engine — ${notes.join("; ")}` : describeWorker();
  $("backend-note").title = detection.reason;
}

// ----- running ------------------------------------------------------------------------

function setStatus(text) {
  $("status").textContent = text;
}

function setRunning(on) {
  $("run").disabled = on;
  $("stop").disabled = !on;
  $("backend").disabled = on;
}

async function run() {
  if (running) return;
  const source = program();
  saveProgram(source);
  output.clear();
  setRunning(true);
  setStatus("Starting…");
  let session;
  try {
    session = await runtime.createSession({
      backend: $("backend").value,
      filename: "main.py",
      stdout: (text) => output.write("stdout", text),
      stderr: (text) => output.write("stderr", text),
      input: (prompt) => output.ask(prompt),
      env: { PLAYGROUND_URL: pageBase },
      // The service worker that caches the page also answers the worker backend's
      // synchronous XHRs on pages without cross-origin isolation (sw.js).
      serviceWorkerUrl: new URL("sw.js", pageBase).href,
    });
  } catch (error) {
    output.write("system", `${error.message}\n`);
    setStatus("Could not start");
    setRunning(false);
    return;
  }
  const started = performance.now();
  running = { session, started };
  const channel = session.channel ? ` (${session.channel})` : "";
  setStatus(`Running on ${session.backend}${channel}…`);
  let result;
  try {
    result = await session.run(source);
  } catch (error) {
    result = { status: 70, fatal: true, traceback: `${error.message}\n` };
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const { suspensions } = session.stats;
  output.cancelQuestion();
  // What CPython prints on stderr when an exception ends the program (the runtime
  // returns it rather than writing it: the embedder decides where it goes).
  if (result.traceback) output.write("stderr", result.traceback);
  session.close();
  running = null;
  setRunning(false);
  const how = result.type ? `${result.type}, exit status ${result.status}` : `exit status ${result.status}`;
  setStatus(`${session.backend}${channel} · ${seconds} s · ${suspensions} suspension${suspensions === 1 ? "" : "s"} · ${how}`);
  $("status").dataset.done = String(Number($("status").dataset.done ?? 0) + 1);
}

function stop() {
  if (!running) return;
  setStatus("Stopping…");
  running.session.interrupt();
}

$("run").addEventListener("click", run);
$("stop").addEventListener("click", stop);
document.addEventListener("keydown", (event) => {
  // Escape stops a running program; so does Ctrl-C, as in a terminal, unless text is
  // selected to copy.
  if (running && event.key === "Escape") {
    event.preventDefault();
    stop();
  } else if (running && event.ctrlKey && event.key === "c" && !String(getSelection())) {
    event.preventDefault();
    stop();
  }
});

$("share").addEventListener("click", async () => {
  const link = shareLink(program());
  history.replaceState(null, "", link);
  try {
    await navigator.clipboard.writeText(link);
    setStatus("Link copied: it holds the whole program");
  } catch {
    setStatus("The address bar now holds a link to this program");
  }
});

// ----- offline ------------------------------------------------------------------------

async function goOffline() {
  if (!("serviceWorker" in navigator) || !isSecureContext) return "no service worker here (needs https or localhost)";
  const registration = await navigator.serviceWorker.register(new URL("sw.js", pageBase).href);
  await navigator.serviceWorker.ready;
  // The shell and the standard library are cached when sw.js installs; the backends
  // this engine can run are cached now (each is a megabyte; others are cached on use).
  const usable = runtime.BACKENDS.filter((name) => !detection.unavailable[name]);
  registration.active?.postMessage({ type: "precache", backends: usable });
  return "works offline after this visit";
}

/** Whether this page would work offline now: the auto backend's wasm and the standard
 *  library are in the service worker's cache. */
async function offlineReady() {
  if (typeof caches === "undefined" || !detection.backend) return false;
  const name = (await caches.keys()).find((n) => n.startsWith("stackswitch-playground-"));
  if (!name) return false;
  const paths = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  const wasm = paths.some((p) => p.includes(`/stackswitch/${detection.backend}/`) && p.endsWith(".wasm"));
  return wasm && paths.some((p) => p.endsWith("/stackswitch/stdlib/collections.py"));
}

fillBackends();
const offline = await goOffline().catch((error) => `offline cache failed: ${error.message}`);
setStatus(`Ready · auto picks ${detection.backend ?? "nothing"} · ${offline}`);

// For tests and the console: read and replace the program.
window.playground = { program, setProgram, detection, offlineReady };
document.body.dataset.ready = "true";
