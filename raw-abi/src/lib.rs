//! stackswitch-raw-abi: the wasm interface of the backends that do without wasm-bindgen
//! (`stackswitch-asyncify`, `stackswitch-worker`): seven plain imports, a handful of
//! `extern "C"` exports, and the byte format of what crosses them.
//!
//! ```text
//!   JS side                                         this crate (linked into each backend's cdylib)
//!   ───────                                         ──────────────────────────────────────────────
//!   js/raw_abi.js   encodeConfig ─────────────────► stackswitch_session_new ─ wire::decode_config
//!                   stackswitch_session_run ──────► Interpreter::run(.., &mut RawImportHost)
//!                                                     RawImportHost::suspend(request)
//!                   decodeRequest ◄── import stackswitch.suspend(kind, ptr, len) -> reply length
//!                   encodeAnswer/encodeError ───► import stackswitch.reply(ptr)   ─ wire::decode_reply
//!                   decodeResult  ◄─────────────── result bytes of stackswitch_session_run
//! ```
//!
//! How `suspend` waits is the backend's business, and only its JS half differs:
//! - asyncify: the import starts Binaryen's unwind and returns; the driver awaits the
//!   host's promise and rewinds into the same import, which then returns the length;
//! - worker: the import runs in a worker thread and simply blocks (Atomics.wait on a
//!   shared buffer, or a synchronous XHR) until the main thread has answered.
//!
//! Invariants:
//! 1. The Rust half ([`wire`]) and the JS half (`js/raw_abi.js`) of the byte format are
//!    the only two encoders/decoders of it; both backends use them, neither has its own.
//! 2. `suspend` is the only import that may take long or unwind; `reply`, `write`,
//!    `now`, `poll` and the host filesystem's `file`/`file_answer` return without
//!    suspending (Asyncify instruments only `suspend`'s callers).
//! 3. Decoding never trusts the other side: a malformed reply is a Python `OSError`, a
//!    malformed config a null session, never a trap.

mod wire;

#[cfg(target_family = "wasm")]
mod exports;

pub use wire::{decode_config, decode_reply, encode_request, RequestKind, SessionConfig};

/// Shadow stack each backend's module is linked with (its build.rs passes
/// `-zstack-size` with this value).
pub const SHADOW_STACK_SIZE: usize = 8 * 1024 * 1024;

/// The interpreter's native stack budget: three quarters of the shadow stack, as the
/// JSPI backend, so what runs outside `eval_frame`'s check has room. Python's default
/// recursion limit (1000 calls, about 2.2 KiB of shadow stack each in a release build)
/// fits; deeper recursion is a RecursionError rather than memory corruption.
pub const STACK_BUDGET: usize = SHADOW_STACK_SIZE / 4 * 3;

/// What every new session does to its interpreter before its first run (see
/// [`set_session_setup`]).
static SESSION_SETUP: std::sync::OnceLock<fn(&mut stackswitch_core::Interpreter)> =
    std::sync::OnceLock::new();

/// Have every session this module creates from now on call `setup` on its new
/// interpreter, e.g. to add the embedder's Rust modules
/// ([`Interpreter::add_module`](stackswitch_core::Interpreter::add_module)). The first
/// call wins. An embedder calls it from the export `stackswitch_init`, which the JS side
/// calls, if the module has it, once per instance before creating sessions (the facade
/// crate's `stackswitch::session_setup!` defines that export).
pub fn set_session_setup(setup: fn(&mut stackswitch_core::Interpreter)) {
    let _ = SESSION_SETUP.set(setup);
}

/// Run the registered session setup, if any, on a new session's interpreter.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
fn setup_session(interpreter: &mut stackswitch_core::Interpreter) {
    if let Some(setup) = SESSION_SETUP.get() {
        setup(interpreter);
    }
}
