//! The native backend: build `stackswitch-native` (release) and run the program with it.
//!
//! Invariant: the program runs in the caller's working directory with the caller's
//! stdin, stdout and stderr, and its exit status is returned unchanged.

use std::process::Command;

use super::RunRequest;
use crate::workspace;

pub fn run(request: &RunRequest) -> Result<i32, String> {
    let mut build = workspace::cargo();
    build.args([
        "build",
        "--release",
        "-p",
        "stackswitch-native",
        "--bin",
        "stackswitch-native",
    ]);
    if !request.verbose {
        build.arg("--quiet");
    }
    workspace::run_ok(&mut build, request.verbose)?;
    let mut program = Command::new(workspace::binary("release", "stackswitch-native"));
    program.args(&request.python_args);
    workspace::exec(&mut program, request.verbose)
}
