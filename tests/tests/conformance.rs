//! The CPython conformance suite run through the native backend (`stackswitch-native`).
//!
//! Starts the test server in-process (its own thread and tokio runtime), runs every
//! `tests/programs/*.py` through [`stackswitch_native::run_program`], and compares each
//! with `tests/expected/*.out` by the rules of [`stackswitch_tests::compare`]: stdout
//! exactly, the last stderr line exactly (`syntax__*`: exception type and line number),
//! and the exit status. Every program runs even after a mismatch; the test fails at the
//! end with a diff for each mismatching program and a summary line.
//!
//! Environment: `CONFORMANCE_FILTER=str__` runs only programs whose name contains it;
//! `CONFORMANCE_TIMEOUT_SECS` bounds each run (default 30).

use std::io::Cursor;
use std::sync::Arc;

use stackswitch_tests::server::TestServer;
use stackswitch_tests::{assert_suite_passes, Invocation, Outcome, OutputBuffer, Runner};

/// One program through the native backend, its output captured.
fn run_native(invocation: Invocation) -> Outcome {
    let stdout = OutputBuffer::new();
    let stderr = OutputBuffer::new();
    let status = stackswitch_native::run_program(
        &invocation.filename,
        &invocation.source,
        invocation.argv,
        Box::new(Cursor::new(invocation.stdin.into_bytes())),
        Box::new(stdout.clone()),
        Box::new(stderr.clone()),
    );
    Outcome {
        stdout: stdout.contents(),
        stderr: stderr.contents(),
        status,
    }
}

#[test]
fn native_backend_matches_cpython() {
    let server = TestServer::start().expect("the test server should start");
    let runner: Arc<dyn Runner> = Arc::new(run_native);
    assert_suite_passes(runner, &server, "the native backend");
}
