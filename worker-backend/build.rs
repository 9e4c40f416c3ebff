//! Link the worker's wasm module with the shadow stack stackswitch-raw-abi sizes its
//! `STACK_BUDGET` for (8 MiB, as the other backends), so deep recursion is a Python
//! RecursionError rather than memory corruption.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        // = stackswitch_raw_abi::SHADOW_STACK_SIZE (tested in src/lib.rs).
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=8388608");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
