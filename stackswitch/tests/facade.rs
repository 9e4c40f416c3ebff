//! The facade crate gives the core API at its root and, per feature, the backend's host:
//! a Rust module added through `stackswitch::NativeModule` runs under the native host
//! (`--features native`) exactly as under a hand-written one.
//!
//! `cargo test -p stackswitch` checks the root re-exports; `cargo test -p stackswitch
//! --features native` also runs a program on `stackswitch::native::NativeHost`.

use stackswitch::{Config, Exception, Interpreter, NativeModule, Object};

/// `turtle.forward(n)`: returns the distance walked so far; rejects negative steps.
fn turtle() -> NativeModule {
    let walked = std::rc::Rc::new(std::cell::Cell::new(0i64));
    NativeModule::new("turtle").function("forward", move |_call, args| {
        match args.first().and_then(Object::as_i64) {
            Some(n) if n >= 0 => {
                walked.set(walked.get() + n);
                Ok(walked.get().into())
            }
            _ => Err(Exception::new("ValueError", "forward() needs steps >= 0")),
        }
    })
}

const PROGRAM: &str = "import turtle\nturtle.forward(2)\nprint(turtle.forward(int(input())))\n\
try:\n    turtle.forward(-1)\nexcept ValueError as e:\n    print(e)\n";

#[test]
fn core_api_is_reexported_at_the_root() {
    struct Answer(String);
    impl stackswitch::Host for Answer {
        fn suspend(
            &mut self,
            _: stackswitch::SuspendRequest,
        ) -> Result<stackswitch::Reply, stackswitch::HostError> {
            Ok(stackswitch::Reply::Text("5".into()))
        }
        fn write(&mut self, _: stackswitch::Stream, text: &str) {
            self.0.push_str(text);
        }
    }
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(turtle());
    let mut host = Answer(String::new());
    interpreter.run(PROGRAM, &mut host).unwrap();
    assert_eq!(host.0, "7\nforward() needs steps >= 0\n");
}

#[cfg(feature = "native")]
#[test]
fn native_feature_runs_embedder_modules_on_the_native_host() {
    use std::sync::{Arc, Mutex};

    /// Output shared with the test (the host owns its writer).
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let stdout = Shared::default();
    let mut host = stackswitch::native::NativeHost::new(
        Box::new(std::io::Cursor::new(b"5\n".to_vec())),
        Box::new(stdout.clone()),
        Box::new(std::io::sink()),
    );
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(turtle());
    interpreter.run(PROGRAM, &mut host).unwrap();
    host.flush();
    let printed = String::from_utf8(stdout.0.lock().unwrap().clone()).unwrap();
    assert_eq!(printed, "7\nforward() needs steps >= 0\n");
}
