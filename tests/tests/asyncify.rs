//! The Asyncify backend in Node 20 (`/usr/bin/node`, no JSPI, no exnref) and Node 26:
//! the whole conformance suite through `cli.mjs --backend asyncify`, and the session API
//! tests of `runtime/tests/sessions.test.mjs`.
//!
//! Needs the web distribution (with `asyncify/`) and the Node binaries (see
//! `stackswitch_tests::node`); a missing one fails the test with instructions rather than
//! skipping it.

use stackswitch_tests::node::{
    assert_session_tests_pass, assert_suite_matches_cpython, node20, node26,
};

#[test]
fn asyncify_backend_matches_cpython_on_node20() {
    assert_suite_matches_cpython(&node20(), "asyncify", "Node 20");
}

#[test]
fn asyncify_backend_matches_cpython_on_node26() {
    assert_suite_matches_cpython(&node26(), "asyncify", "Node 26");
}

// Stock JS stack sizes (no `--stack-size`), as in a browser: the deep-recursion and
// engine-overflow tests then measure what a page gets.
const STACK: &[&str] = &["--test"];

#[test]
fn asyncify_sessions_suspend_independently_on_node20() {
    assert_session_tests_pass(&node20(), "asyncify", STACK);
}

#[test]
fn asyncify_sessions_suspend_independently_on_node26() {
    assert_session_tests_pass(&node26(), "asyncify", STACK);
}
