//! The JSPI backend in Node 26: the whole conformance suite through `cli.mjs --backend
//! jspi`, and the session API tests of `runtime/tests/sessions.test.mjs`.
//!
//! Needs the web distribution and Node 26 (see [`stackswitch_tests::js`]); a missing
//! one fails the test with instructions rather than skipping it.

use stackswitch_tests::assert_suite_passes;
use stackswitch_tests::js::{assert_session_tests_pass, cli_runner, node26, web_dist};
use stackswitch_tests::server::TestServer;

#[test]
fn jspi_backend_matches_cpython_on_node26() {
    let server = TestServer::start().expect("the test server should start");
    let runner = cli_runner(&node26(), &web_dist(), "jspi");
    assert_suite_passes(runner, &server, "the JSPI backend on Node 26");
}

#[test]
fn jspi_sessions_suspend_independently() {
    assert_session_tests_pass(&node26(), &web_dist(), "jspi");
}
