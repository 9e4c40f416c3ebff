//! `stackswitch-browser-bench [--backend NAME] [--rounds N]`: the suspension bench
//! (`benches/measure.mjs`, the same figures `benches/suspend.mjs` prints in Node) in
//! headless Chromium, on the runner page served twice from 127.0.0.1: cross-origin
//! isolated (COOP/COEP) and plain; the same in headless Firefox ESR; then in WebKitGTK on
//! the plain page. For the worker backend that is one table per page and channel; for
//! jspi and asyncify (which add the yielding and big-int stall figures) one plain page per
//! engine that has the backend. `cargo xtask bench` runs it after the Node bench.
//!
//! Needs the web distribution, Chromium + chromedriver, Firefox ESR + geckodriver and
//! WebKitGTK's driver + Xvfb (see
//! `stackswitch_tests::browser`), which `cargo xtask bench` builds and installs.
//!
//! Invariant: it only measures and prints; the exit status is 0 unless the page could not
//! run the bench (then 1, with the page's error), or the arguments were wrong (2).

use std::process::ExitCode;
use std::time::Duration;

use serde_json::{json, Value};
use stackswitch_tests::browser::{BrowserPage, Engine, RUNNER_PAGE};
use stackswitch_tests::js::web_dist;
use stackswitch_tests::server::TestServer;

const USAGE: &str = "usage: stackswitch-browser-bench [--backend NAME] [--rounds N]";

/// Runs the bench in the page; resolves to the printed lines.
const BENCH_SCRIPT: &str = r#"
const [{ backend, rounds }, done] = arguments;
(async () => {
  const runtime = await import(new URL("../stackswitch.js", location.href).href);
  const measure = await import(new URL("../bench/measure.mjs", location.href).href);
  const lines = [];
  const print = (line) => lines.push(line);
  // Each service-worker suspension is a synchronous XHR round trip (~1 ms): 1,000 per
  // run keep that table to a minute; the figure per suspension is the same quantity.
  const slow = backend === "worker" && runtime.detect().worker.channel === "service-worker";
  await measure.perSuspension({ createSession: runtime.createSession, detect: runtime.detect, backend, rounds, print, iterations: slow ? 1000 : 10000 });
  if (backend === "worker") await measure.workerCosts({ createSession: runtime.createSession, backend, rounds, print });
  else {
    await measure.yieldingCosts({ createSession: runtime.createSession, backend, rounds, print });
    await measure.bigIntStalls({ createSession: runtime.createSession, backend, print });
  }
  await measure.interruptLatency({ createSession: runtime.createSession, backend, rounds, print });
  return { lines };
})().then(done, (error) => done({ error: String(error?.stack ?? error) }));
"#;

/// Longest a whole bench may take in one page.
const BENCH_TIMEOUT: Duration = Duration::from_secs(1200);

fn parse(mut args: impl Iterator<Item = String>) -> Result<(String, u32), String> {
    let (mut backend, mut rounds) = ("worker".to_owned(), 5);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--backend" => backend = value()?,
            "--rounds" => {
                let text = value()?;
                rounds = text
                    .parse()
                    .map_err(|_| format!("--rounds: not a whole number: {text:?}"))?;
            }
            _ => return Err(format!("unknown argument {arg:?}\n{USAGE}")),
        }
    }
    Ok((backend, rounds))
}

fn main() -> ExitCode {
    let (backend, rounds) = match parse(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("stackswitch-browser-bench: {message}");
            return ExitCode::from(2);
        }
    };
    let dist = web_dist();
    let worker_pages = [
        (
            Engine::Chromium,
            "cross-origin isolated page (COOP + COEP)",
            true,
        ),
        (Engine::Chromium, "plain page (no COOP/COEP)", false),
        (
            Engine::Firefox,
            "cross-origin isolated page (COOP + COEP)",
            true,
        ),
        (Engine::Firefox, "plain page (no COOP/COEP)", false),
        (Engine::WebKitGtk, "plain page (no COOP/COEP)", false),
    ];
    // The main-thread backends do not care about isolation: one plain page per engine
    // that has the backend (JSPI: Chromium only; Firefox ESR and WebKitGTK lack it).
    let pages: Vec<_> = match backend.as_str() {
        "worker" => worker_pages.to_vec(),
        "jspi" => vec![(Engine::Chromium, "plain page", false)],
        _ => vec![
            (Engine::Chromium, "plain page", false),
            (Engine::Firefox, "plain page", false),
            (Engine::WebKitGtk, "plain page", false),
        ],
    };
    for (engine, label, isolated) in pages {
        let server = if isolated {
            TestServer::start_with_static_isolated("/web", &dist)
        } else {
            TestServer::start_with_static("/web", &dist)
        }
        .expect("the test server should start");
        let url = format!("{}/web/{RUNNER_PAGE}", server.base_url());
        let page = BrowserPage::open(engine, &url, &backend, BENCH_TIMEOUT);
        println!("== {engine:?}, {label}");
        let result = page.execute_async(
            BENCH_SCRIPT,
            vec![json!({ "backend": backend, "rounds": rounds })],
        );
        match result
            .as_ref()
            .map(|value| (value.get("lines"), value.get("error")))
        {
            Ok((Some(Value::Array(lines)), _)) => {
                for line in lines {
                    println!("{}", line.as_str().unwrap_or_default());
                }
            }
            Ok((_, error)) => {
                eprintln!("stackswitch-browser-bench: the page failed: {error:?}");
                return ExitCode::FAILURE;
            }
            Err(error) => {
                eprintln!("stackswitch-browser-bench: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
