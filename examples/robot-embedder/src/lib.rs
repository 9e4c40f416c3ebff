//! An embedder's crate: a `robot` module written in Rust, given to every session of
//! whichever stackswitch backend this crate is built as (`--features jspi`, `asyncify`
//! or `worker`, for wasm32-unknown-unknown; `build-web.sh` runs the steps after cargo).
//!
//! `robot.move(steps)` blocks: it waits through the host (`SuspendRequest::Sleep`, 1 ms
//! a step), so on Asyncify the stack unwinds through this crate's code and on JSPI it is
//! suspended, exactly as for `time.sleep()`. Invariant: the robot's state is per session
//! (each `add_robot` call makes a new one).

use std::cell::Cell;
use std::rc::Rc;

use stackswitch::{Exception, Interpreter, NativeModule, Object, SuspendRequest};

/// The `robot` module: `move(steps)` returns the position reached, `position()` reads it.
pub fn robot_module() -> NativeModule {
    let position = Rc::new(Cell::new(0i64));
    let moved = position.clone();
    NativeModule::new("robot")
        .function("move", move |call, args| {
            let steps = match args {
                [steps] => steps
                    .as_i64()
                    .ok_or_else(|| Exception::new("TypeError", "steps must be an int"))?,
                _ => return Err(Exception::new("TypeError", "move() takes one argument")),
            };
            if steps < 0 {
                return Err(Exception::new("ValueError", "steps must not be negative"));
            }
            for _ in 0..steps {
                call.suspend(SuspendRequest::Sleep { seconds: 0.001 })?;
                moved.set(moved.get() + 1);
            }
            Ok(Object::from(moved.get()))
        })
        .function("position", move |_call, _args| Ok(position.get().into()))
}

/// Every session's setup: the interpreter gets the `robot` module.
pub fn add_robot(interpreter: &mut Interpreter) {
    interpreter.add_module(robot_module());
}

stackswitch::session_setup!(add_robot);
