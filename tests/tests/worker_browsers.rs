//! The worker backend in browsers: headless Chromium and headless Firefox ESR on the same
//! page served twice from 127.0.0.1 (two test servers, two origins), and WebKitGTK on the
//! plain one:
//!
//! - with `Cross-Origin-Opener-Policy: same-origin` + `Cross-Origin-Embedder-Policy:
//!   require-corp` ([`TestServer::start_with_static_isolated`]): the page is
//!   cross-origin isolated, so the worker blocks on the shared-memory channel
//!   (SharedArrayBuffer + Atomics.wait);
//! - without them ([`TestServer::start_with_static`]): no SharedArrayBuffer, so the
//!   worker blocks on synchronous XHRs that `worker/service_worker.js` answers. WebKitGTK
//!   (no SharedArrayBuffer at all by default) gets this channel too.
//!
//! On each page: `detect()` must report that channel; the whole conformance suite runs
//! through `stackswitchRun` with `backend: "worker"`; a 10 MiB `urlopen` body from the
//! test server arrives byte-identical; and [`INTERRUPT_SCRIPT`] interrupts a `while
//! True` loop, a pending `input()` and a `time.sleep(100)` (the session stays usable),
//! then has a worker that never polls terminated mid-run (its session reports a fatal
//! error; a new session works).
//!
//! Needs what `tests/tests/browsers.rs` needs (the web distribution, Chromium and
//! chromedriver, Firefox ESR and geckodriver, WebKitGTK's driver and Xvfb); a missing one
//! fails the test with instructions.
//!
//! Invariant: one browser at a time (as browsers.rs: a 2-core machine must not make the
//! suite's per-program time limit measure the other browser).

use std::sync::Mutex;
use std::time::Instant;

use serde_json::json;
use stackswitch_tests::browser::{BrowserPage, Engine, RUNNER_PAGE};
use stackswitch_tests::js::web_dist;
use stackswitch_tests::server::TestServer;
use stackswitch_tests::{assert_suite_passes, Invocation, SuiteOptions};

/// Where the test servers mount the web distribution.
const WEB_PREFIX: &str = "/web";

/// Held while a browser runs (see the invariant above).
static ONE_BROWSER: Mutex<()> = Mutex::new(());

/// Interrupts in the page, through the runtime's own session API. Resolves to a list of
/// `[what, outcome]` pairs, or `{error}`.
const INTERRUPT_SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const { createSession } = await import(new URL("../stackswitch.js", location.href).href);
  const results = [];
  let text = "";
  const session = await createSession({ backend: "worker", stdout: (t) => (text += t), input: () => new Promise(() => {}) });
  const interrupted = async (what, source) => {
    text = "";
    const run = session.run(source);
    while (!text.includes("started")) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    session.interrupt();
    const result = await run;
    results.push([what, result.type ?? `status ${result.status}`]);
  };
  await interrupted("loop", "kept = 42\nprint('started', flush=True)\nwhile True:\n    pass\n");
  await interrupted("input", "print('started', flush=True)\ninput()\n");
  await interrupted("sleep", "import time\nprint('started', flush=True)\ntime.sleep(100)\n");
  text = "";
  const after = await session.run("for i in range(300000):\n    pass\nprint(kept, i)\n");
  results.push(["usable afterwards", after.status === 0 ? text : JSON.stringify(after)]);
  session.close();

  text = "";
  const doomed = await createSession({ backend: "worker", interruptGraceMs: 200, stdout: (t) => (text += t) });
  // Native work with no poll in between (one statement of a few instructions; big-int
  // arithmetic polls, so repeated huge strings): only terminating the worker stops it.
  const work = Array(6).fill("('a' * 500_000_000).count('b')").join(" + ");
  const run = doomed.run(`print('started', flush=True)\nx = ${work}\nprint('finished')\n`);
  while (!text.includes("started")) await new Promise((r) => setTimeout(r, 5));
  doomed.interrupt();
  const killed = await run;
  results.push(["killed", `${killed.fatal} ${killed.message}`]);
  doomed.close();
  text = "";
  const fresh = await createSession({ backend: "worker", stdout: (t) => (text += t) });
  await fresh.run("print(6 * 7)");
  results.push(["new session", text]);
  fresh.close();
  return results;
})().then(done, (error) => done({ error: String(error?.stack ?? error) }));
"#;

/// `/bytes/N` serves byte `i` as `i % 256`; Python compares the whole body with that.
const TEN_MIB_PROGRAM: &str = r#"
import sys
from urllib.request import urlopen
n = 10 * 1024 * 1024
body = urlopen(sys.argv[1] + "/bytes/" + str(n)).read()
print(len(body), body == bytes(range(256)) * (n // 256))
"#;

fn worker_in(engine: Engine, server: TestServer, channel: &str) {
    let _one = ONE_BROWSER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let options = SuiteOptions::from_env();
    let url = format!("{}{WEB_PREFIX}/{RUNNER_PAGE}", server.base_url());
    let started = Instant::now();
    let page = BrowserPage::open(engine, &url, "worker", options.timeout);
    eprintln!(
        "[worker, {channel}, {engine:?}] browser started and page loaded in {:.1} s; {}",
        started.elapsed().as_secs_f64(),
        page.describe()
    );

    let detected = page
        .execute_async(
            "arguments[0](window.stackswitchDetect().worker.channel)",
            vec![],
        )
        .expect("detect() should run");
    assert_eq!(detected, json!(channel), "{}", page.describe());
    page.assert_stop_button_stops_a_loop("worker", Some(channel));

    let interrupts = page
        .execute_async(INTERRUPT_SCRIPT, vec![])
        .expect("the interrupt script should run");
    let expected = json!([
        ["loop", "KeyboardInterrupt"],
        ["input", "KeyboardInterrupt"],
        ["sleep", "KeyboardInterrupt"],
        ["usable afterwards", "42 299999\n"],
        [
            "killed",
            "true the interpreter stopped: stackswitch: worker session ended: the worker \
             did not respond to interrupt() within 200 ms and was terminated"
        ],
        ["new session", "42\n"],
    ]);
    assert_eq!(interrupts, expected, "on the {channel} channel");

    let outcome = page.runner().run(Invocation {
        source: TEN_MIB_PROGRAM.to_owned(),
        filename: "ten_mib.py".to_owned(),
        argv: vec!["ten_mib.py".to_owned(), server.base_url()],
        stdin: String::new(),
    });
    assert_eq!(outcome.stdout, "10485760 True\n", "{}", outcome.stderr);

    assert_suite_passes(
        page.runner(),
        &server,
        &format!("the worker backend ({channel} channel) in {engine:?}"),
    );
}

#[test]
fn worker_backend_on_a_cross_origin_isolated_page_uses_shared_memory() {
    let server = TestServer::start_with_static_isolated(WEB_PREFIX, web_dist())
        .expect("the isolated test server");
    worker_in(Engine::Chromium, server, "shared-memory");
}

#[test]
fn worker_backend_on_a_plain_page_uses_the_service_worker() {
    let server =
        TestServer::start_with_static(WEB_PREFIX, web_dist()).expect("the plain test server");
    worker_in(Engine::Chromium, server, "service-worker");
}

#[test]
fn worker_backend_in_webkitgtk_uses_the_service_worker() {
    let server =
        TestServer::start_with_static(WEB_PREFIX, web_dist()).expect("the plain test server");
    worker_in(Engine::WebKitGtk, server, "service-worker");
}

#[test]
fn worker_backend_in_firefox_on_a_cross_origin_isolated_page_uses_shared_memory() {
    let server = TestServer::start_with_static_isolated(WEB_PREFIX, web_dist())
        .expect("the isolated test server");
    worker_in(Engine::Firefox, server, "shared-memory");
}

#[test]
fn worker_backend_in_firefox_on_a_plain_page_uses_the_service_worker() {
    let server =
        TestServer::start_with_static(WEB_PREFIX, web_dist()).expect("the plain test server");
    worker_in(Engine::Firefox, server, "service-worker");
}
