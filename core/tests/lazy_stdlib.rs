//! The standard library without the `frozen-stdlib` feature (as the web builds compile
//! core): the Python-written modules are not in the interpreter, so the first import of
//! each asks the host for its source through `SuspendRequest::ModuleSource`.
//!
//! Invariant checked: one request per module per interpreter (`sys.modules` caches it),
//! a module's own imports are requested too, and a host that cannot give the source
//! makes the import raise `ImportError` (catchable, the session goes on) while an
//! interrupt during the wait raises `KeyboardInterrupt`.
//!
//! Run by `cargo xtask test` as `cargo test -p stackswitch-core --no-default-features
//! --test lazy_stdlib`; with the feature on (the workspace build) this file is empty.
#![cfg(not(feature = "frozen-stdlib"))]

use stackswitch_core::{
    Config, Host, HostError, HostErrorKind, Interpreter, Reply, Stream, SuspendRequest,
};

/// Answers `ModuleSource` from core's own `py/` folder, or fails, as told.
#[derive(Default)]
struct SourceHost {
    requested: Vec<String>,
    stdout: String,
    stderr: String,
    refuse: Option<HostErrorKind>,
}

impl Host for SourceHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        match request {
            SuspendRequest::ModuleSource { name } => {
                self.requested.push(name.clone());
                if let Some(kind) = self.refuse {
                    return Err(HostError::new(kind, "no network"));
                }
                let path = format!("{}/src/modules/py/{name}.py", env!("CARGO_MANIFEST_DIR"));
                let source = std::fs::read_to_string(&path).expect("a standard module's file");
                Ok(Reply::Text(source))
            }
            SuspendRequest::Yield => Ok(Reply::Done),
            other => panic!("unexpected request {other:?}"),
        }
    }

    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => self.stdout.push_str(text),
            Stream::Stderr => self.stderr.push_str(text),
        }
    }
}

#[test]
fn each_standard_module_is_requested_once_on_first_import() {
    let mut host = SourceHost::default();
    let mut interp = Interpreter::new(Config::default());
    let program = "import bisect\nimport bisect\nfrom collections import Counter\n\
                   import collections\nprint(bisect.bisect([1, 3], 2), Counter('aab')['a'])\n";
    interp.run(program, &mut host).unwrap();
    assert_eq!(host.stdout, "1 2\n");
    assert_eq!(host.requested.iter().filter(|n| *n == "bisect").count(), 1);
    assert_eq!(
        host.requested
            .iter()
            .filter(|n| *n == "collections")
            .count(),
        1
    );
    // A module the interpreter did not request must not be loaded on a later import.
    interp.run("import bisect", &mut host).unwrap();
    assert_eq!(host.requested.iter().filter(|n| *n == "bisect").count(), 1);
}

#[test]
fn a_host_that_cannot_give_the_source_raises_import_error() {
    let mut host = SourceHost {
        refuse: Some(HostErrorKind::Failed),
        ..Default::default()
    };
    let mut interp = Interpreter::new(Config::default());
    let program = "try:\n    import heapq\nexcept ImportError as e:\n    print(type(e).__name__, e.name, e)\nprint('still running')\n";
    interp.run(program, &mut host).unwrap();
    assert_eq!(
        host.stdout,
        "ImportError heapq cannot load the standard module 'heapq': no network\nstill running\n"
    );
    // Not cached as loaded: a later import asks again.
    let _ = interp.run("import heapq", &mut host);
    assert_eq!(host.requested, ["heapq", "heapq"]);
}

#[test]
fn an_interrupt_while_waiting_for_a_module_is_keyboard_interrupt() {
    let mut host = SourceHost {
        refuse: Some(HostErrorKind::Interrupted),
        ..Default::default()
    };
    let mut interp = Interpreter::new(Config::default());
    let error = interp.run("import string", &mut host).unwrap_err();
    assert!(error.is_keyboard_interrupt(), "{error:?}");
    // The session goes on, and the module is asked for again.
    host.refuse = None;
    interp
        .run("import string\nprint(string.digits)", &mut host)
        .unwrap();
    assert_eq!(host.stdout, "0123456789\n");
    assert_eq!(host.requested, ["string", "string"]);
}
