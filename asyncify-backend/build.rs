//! Link the wasm artifact with an 8 MiB shadow stack, as the JSPI backend does: Python's
//! default recursion limit (1000 calls, about 2.2 KiB of shadow stack each in a release
//! build) fits, and the session's `Config::stack_budget` (stackswitch-raw-abi's `STACK_BUDGET`) stays below it, so
//! deep recursion is a RecursionError rather than memory corruption.

/// Shadow stack size of the wasm module, in bytes (must match stackswitch-raw-abi's `SHADOW_STACK_SIZE`).
const SHADOW_STACK_SIZE: u32 = 8 * 1024 * 1024;

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={SHADOW_STACK_SIZE}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
