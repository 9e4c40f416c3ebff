//! The JS-hosted backends (`jspi`, and `auto` as the JS runtime detects it): build the
//! web distribution, then run the program with `cli.mjs` in Node.
//!
//! Invariant: stdin, stdout and stderr are the caller's, and the exit status is the
//! program's; the Node used is `--node PATH` if given, else the pinned Node 26.

use std::process::Command;

use super::RunRequest;
use crate::{setup, web, workspace};

/// Run with the JS runtime choosing `backend` ("jspi" or "auto").
pub fn run_js(backend: &str, request: &RunRequest) -> Result<i32, String> {
    let dist = web::build(request.verbose)?;
    let node = match &request.node {
        Some(node) => node.clone(),
        None => {
            setup::ensure("Node 26", request.verbose)?;
            setup::node26_path()
        }
    };
    let mut program = Command::new(node);
    program
        .arg(dist.join("cli.mjs"))
        .args(["--backend", backend]);
    if request.verbose {
        program.arg("--verbose");
    }
    program.args(&request.python_args);
    workspace::exec(&mut program, request.verbose)
}

pub fn run(request: &RunRequest) -> Result<i32, String> {
    run_js("jspi", request)
}

pub fn run_auto(request: &RunRequest) -> Result<i32, String> {
    run_js("auto", request)
}
