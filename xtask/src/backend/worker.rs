//! The worker backend: the same Node-hosted path as `jspi` (build the web distribution,
//! run `cli.mjs`), with the runtime told to run the plain module on a worker thread that
//! blocks on the shared-memory channel. Runs on any Node from 20 up (`--node
//! /usr/bin/node` for Node 20, which has no JSPI).
//!
//! Invariant: as every backend, stdin/stdout/stderr are the caller's and the exit status
//! is the program's.

use super::RunRequest;

pub fn run(request: &RunRequest) -> Result<i32, String> {
    super::jspi::run_js("worker", request)
}
