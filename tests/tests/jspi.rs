//! The JSPI backend in Node 26: the whole conformance suite through `cli.mjs --backend
//! jspi`, and the session API tests of `runtime/tests/sessions.test.mjs`.
//!
//! Needs the web distribution and Node 26 (see `stackswitch_tests::node`); a missing one
//! fails the test with instructions rather than skipping it.

use stackswitch_tests::node::{assert_session_tests_pass, assert_suite_matches_cpython, node26};

#[test]
fn jspi_backend_matches_cpython_on_node26() {
    assert_suite_matches_cpython(&node26(), "jspi", "Node 26");
}

#[test]
fn jspi_sessions_suspend_independently() {
    assert_session_tests_pass(&node26(), "jspi", &["--test"]);
}
