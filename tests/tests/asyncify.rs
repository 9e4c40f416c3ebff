//! The Asyncify backend in Node 20 (`/usr/bin/node`, no JSPI, no exnref) and Node 26:
//! the whole conformance suite through `cli.mjs --backend asyncify`, and the session API
//! tests of `runtime/tests/sessions.test.mjs`; and both again on the `asyncify-asserts`
//! build, which checks the remove-list.
//!
//! Needs the web distribution (with `asyncify/`) and the Node binaries (see
//! [`stackswitch_tests::js`]); a missing one fails the test with instructions rather
//! than skipping it.

use std::path::Path;

use stackswitch_tests::js::{
    assert_cli_suite_passes, assert_session_tests_pass, node20, node26, web_dist,
};

fn suite_on(node: &Path, dist: &Path, engine: &str) {
    assert_cli_suite_passes(node, dist, "asyncify", engine);
}

#[test]
fn asyncify_backend_matches_cpython_on_node20() {
    suite_on(&node20(), &web_dist(), "Node 20");
}

#[test]
fn asyncify_backend_matches_cpython_on_node26() {
    suite_on(&node26(), &web_dist(), "Node 26");
}

#[test]
fn asyncify_sessions_suspend_independently_on_node20() {
    assert_session_tests_pass(&node20(), &web_dist(), "asyncify");
}

#[test]
fn asyncify_sessions_suspend_independently_on_node26() {
    assert_session_tests_pass(&node26(), &web_dist(), "asyncify");
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
        assert_session_tests_pass(&node, &copy, "asyncify");
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
