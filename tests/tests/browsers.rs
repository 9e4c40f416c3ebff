//! The JS-hosted backends in real browsers: the whole conformance suite in a page, per
//! engine and backend, driven over WebDriver ([`stackswitch_tests::browser`]):
//! JSPI and Asyncify in headless Chromium and headless Firefox ESR, Asyncify in WebKitGTK
//! (no JSPI there). First, on each, the page's Stop button is clicked while `while True`
//! runs: the page must have stayed alive (its timer and animation frames moved) and the
//! program must end with KeyboardInterrupt — cooperative yielding at work.
//!
//! The test server serves the routes the `urlopen__*` programs call *and* the web
//! distribution under `/web/`, so the runner page, its modules, the interpreter's wasm
//! and the programs' requests are all same-origin on `127.0.0.1`.
//!
//! Stock stack sizes, as a teaching page would have (root README, "Engine stacks and
//! recursion depth"): past a raised `sys.setrecursionlimit` the runtime reports an engine
//! overflow as a fatal RecursionError and the page is reloaded before the next program.
//!
//! Needs the web distribution (`STACKSWITCH_WEB_DIST`, default `target/stackswitch-web`)
//! and the browsers and their drivers, which `cargo xtask test` builds and installs; a
//! missing one fails the test with instructions rather than skipping it.
//!
//! Invariant: one browser at a time (the machine running the suite may have two cores,
//! and the suite's per-program time limit must not measure the other browser).

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use stackswitch_tests::browser::{BrowserPage, Engine, RUNNER_PAGE};
use stackswitch_tests::js::web_dist;
use stackswitch_tests::server::TestServer;
use stackswitch_tests::{assert_suite_passes, SuiteOptions};

/// Where the test server mounts the web distribution.
const WEB_PREFIX: &str = "/web";

/// Held while a browser runs (see the invariant above).
static ONE_BROWSER: Mutex<()> = Mutex::new(());

fn runner_page_dist() -> PathBuf {
    let dist = web_dist();
    assert!(
        dist.join(RUNNER_PAGE).exists(),
        "{} does not exist: run `cargo xtask test` to build the web distribution",
        dist.join(RUNNER_PAGE).display()
    );
    dist
}

fn suite_in(engine: Engine, backend: &str) {
    let _one = ONE_BROWSER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let dist = runner_page_dist();
    let options = SuiteOptions::from_env();
    let server = TestServer::start_with_static(WEB_PREFIX, &dist).expect("the test server");
    let url = format!("{}{WEB_PREFIX}/{RUNNER_PAGE}", server.base_url());

    let started = Instant::now();
    let page = BrowserPage::open(engine, &url, backend, options.timeout);
    eprintln!(
        "[{backend}, {engine:?}] browser started and page loaded in {:.1} s; {}",
        started.elapsed().as_secs_f64(),
        page.describe()
    );
    page.assert_stop_button_stops_a_loop(backend, None);

    assert_suite_passes(
        page.runner(),
        &server,
        &format!("the {backend} backend in {engine:?}"),
    );
}

#[test]
fn jspi_backend_matches_cpython_in_headless_chromium() {
    suite_in(Engine::Chromium, "jspi");
}

#[test]
fn asyncify_backend_matches_cpython_in_headless_chromium() {
    suite_in(Engine::Chromium, "asyncify");
}

#[test]
fn jspi_backend_matches_cpython_in_firefox() {
    suite_in(Engine::Firefox, "jspi");
}

#[test]
fn asyncify_backend_matches_cpython_in_firefox() {
    suite_in(Engine::Firefox, "asyncify");
}

/// WebKit has no JSPI: Asyncify is its backend (and what `auto` picks there).
#[test]
fn asyncify_backend_matches_cpython_in_webkitgtk() {
    suite_in(Engine::WebKitGtk, "asyncify");
}
