//! The JSPI backend in Node 26: the whole conformance suite through `cli.mjs --backend
//! jspi`, and the session API tests of `runtime/tests/sessions.test.mjs`.
//!
//! Needs the web distribution and Node 26 (see [`stackswitch_tests::js`]); a missing
//! one fails the test with instructions rather than skipping it.

use stackswitch_tests::js::{assert_cli_suite_passes, assert_session_tests_pass, node26, web_dist};

#[test]
fn jspi_backend_matches_cpython_on_node26() {
    assert_cli_suite_passes(&node26(), &web_dist(), "jspi", "Node 26");
}

#[test]
fn jspi_sessions_suspend_independently() {
    assert_session_tests_pass(&node26(), &web_dist(), "jspi");
}
