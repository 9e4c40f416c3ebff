//! stackswitch: a Python 3 subset interpreter to embed, with its blocking builtins on one
//! suspension point ([`Host::suspend`]) and one backend per Cargo feature.
//!
//! ```text
//!   stackswitch (this crate)
//!     ├─ the core API, re-exported at the root: Interpreter, Config, Host, Object,
//!     │  NativeModule, Exception ... (stackswitch-core)
//!     ├─ native    stackswitch::native    the blocking host and runner (stackswitch-native)
//!     ├─ jspi      stackswitch::jspi      the wasm-bindgen `Session`, suspends with JSPI
//!     ├─ asyncify  stackswitch::asyncify  the raw-ABI exports, unwound by Binaryen Asyncify
//!     └─ worker    stackswitch::worker    the raw-ABI exports, run on a worker that blocks
//! ```
//!
//! A wasm backend is its exports: a `cdylib` that depends on this crate with one of
//! `jspi`, `asyncify` or `worker` *is* that backend's module, with the embedder's own
//! Rust modules in it (see the root README, "Rust embedding", for the build steps
//! after `cargo build`). The three wasm features exclude one another: each module has one
//! global allocator and one set of exports.
//!
//! Invariant: this crate adds no behaviour of its own; everything it names is the core's
//! or a backend's, so the project's backends and an embedder's build are the same code.

#![deny(missing_docs)]

#[cfg(any(
    all(feature = "jspi", feature = "asyncify"),
    all(feature = "jspi", feature = "worker"),
    all(feature = "asyncify", feature = "worker"),
))]
compile_error!(
    "the stackswitch features jspi, asyncify and worker each make a whole wasm module: \
     enable one per cdylib (build one crate per backend)"
);

pub use stackswitch_core::*;

/// The native backend: [`native::NativeHost`] blocks on stdin, sleeps and does HTTP;
/// [`native::run_program`] runs a program as `python3` would.
#[cfg(feature = "native")]
pub mod native {
    pub use stackswitch_native::*;
}

/// The JSPI backend: the wasm-bindgen `Session` the JS runtime drives
/// (`runtime/stackswitch.js`, backend `"jspi"`).
#[cfg(feature = "jspi")]
pub mod jspi {
    pub use stackswitch_jspi::*;
}

/// The Asyncify backend: the raw-ABI exports (`stackswitch_session_new`, ...) that
/// `wasm-opt --asyncify` instruments; [`asyncify::SHADOW_STACK_SIZE`] is the
/// `-zstack-size` to link with.
#[cfg(feature = "asyncify")]
pub mod asyncify {
    pub use stackswitch_asyncify::*;
}

/// The worker backend: the raw-ABI exports, run on a worker thread whose `suspend`
/// import blocks; [`worker::SHADOW_STACK_SIZE`] is the `-zstack-size` to link with.
#[cfg(feature = "worker")]
pub mod worker {
    pub use stackswitch_worker::*;
}

#[cfg(feature = "asyncify")]
#[doc(hidden)]
pub use stackswitch_asyncify as __backend;
/// The wasm backend this build is, for [`session_setup!`].
#[cfg(feature = "jspi")]
#[doc(hidden)]
pub use stackswitch_jspi as __backend;
#[cfg(feature = "worker")]
#[doc(hidden)]
pub use stackswitch_worker as __backend;

/// Give every session of this wasm module the embedder's setup, a
/// `fn(&mut Interpreter)` that adds their Rust modules (or globals): one line in the
/// embedder's cdylib, the same for every backend.
///
/// ```
/// fn add_robot(interpreter: &mut stackswitch::Interpreter) {
///     interpreter.add_module(stackswitch::NativeModule::new("robot"));
/// }
/// stackswitch::session_setup!(add_robot);
/// ```
///
/// With a wasm feature (`jspi`, `asyncify`, `worker`) it defines the export
/// `stackswitch_init`, which the JS runtime calls once per instance before creating
/// sessions, and which registers `setup` with the backend (`set_session_setup`). Without
/// one (a native build, to test the same crate) it only checks `setup`'s type: a native
/// embedder creates its interpreters itself and calls `setup` on them.
#[macro_export]
macro_rules! session_setup {
    ($setup:path) => {
        const _: fn(&mut $crate::Interpreter) = $setup;
        $crate::__session_setup_export!($setup);
    };
}

#[cfg(any(feature = "jspi", feature = "asyncify", feature = "worker"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __session_setup_export {
    ($setup:path) => {
        /// Registers the embedder's session setup; the JS runtime calls it once per
        /// instance, before creating sessions.
        #[no_mangle]
        pub extern "C" fn stackswitch_init() {
            $crate::__backend::set_session_setup($setup);
        }
    };
}

#[cfg(not(any(feature = "jspi", feature = "asyncify", feature = "worker")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __session_setup_export {
    ($setup:path) => {};
}
