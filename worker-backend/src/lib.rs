//! stackswitch-worker: the interpreter's suspension point on a thread that may block.
//!
//! ```text
//!   main thread (never blocks)                      worker thread (this crate's module)
//!   ──────────────────────────                      ───────────────────────────────────
//!   js/stackswitch_worker.js                        js/worker_thread.js
//!     Session.run(code) ── message "run" ─────────►  stackswitch_session_run ─ ... ─ input()
//!                                                      RawImportHost::suspend(request)
//!     bridge.request(kind, payload) ◄── "request" ──   import stackswitch.suspend BLOCKS:
//!       (the same host handlers as                       Atomics.wait on the SharedArrayBuffer,
//!        every other backend)                            or a synchronous XHR that a service
//!     reply bytes ──── js/channel.js ─────────────►      worker answers
//!                                                      returns the reply length; reply() copies
//! ```
//!
//! The Rust half is stackswitch-raw-abi unchanged: the same imports, exports and wire
//! format as the Asyncify backend, built *without* the Asyncify pass (a plain module that
//! runs on every engine with WebAssembly, Node 20 included: no JSPI, no exnref). What
//! makes `Host::suspend` block is only the JS the worker gives the module as its
//! `stackswitch.suspend` import: the channel protocol, with its layout diagram, is at
//! the top of `js/channel.js`.
//!
//! Invariant: this crate adds no code to the module, so the worker's module and the
//! Asyncify backend's "plain" baseline are built from the same Rust; any behaviour
//! difference between the two backends lies in their JS halves.

pub use stackswitch_raw_abi::{set_session_setup, SHADOW_STACK_SIZE, STACK_BUDGET};

#[cfg(test)]
mod tests {
    #[test]
    fn build_script_links_the_shadow_stack_the_budget_assumes() {
        let link_arg = format!("-zstack-size={}", super::SHADOW_STACK_SIZE);
        assert!(include_str!("../build.rs").contains(&link_arg));
    }
}
