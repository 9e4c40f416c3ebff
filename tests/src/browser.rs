//! A browser driven over WebDriver (through the `fantoccini` client) as a [`Runner`] of
//! the conformance suite — headless Chromium (chromedriver), headless Firefox ESR
//! (geckodriver) or WebKitGTK's MiniBrowser (WebKitWebDriver, on an Xvfb display of its
//! own): [`BrowserPage`] opens the runner
//! page (`runtime/tests/runner.html`, served by the test server under `/web/` with the
//! web distribution) and runs each program there through `window.stackswitchRun(...)` on
//! the backend it was opened for, each program in a session of its own.
//!
//! Needs chromedriver (`STACKSWITCH_CHROMEDRIVER`, default `chromedriver` on `PATH`) and
//! Chromium (`STACKSWITCH_CHROMIUM`, default `/usr/lib/chromium/chromium`); geckodriver
//! (`STACKSWITCH_GECKODRIVER`, default on `PATH` or in `.tools/`) and `firefox-esr`; or
//! `WebKitWebDriver`, `Xvfb` and MiniBrowser — which `cargo xtask test` installs (apt,
//! and `cargo install geckodriver`); a missing one fails the test with instructions
//! rather than skipping it.
//!
//! Runs with Chromium's stock V8 stack sizes, as a teaching page would;
//! `STACKSWITCH_CHROMIUM_BIG_STACKS=1` adds [`JS_STACK_FLAGS`], to compare.
//!
//! Invariant: the driver, the browser (and Xvfb) are stopped and the temporary profile
//! removed when the page is dropped, whether the test passes, fails or panics.

use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::{Invocation, Outcome, Runner};
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The runner page, relative to the web distribution (copied from `runtime/tests/`).
pub const RUNNER_PAGE: &str = "tests/runner.html";

const INSTALL_HINT: &str = "run `cargo xtask test` (it installs the browsers and their \
     drivers with apt and builds the web distribution), or set";

/// The browser engines the tests drive, each from its Debian package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// `chromium` + `chromium-driver`, headless.
    Chromium,
    /// `firefox-esr` + geckodriver (crates.io), headless.
    Firefox,
    /// WebKitGTK's MiniBrowser (`webkit2gtk-driver`), which has no headless mode: it runs
    /// on an Xvfb display of its own (`xvfb`).
    WebKitGtk,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKitGtk => "webkitgtk",
        }
    }
}

/// MiniBrowser, WebKitGTK's WebDriver-controllable browser.
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// How long a driver may take to listen, and the browser to start and load the page.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

/// V8 flags giving the page 4 MB of JS stack and of JSPI stack instead of 984 KiB (the
/// renderer's main thread has 8 MiB on Linux); only with `STACKSWITCH_CHROMIUM_BIG_STACKS`.
pub const JS_STACK_FLAGS: &str =
    "--js-flags=--stack-size=4000 --wasm-stack-switching-stack-size=4000";

/// Waits (up to the script timeout) until the page's module has defined `stackswitchRun`,
/// or has failed to load; resolves to `"ready"` or the page's status text.
const READY_SCRIPT: &str = r#"
const done = arguments[0];
(function poll() {
  const status = document.getElementById("status")?.textContent ?? "";
  if (typeof window.stackswitchRun === "function") done("ready");
  else if (status.startsWith("failed")) done(status);
  else setTimeout(poll, 20);
})();
"#;

/// Runs one program in the page; the last argument is WebDriver's completion callback.
const RUN_SCRIPT: &str = r#"
const [invocation, done] = arguments;
window.stackswitchRun(invocation).then(done, (error) => done({
  stdout: "", stderr: `runner: ${error?.stack ?? error}\n`, status: -1, fatal: true,
}));
"#;

/// `name` as found on `PATH`.
fn on_path(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A WebDriver server: `$var` if set, else `name` on `PATH`, else `fallback` (under the
/// repository) if it exists; panics with install instructions when none is there.
fn driver_binary(var: &str, name: &str, fallback: Option<&str>) -> PathBuf {
    let path = std::env::var_os(var)
        .map(PathBuf::from)
        .or_else(|| on_path(name))
        .or_else(|| {
            let pinned = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(fallback?);
            pinned.exists().then_some(pinned)
        });
    match path {
        Some(path) if path.exists() => path,
        _ => panic!("{name} was not found: {INSTALL_HINT} {var}"),
    }
}

fn chromedriver() -> PathBuf {
    driver_binary("STACKSWITCH_CHROMEDRIVER", "chromedriver", None)
}

/// `cargo xtask test` installs it under `.tools/` (pinned, see xtask/src/setup.rs).
fn geckodriver() -> PathBuf {
    driver_binary(
        "STACKSWITCH_GECKODRIVER",
        "geckodriver",
        Some("../.tools/geckodriver-0.37.1/bin/geckodriver"),
    )
}

fn chromium() -> PathBuf {
    let path = std::env::var_os("STACKSWITCH_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/chromium/chromium"));
    assert!(
        path.exists(),
        "Chromium was not found at {}: {INSTALL_HINT} STACKSWITCH_CHROMIUM",
        path.display()
    );
    path
}

/// A port nobody listens on right now (the OS's choice for port 0).
fn free_port() -> u16 {
    let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

/// `WebKitWebDriver` and `Xvfb` on `PATH`, and MiniBrowser, or a panic saying how to
/// install them.
fn webkit_tools() -> (PathBuf, PathBuf) {
    let found = |name: &str| {
        on_path(name).unwrap_or_else(|| panic!("{name} was not found on PATH: {INSTALL_HINT} PATH"))
    };
    assert!(
        Path::new(MINIBROWSER).exists(),
        "MiniBrowser was not found at {MINIBROWSER}: {INSTALL_HINT} nothing (package webkit2gtk-driver)"
    );
    (found("WebKitWebDriver"), found("Xvfb"))
}

/// An X display number nobody uses (no socket in /tmp/.X11-unix), for Xvfb.
fn free_display() -> u32 {
    let start = 90 + std::process::id() % 500;
    (start..start + 500)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display number")
}

/// A running WebDriver server (chromedriver, or WebKitWebDriver on its own Xvfb display)
/// and its scratch directory (browser profile, driver log). Dropping it kills the driver,
/// the browser and the display, and removes the directory.
struct Driver {
    engine: Engine,
    child: Child,
    /// WebKitGTK only: the X server the browser draws on.
    display: Option<Child>,
    port: u16,
    scratch: PathBuf,
}

impl Driver {
    fn start(engine: Engine) -> Driver {
        let scratch = std::env::temp_dir().join(format!(
            "stackswitch-{}-{}-{}",
            engine.name(),
            std::process::id(),
            free_port()
        ));
        std::fs::create_dir_all(scratch.join("profile")).expect("create the scratch directory");
        let log = File::create(scratch.join("driver.log")).expect("create the driver log");
        let port = free_port();
        let (binary, mut command, display) = match engine {
            Engine::Chromium => {
                let binary = chromedriver();
                let mut command = Command::new(&binary);
                command
                    .arg(format!("--port={port}"))
                    .arg("--allowed-ips=127.0.0.1");
                (binary, command, None)
            }
            Engine::Firefox => {
                let binary = geckodriver();
                let mut command = Command::new(&binary);
                command
                    .args(["--host", "127.0.0.1", "--port"])
                    .arg(port.to_string())
                    // Its own Marionette port, so two drivers never share the default.
                    .args(["--marionette-port", &free_port().to_string()]);
                (binary, command, None)
            }
            Engine::WebKitGtk => {
                let (binary, xvfb) = webkit_tools();
                let number = free_display();
                let display = Command::new(xvfb)
                    .args([
                        &format!(":{number}"),
                        "-screen",
                        "0",
                        "1280x1024x24",
                        "-nolisten",
                        "tcp",
                    ])
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("start Xvfb");
                let mut command = Command::new(&binary);
                command
                    .arg(format!("--port={port}"))
                    .arg("--host=127.0.0.1")
                    .env("DISPLAY", format!(":{number}"));
                (binary, command, Some(display))
            }
        };
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        // A process group of its own, which the browser it starts joins: dropping the
        // driver can then end them all, even when the WebDriver session was not closed.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap_or_else(|error| {
            let _ = std::fs::remove_dir_all(&scratch);
            panic!("cannot start {}: {error}", binary.display())
        });
        let mut driver = Driver {
            engine,
            child,
            display,
            port,
            scratch,
        };
        driver.wait_until_listening();
        driver
    }

    fn wait_until_listening(&mut self) {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        loop {
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the WebDriver server exited with {status}:\n{}", self.log());
            }
            assert!(
                Instant::now() < deadline,
                "the WebDriver server did not listen on port {} within {STARTUP_TIMEOUT:?}:\n{}",
                self.port,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn profile(&self) -> PathBuf {
        self.scratch.join("profile")
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.scratch.join("driver.log")).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group's id is the driver's pid (see `process_group(0)` above).
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(display) = &mut self.display {
            let _ = display.kill();
            let _ = display.wait();
        }
        let _ = std::fs::remove_dir_all(&self.scratch);
    }
}

/// Chromium's own stack limits, unless `STACKSWITCH_CHROMIUM_BIG_STACKS` asks for more.
pub fn stock_stacks() -> bool {
    !std::env::var("STACKSWITCH_CHROMIUM_BIG_STACKS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// WebDriver capabilities: MiniBrowser in automation mode, or headless Chromium from the
/// Debian package with a fresh profile and none of the background traffic to the (closed)
/// network.
fn capabilities(engine: Engine, profile: &Path) -> serde_json::Map<String, Value> {
    if engine == Engine::Firefox {
        return as_object(json!({
            "browserName": "firefox",
            "moz:firefoxOptions": {
                "binary": "/usr/bin/firefox-esr",
                "args": ["-headless", "-profile", profile],
                "prefs": {
                    // No traffic to the (closed) network.
                    "app.update.enabled": false,
                    "browser.shell.checkDefaultBrowser": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "network.captive-portal-service.enabled": false,
                    "network.connectivity-service.enabled": false,
                },
            },
        }));
    }
    if engine == Engine::WebKitGtk {
        return as_object(json!({
            "browserName": "MiniBrowser",
            "webkitgtk:browserOptions": {
                "binary": MINIBROWSER,
                "args": ["--automation"],
            },
        }));
    }
    let mut args = vec![
        "--headless".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if !stock_stacks() {
        args.push(JS_STACK_FLAGS.to_owned());
    }
    as_object(json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium(),
            "args": args,
        },
    }))
}

fn as_object(value: Value) -> serde_json::Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    }
}

/// One browser session with the runner page open: a [`Runner`] that runs each program in
/// the page. `run_suite` calls it from a fresh thread per program; `turn` keeps the runs
/// sequential even when the suite has abandoned a run that timed out.
struct Browser {
    runtime: tokio::runtime::Runtime,
    client: Client,
    page: String,
    /// The backend `stackswitchRun` is asked for (`jspi`, `asyncify`, ...).
    backend: String,
    /// The suite's time limit per program.
    script_timeout: Duration,
    turn: Mutex<()>,
}

impl Browser {
    fn open(driver: &Driver, page: String, backend: String, script_timeout: Duration) -> Browser {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut builder = ClientBuilder::new(connector);
        builder.capabilities(capabilities(driver.engine, &driver.profile()));
        let url = driver.url();
        let client = runtime
            .block_on(async { tokio::time::timeout(STARTUP_TIMEOUT, builder.connect(&url)).await })
            .unwrap_or_else(|_| panic!("the browser did not start in time:\n{}", driver.log()))
            .unwrap_or_else(|error| panic!("the browser did not start: {error}\n{}", driver.log()));
        Browser {
            runtime,
            client,
            page,
            backend,
            script_timeout,
            turn: Mutex::new(()),
        }
    }

    /// (Re)load the runner page and wait until its module has set `stackswitchRun`.
    async fn load_page(&self) -> Result<(), String> {
        self.set_script_timeout(STARTUP_TIMEOUT).await?;
        self.client
            .goto(&self.page)
            .await
            .map_err(|error| format!("cannot open {}: {error}", self.page))?;
        let ready = self
            .client
            .execute_async(READY_SCRIPT, vec![])
            .await
            .map_err(|error| format!("cannot inspect {}: {error}", self.page))?;
        self.set_script_timeout(self.script_timeout).await?;
        match ready.as_str() {
            Some("ready") => Ok(()),
            other => Err(format!(
                "{} did not define window.stackswitchRun (page text: {other:?}); is the web \
                 distribution current? Rebuild it with `cargo xtask test --skip test --skip wasm --skip fuzz`",
                self.page
            )),
        }
    }

    /// How long a script (one program) may run before WebDriver gives up on it.
    async fn set_script_timeout(&self, timeout: Duration) -> Result<(), String> {
        self.client
            .update_timeouts(TimeoutConfiguration::new(
                Some(timeout),
                Some(STARTUP_TIMEOUT),
                None,
            ))
            .await
            .map_err(|error| format!("cannot set the WebDriver timeouts: {error}"))
    }

    /// What the page's `detect()` reports, for the test log.
    fn detection(&self) -> String {
        self.runtime
            .block_on(
                self.client
                    .execute("return JSON.stringify(window.stackswitchDetect())", vec![]),
            )
            .map(|value| value.as_str().unwrap_or_default().to_owned())
            .unwrap_or_else(|error| format!("detect() failed: {error}"))
    }

    async fn run_in_page(&self, invocation: &Invocation) -> Result<PageOutcome, String> {
        let argument = json!({
            "source": invocation.source,
            "filename": invocation.filename,
            "argv": invocation.argv,
            "stdin": invocation.stdin,
            "backend": self.backend,
        });
        let value = self
            .client
            .execute_async(RUN_SCRIPT, vec![argument])
            .await
            .map_err(|error| format!("WebDriver: {error}"))?;
        let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        let status = value.get("status").and_then(Value::as_i64);
        let fatal = value.get("fatal").and_then(Value::as_bool).unwrap_or(true);
        match (text("stdout"), text("stderr"), status) {
            (Some(stdout), Some(stderr), Some(status)) => Ok(PageOutcome {
                outcome: Outcome {
                    stdout,
                    stderr,
                    status: i32::try_from(status).unwrap_or(-1),
                },
                fatal,
            }),
            _ => Err(format!("the page returned {value}")),
        }
    }

    /// Best effort to end the WebDriver session (which quits the browser); the driver's
    /// guard kills whatever is left.
    fn close(&self) {
        let closing = self.client.clone().close();
        let closed = self
            .runtime
            .block_on(async { tokio::time::timeout(Duration::from_secs(10), closing).await });
        match closed {
            Ok(Ok(())) => {}
            Ok(Err(error)) => eprintln!("closing the browser session failed: {error}"),
            Err(_) => eprintln!("closing the browser session timed out"),
        }
    }
}

/// What one call of `stackswitchRun` returned.
struct PageOutcome {
    outcome: Outcome,
    /// The run ended in a JS error out of the wasm, not as a Python program ends.
    fatal: bool,
}

impl Runner for Browser {
    fn run(&self, invocation: Invocation) -> Outcome {
        let _turn = self
            .turn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.runtime.block_on(async {
            let (mut outcome, fatal) = match self.run_in_page(&invocation).await {
                Ok(PageOutcome { outcome, fatal }) => (outcome, fatal),
                Err(error) => {
                    let outcome = Outcome {
                        stdout: String::new(),
                        stderr: format!("{error}\n"),
                        status: -1,
                    };
                    (outcome, true)
                }
            };
            if fatal {
                // The run left the page busy (a script timeout) or its wasm instance
                // unusable (a trap): start the next program on a fresh page.
                outcome.stderr.push_str(&match self.load_page().await {
                    Ok(()) => "(the page was reloaded)\n".to_owned(),
                    Err(reload) => format!("(reloading the page failed too: {reload})\n"),
                });
            }
            outcome
        })
    }
}

/// A browser with the runner page open, running programs on one backend. Dropping it
/// ends the browser session, then the driver (also while a failed assertion unwinds).
pub struct BrowserPage {
    browser: Arc<Browser>,
    // Dropped after `browser` is closed (see `Drop`): kills whatever is left.
    _driver: Driver,
}

impl BrowserPage {
    /// Start the driver and the browser of `engine` and open `page` (the runner page's URL); each
    /// program then runs on `backend`, for at most `script_timeout`. Panics with the
    /// driver's log if the browser or the page cannot be brought up.
    pub fn open(
        engine: Engine,
        page: &str,
        backend: &str,
        script_timeout: Duration,
    ) -> BrowserPage {
        let driver = Driver::start(engine);
        let browser = Arc::new(Browser::open(
            &driver,
            page.to_owned(),
            backend.to_owned(),
            script_timeout,
        ));
        let page = BrowserPage {
            browser,
            _driver: driver,
        };
        page.browser
            .runtime
            .block_on(page.browser.load_page())
            .unwrap_or_else(|error| panic!("{error}"));
        page
    }

    /// What the page's `detect()` reports, and the stack sizes used, for the test log.
    pub fn describe(&self) -> String {
        let stacks = if self._driver.engine == Engine::WebKitGtk {
            "stock JavaScriptCore stack sizes".to_owned()
        } else if self._driver.engine == Engine::Firefox {
            "stock SpiderMonkey stack sizes".to_owned()
        } else if stock_stacks() {
            "stock V8 stack sizes".to_owned()
        } else {
            format!("with {JS_STACK_FLAGS}")
        };
        format!("{stacks}; detect(): {}", self.browser.detection())
    }

    /// Run `script` in the page (WebDriver `execute_async`: its last argument is the
    /// completion callback) with `args`, for at most the page's script timeout; returns
    /// what the script passed to the callback.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.webdriver(self.browser.client.execute_async(script, args))
    }

    /// Click the element `css` selects, as a person would (WebDriver waits for the page
    /// to take the click: a page whose main thread is blocked never answers).
    pub fn click(&self, css: &str) -> Result<(), String> {
        self.webdriver(async {
            let element = self.browser.client.find(Locator::Css(css)).await?;
            element.click().await
        })
    }

    /// Run one WebDriver exchange, in turn with the suite's (one command at a time).
    fn webdriver<T>(
        &self,
        exchange: impl std::future::Future<Output = Result<T, fantoccini::error::CmdError>>,
    ) -> Result<T, String> {
        let _turn = self
            .browser
            .turn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.browser
            .runtime
            .block_on(exchange)
            .map_err(|error| format!("WebDriver: {error}"))
    }

    /// Start `while True` on `backend` (and `channel`, for the worker), let it run, click
    /// the page's Stop button, and check as a person would: the program ended with
    /// `KeyboardInterrupt`, and the page's timer and animation frames went on meanwhile.
    pub fn assert_stop_button_stops_a_loop(&self, backend: &str, channel: Option<&str>) {
        let source = "print('started', flush=True)\nwhile True:\n    pass\n";
        self.execute_async(
            "window.stackswitchStartLoop(arguments[0]).then(() => arguments[1]('started'),              (e) => arguments[1](String(e)))",
            vec![json!({ "source": source, "backend": backend, "workerChannel": channel })],
        )
        .expect("the loop should start");
        // Long enough for the page's 10 ms timer and its frames to move, if they can.
        std::thread::sleep(Duration::from_millis(500));
        self.click("#stop")
            .expect("the Stop button should take the click while Python loops");
        let ended = self
            .execute_async(
                "window.stackswitchFinishLoop().then(arguments[0], (e) => arguments[0](String(e)))",
                vec![],
            )
            .expect("the loop should end");
        let what = format!("Stop on {backend} {channel:?}: {ended}");
        assert_eq!(ended["type"], json!("KeyboardInterrupt"), "{what}");
        assert_eq!(ended["status"], json!(130), "{what}");
        assert!(
            ended["ticks"].as_i64() > Some(0),
            "the timer stood still: {what}"
        );
        assert!(
            ended["frames"].as_i64() > Some(0),
            "no frame was drawn: {what}"
        );
    }

    /// The page as a conformance-suite runner.
    pub fn runner(&self) -> Arc<dyn Runner> {
        Arc::clone(&self.browser) as Arc<dyn Runner>
    }
}

impl Drop for BrowserPage {
    fn drop(&mut self) {
        self.browser.close();
    }
}

/// A page of the project's own (the playground), not the runner page, in a browser:
/// driven as a person would (clicks, keys) plus scripts to read what it shows. Dropping
/// it ends the browser session, then the driver.
pub struct AppPage {
    browser: Browser,
    _driver: Driver,
}

/// How long [`AppPage::wait_for`] waits before failing the test: a liveness bound, far
/// above what any step takes, never a measurement.
const APP_WAIT: Duration = Duration::from_secs(90);

impl AppPage {
    /// Start `engine` and open `url`.
    pub fn open(engine: Engine, url: &str) -> AppPage {
        let driver = Driver::start(engine);
        let browser = Browser::open(&driver, url.to_owned(), String::new(), STARTUP_TIMEOUT);
        let page = AppPage {
            browser,
            _driver: driver,
        };
        page.goto(url)
            .unwrap_or_else(|error| panic!("cannot open {url}: {error}"));
        page
    }

    fn exchange<T>(
        &self,
        exchange: impl std::future::Future<Output = Result<T, fantoccini::error::CmdError>>,
    ) -> Result<T, String> {
        self.browser
            .runtime
            .block_on(exchange)
            .map_err(|error| format!("WebDriver: {error}"))
    }

    /// Navigate (a reload if `url` is the current page's).
    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.exchange(self.browser.client.goto(url))
    }

    /// Run `script` (a function body; `arguments` are `args`) and return its value.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.exchange(self.browser.client.execute(script, args))
    }

    /// Poll the expression `condition` until it is truthy; returns its value. Fails with
    /// `what` and the page's text if it never becomes so within [`APP_WAIT`].
    pub fn wait_for(&self, condition: &str, what: &str) -> Value {
        let deadline = Instant::now() + APP_WAIT;
        let script =
            format!("try {{ return ({condition}) || null; }} catch (e) {{ return null; }}");
        loop {
            if let Ok(value) = self.execute(&script, vec![]) {
                if !value.is_null() && value != json!(false) {
                    return value;
                }
            }
            if Instant::now() > deadline {
                let text = self
                    .execute(
                        "return document.body ? document.body.innerText : ''",
                        vec![],
                    )
                    .unwrap_or_default();
                panic!("waited {APP_WAIT:?} for {what} ({condition}); the page shows:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Click the element `css` selects.
    pub fn click(&self, css: &str) -> Result<(), String> {
        self.exchange(async {
            let element = self.browser.client.find(Locator::Css(css)).await?;
            element.click().await
        })
    }

    /// Type `text` into the element `css` selects (`\u{E007}` is Enter).
    pub fn type_into(&self, css: &str, text: &str) -> Result<(), String> {
        self.exchange(async {
            let element = self.browser.client.find(Locator::Css(css)).await?;
            element.send_keys(text).await
        })
    }

    /// Save what the window shows as a PNG at `path` (its folder is created).
    pub fn screenshot(&self, path: &Path) -> Result<(), String> {
        let png = self.exchange(self.browser.client.screenshot())?;
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(path, png).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Press a key (a WebDriver key code, e.g. `\u{E00C}` Escape) in the focused element.
    pub fn press(&self, key: &str) -> Result<(), String> {
        self.exchange(async {
            let element = self.browser.client.active_element().await?;
            element.send_keys(key).await
        })
    }

    /// Resize the browser window (its viewport follows).
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<(), String> {
        self.exchange(self.browser.client.set_window_size(width, height))
    }
}

impl Drop for AppPage {
    fn drop(&mut self) {
        self.browser.close();
    }
}
