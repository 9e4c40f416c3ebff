//! The worker backend in Node 20 (`/usr/bin/node`: no JSPI, no exnref; the plain module
//! needs neither) and Node 26, over worker_threads and the shared-memory channel: the
//! whole conformance suite through `cli.mjs --backend worker`, the session API tests of
//! `runtime/tests/sessions.test.mjs` (which, for this backend, also interrupt a
//! `while True` loop, a pending `input()` and a `time.sleep(100)`, send a 10 MiB reply
//! through small buffers and kill a worker mid-run), and a 10 MiB body from the real
//! test server.
//!
//! Needs the web distribution (with `worker/`) and the Node binaries (see
//! [`stackswitch_tests::js`]); a missing one fails the test with instructions.

use std::path::Path;
use std::process::Command;

use stackswitch_tests::js::{
    assert_cli_suite_passes, assert_session_tests_pass, node20, node26, web_dist,
};
use stackswitch_tests::server::TestServer;

fn suite_on(node: &Path, engine: &str) {
    assert_cli_suite_passes(node, &web_dist(), "worker", engine);
}

#[test]
fn worker_backend_matches_cpython_on_node20() {
    suite_on(&node20(), "Node 20");
}

#[test]
fn worker_backend_matches_cpython_on_node26() {
    suite_on(&node26(), "Node 26");
}

#[test]
fn worker_sessions_interrupt_and_survive_on_node20() {
    assert_session_tests_pass(&node20(), &web_dist(), "worker");
}

#[test]
fn worker_sessions_interrupt_and_survive_on_node26() {
    assert_session_tests_pass(&node26(), &web_dist(), "worker");
}

/// `/bytes/N` serves byte `i` as `i % 256`; Python compares the whole body with that.
const TEN_MIB_PROGRAM: &str = r#"
import sys
from urllib.request import urlopen
n = 10 * 1024 * 1024
body = urlopen(sys.argv[1] + "/bytes/" + str(n)).read()
print(len(body), body == bytes(range(256)) * (n // 256))
"#;

fn ten_mib_body_arrives_whole(node: &Path) {
    let server = TestServer::start().expect("the test server should start");
    let file = std::env::temp_dir().join(format!(
        "stackswitch-worker-10mib-{}.py",
        std::process::id()
    ));
    std::fs::write(&file, TEN_MIB_PROGRAM).expect("the temp dir should be writable");
    let output = Command::new(node)
        .arg(web_dist().join("cli.mjs"))
        .args(["--backend", "worker"])
        .arg(&file)
        .arg(server.base_url())
        .output()
        .expect("node should start");
    let _ = std::fs::remove_file(&file);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "10485760 True\n",
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success());
}

#[test]
fn worker_reads_a_10_mib_urlopen_body_from_the_test_server_on_node20() {
    ten_mib_body_arrives_whole(&node20());
}

#[test]
fn worker_reads_a_10_mib_urlopen_body_from_the_test_server_on_node26() {
    ten_mib_body_arrives_whole(&node26());
}
