//! Link the wasm artifact with a larger shadow stack than rustc's default 1 MiB, so that
//! Python's default recursion limit (1000 calls, about 1.6 KiB of shadow stack each in a
//! release build) fits with room to spare; the session's `Config::stack_budget` stays
//! below it, so deep recursion is a RecursionError rather than memory corruption.

/// Shadow stack size of the wasm module, in bytes (must match `SHADOW_STACK_SIZE` in lib.rs).
const SHADOW_STACK_SIZE: u32 = 8 * 1024 * 1024;

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={SHADOW_STACK_SIZE}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
