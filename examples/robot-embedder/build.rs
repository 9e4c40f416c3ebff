//! Link the wasm module with the shadow stack every stackswitch backend's session budget
//! assumes (`stackswitch::<backend>::SHADOW_STACK_SIZE`, 8 MiB; tests/backends.rs checks
//! that the two agree): rustc's default of 1 MiB would end Python recursion far below
//! CPython's limit. A dependency's build script cannot set this for the embedder's
//! cdylib, so every embedder's crate carries these lines.

const SHADOW_STACK_SIZE: u32 = 8 * 1024 * 1024;

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={SHADOW_STACK_SIZE}");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
