//! The playground (`playground/`, built by `cargo xtask serve --build-only` into
//! `target/playground`) in real browsers, used as a student would: the program is put in
//! the editor, Run and Stop are clicked, `input()` is answered by typing into the field
//! the console shows, and what the console and the status line show is read back.
//!
//! Per engine and per variant of the page (served with and without COOP/COEP, as
//! `cargo xtask serve [--isolated]` does), on every backend the engine can run: an
//! input() program, a `while True` ended by Stop (KeyboardInterrupt, status 130), a
//! traceback compared with python3's, the same-origin urlopen example; then the share
//! link, the program kept across reloads, the phone-sized layout, and — with the server
//! stopped — the page, a run and a standard-module import served by its service worker.
//! A screenshot of each page after a run goes to `target/test-output/`.
//!
//! Invariant: one browser at a time (two cores; see browsers.rs), and every wait is a
//! liveness bound (AppPage::wait_for), never a measurement.

use std::process::Command;
use std::sync::Mutex;

use serde_json::{json, Value};
use stackswitch_tests::browser::{AppPage, Engine};
use stackswitch_tests::js::playground_dist;
use stackswitch_tests::server::{site_router, TestServer};

static ONE_BROWSER: Mutex<()> = Mutex::new(());

const ENTER: &str = "\u{E007}";

const GREETING: &str = "name = input('What is your name? ')\nprint(f'Hello, {name}!')\n";
const LOOP: &str = "print('started', flush=True)\nn = 0\nwhile True:\n    n += 1\n";
const FAILING: &str = "def average(numbers):\n    return sum(numbers) / len(numbers)\n\n\
                       def report(name, marks):\n    print(name, 'averages', average(marks))\n\n\
                       report('Ada', [90, 85, 77])\nreport('Bob', [])\n";

fn console_text(page: &AppPage) -> String {
    let text = page.execute(
        "return document.getElementById('console').textContent",
        vec![],
    );
    text.expect("the console")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn status(page: &AppPage) -> String {
    let text = page.execute(
        "return document.getElementById('status').textContent",
        vec![],
    );
    text.expect("the status line")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// How many runs have ended on this page (the status line counts them).
fn runs_done(page: &AppPage) -> i64 {
    page.execute(
        "return Number(document.getElementById('status').dataset.done ?? 0)",
        vec![],
    )
    .ok()
    .and_then(|v| v.as_i64())
    .unwrap_or(0)
}

fn wait_ready(page: &AppPage) {
    page.wait_for("document.body.dataset.ready === 'true'", "the page to load");
}

/// Put `source` in the editor, pick `backend`, click Run.
fn start(page: &AppPage, backend: &str, source: &str) -> i64 {
    let done = runs_done(page);
    page.execute(
        "window.playground.setProgram(arguments[0]); document.getElementById('backend').value = arguments[1];",
        vec![json!(source), json!(backend)],
    )
    .expect("set the program and the backend");
    page.click("#run").expect("Run takes the click");
    done
}

fn wait_done(page: &AppPage, before: i64) {
    page.wait_for(
        &format!("Number(document.getElementById('status').dataset.done ?? 0) > {before}"),
        "the run to end",
    );
}

fn run_to_end(page: &AppPage, backend: &str, source: &str) -> String {
    let before = start(page, backend, source);
    wait_done(page, before);
    console_text(page)
}

/// python3's stderr for `source` run as `main.py` in a directory of its own, with that
/// directory's path taken out of the `File "..."` lines (the page's file is `main.py`).
fn python3_stderr(source: &str) -> String {
    let dir = std::env::temp_dir().join(format!("stackswitch-playground-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    std::fs::write(dir.join("main.py"), source).expect("write main.py");
    let output = Command::new("python3")
        .arg("main.py")
        .current_dir(&dir)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_dir_all(&dir);
    let stderr =
        String::from_utf8_lossy(&output.stderr).replace(&format!("{}/", dir.display()), "");
    // 3.11's `^^^`/`~~~` position lines are a known difference (README "Known differences").
    let is_marker =
        |line: &str| !line.trim().is_empty() && line.trim().chars().all(|c| c == '^' || c == '~');
    stderr
        .lines()
        .filter(|line| !is_marker(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn usable_backends(page: &AppPage) -> Vec<String> {
    let value = page
        .execute(
            "return [...document.getElementById('backend').options].filter(o => !o.disabled && o.value !== 'auto').map(o => o.value)",
            vec![],
        )
        .expect("the backend picker");
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect()
}

fn each_backend_runs_asks_and_stops(page: &AppPage, expected_backends: &[&str]) {
    let backends = usable_backends(page);
    for wanted in expected_backends {
        assert!(
            backends.iter().any(|b| b == wanted),
            "{wanted} should be offered: {backends:?}"
        );
    }
    let failing_stderr = python3_stderr(FAILING);
    for backend in &backends {
        // input(): the console shows a field, focused; typing and Enter answer it.
        let before = start(page, backend, GREETING);
        page.wait_for(
            "document.getElementById('console-input')",
            "the input field",
        );
        let focused = page
            .execute(
                "return document.activeElement && document.activeElement.id",
                vec![],
            )
            .expect("the focused element");
        assert_eq!(
            focused,
            json!("console-input"),
            "{backend}: the input field should take the focus"
        );
        page.type_into("#console-input", &format!("Ada{ENTER}"))
            .expect("type the answer");
        wait_done(page, before);
        assert_eq!(
            console_text(page),
            "What is your name? Ada\nHello, Ada!\n",
            "{backend}"
        );
        let line = status(page);
        assert!(
            line.starts_with(backend.as_str()),
            "{backend}: status {line:?}"
        );
        assert!(
            line.contains("1 suspension ") && line.contains("exit status 0"),
            "{backend}: status {line:?}"
        );

        // Stop ends a CPU loop with KeyboardInterrupt, as Ctrl-C ends python3's.
        let before = start(page, backend, LOOP);
        page.wait_for(
            "document.getElementById('console').textContent.includes('started')",
            "the loop to start",
        );
        page.click("#stop")
            .expect("Stop takes the click while Python loops");
        wait_done(page, before);
        let text = console_text(page);
        assert!(
            text.ends_with("KeyboardInterrupt\n")
                && text.contains("Traceback (most recent call last):"),
            "{backend}: {text:?} (status: {})",
            status(page)
        );
        assert!(
            status(page).contains("KeyboardInterrupt, exit status 130"),
            "{backend}: {}",
            status(page)
        );

        // Escape stops it too (keyboard-only use).
        let before = start(page, backend, LOOP);
        page.wait_for(
            "document.getElementById('console').textContent.includes('started')",
            "the loop to start",
        );
        page.press("\u{E00C}").expect("press Escape");
        wait_done(page, before);
        assert!(
            status(page).contains("KeyboardInterrupt, exit status 130"),
            "{backend}: Escape: {}",
            status(page)
        );

        // A traceback is shown as python3 prints it.
        let text = run_to_end(page, backend, FAILING);
        assert_eq!(
            text,
            format!("Ada averages 84.0\n{failing_stderr}"),
            "{backend}"
        );

        // urlopen of a file on the page's own server.
        let example = page
            .execute(
                "return document.querySelector('#examples').options.length",
                vec![],
            )
            .expect("the examples menu");
        assert!(example.as_i64() > Some(5), "the examples menu: {example}");
        let urlopen = "import os\nfrom urllib.request import urlopen\n\
                       with urlopen(os.environ['PLAYGROUND_URL'] + 'data/poem.txt') as r:\n    \
                       print(r.status, r.read().decode().splitlines()[0])\n";
        let text = run_to_end(page, backend, urlopen);
        assert_eq!(
            text, "200 The woods are lovely, dark and deep,\n",
            "{backend}"
        );
    }
}

fn program_in_editor(page: &AppPage) -> Value {
    page.execute("return window.playground.program()", vec![])
        .expect("the program")
}

fn share_and_keep(page: &AppPage, base: &str) {
    // A link made by Share opens with its program in the editor.
    let program = "print('shared ✓ \u{1F600}')\n";
    page.execute(
        "window.playground.setProgram(arguments[0])",
        vec![json!(program)],
    )
    .expect("set");
    page.click("#share").expect("Share");
    let link = page.wait_for(
        "location.hash.startsWith('#code=') && location.href",
        "the share link",
    );
    let link = link.as_str().expect("a URL").to_owned();
    page.execute("window.playground.setProgram('print(1)\\n')", vec![])
        .expect("set");
    page.goto(base).expect("go away");
    wait_ready(page);
    assert_eq!(
        program_in_editor(page),
        json!("print(1)\n"),
        "the last program is kept across reloads"
    );
    // Opened in the tab that shows the page, only the fragment changes (no reload).
    page.goto(&link).expect("open the link");
    page.wait_for(
        &format!("window.playground.program() === {}", json!(program)),
        "the link's program in the editor without a reload",
    );
    // And in a fresh load of the page (the old document's ready mark is cleared first,
    // so that the wait sees the new document's).
    page.execute(
        "window.playground.setProgram('print(2)'); document.body.dataset.ready = 'false'; location.reload()",
        vec![],
    )
    .expect("reload");
    wait_ready(page);
    assert_eq!(
        program_in_editor(page),
        json!(program),
        "the link's program: {link}"
    );
}

fn phone_sized(page: &AppPage) {
    page.set_window_size(360, 740).expect("resize");
    let fits = page
        .execute(
            "const run = document.getElementById('run').getBoundingClientRect(); \
             const out = document.getElementById('console').getBoundingClientRect(); \
             const foot = document.getElementById('status').getBoundingClientRect(); \
             return [document.documentElement.scrollWidth, innerWidth, run.right <= innerWidth && run.width > 0, out.bottom <= foot.top + 1 && out.height > 100]",
            vec![],
        )
        .expect("the layout");
    assert!(
        fits[0].as_i64() <= fits[1].as_i64(),
        "no horizontal scrolling at 360 px: {fits}"
    );
    assert_eq!(fits[2], json!(true), "Run is on screen at 360 px: {fits}");
    assert_eq!(
        fits[3],
        json!(true),
        "the console is not under the status line at 360 px: {fits}"
    );
    page.set_window_size(1280, 900).expect("resize back");
}

fn works_offline(page: &AppPage, server: TestServer, base: &str) {
    page.wait_for(
        "navigator.serviceWorker.controller",
        "the service worker to control the page",
    );
    // The page asked the service worker to cache the backends this engine runs.
    page.wait_for(
        "(window.playground.offlineReady().then((ready) => (window.offline = ready)), window.offline)",
        "the auto backend and the standard library to be cached",
    );
    drop(server);
    page.goto(base).expect("reload with the server gone");
    wait_ready(page);
    let text = run_to_end(
        page,
        "auto",
        "from collections import Counter\nprint(Counter('offline').most_common(1))\n",
    );
    assert_eq!(text, "[('f', 2)]\n", "offline: status {}", status(page));
}

fn playground_in(engine: Engine, isolated: bool, expected_backends: &[&str]) {
    let _one = ONE_BROWSER.lock().unwrap_or_else(|p| p.into_inner());
    let server =
        TestServer::start_with(site_router(playground_dist(), isolated), 0).expect("the server");
    let base = format!("{}/", server.base_url());
    let page = AppPage::open(engine, &base);
    wait_ready(&page);
    let isolation = page
        .execute("return crossOriginIsolated", vec![])
        .expect("crossOriginIsolated");
    assert_eq!(isolation, json!(isolated), "{engine:?}");
    each_backend_runs_asks_and_stops(&page, expected_backends);
    // What the page looks like after a run, per engine and variant, for people to see.
    page.set_window_size(1200, 760).expect("resize");
    run_to_end(&page, "auto", FAILING);
    let variant = if isolated { "isolated" } else { "plain" };
    let shot = stackswitch_tests::js::repo_root()
        .join(format!("target/test-output/playground-{engine:?}-{variant}.png").to_lowercase());
    page.screenshot(&shot).expect("a screenshot");
    share_and_keep(&page, &base);
    phone_sized(&page);
    works_offline(&page, server, &base);
}

#[test]
fn playground_in_chromium() {
    playground_in(Engine::Chromium, false, &["jspi", "asyncify", "worker"]);
}

#[test]
fn playground_in_chromium_cross_origin_isolated() {
    playground_in(Engine::Chromium, true, &["jspi", "asyncify", "worker"]);
}

#[test]
fn playground_in_firefox_cross_origin_isolated() {
    playground_in(Engine::Firefox, true, &["asyncify", "worker"]);
}

#[test]
fn playground_in_firefox() {
    playground_in(Engine::Firefox, false, &["asyncify", "worker"]);
}

#[test]
fn playground_in_webkitgtk() {
    playground_in(Engine::WebKitGtk, false, &["asyncify", "worker"]);
}
