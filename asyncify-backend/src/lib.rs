//! stackswitch-asyncify: the interpreter's suspension point on Binaryen's Asyncify.
//!
//! What is verified, what is left, and the measurements: `asyncify-backend/README.md`.
//!
//! ```text
//!   JS driver (js/stackswitch_asyncify.js)          wasm (this crate, after `wasm-opt --asyncify`)
//!   ─────────────────────────────────────           ──────────────────────────────────────────────
//!   stackswitch_session_run(s, src) ──────────────► Interpreter::run ─ eval_frame ─ ... ─ input()
//!                                                     └─ RawImportHost::suspend(request)
//!                                                          └─ import stackswitch.suspend(kind, ptr, len)
//!   suspend: start the handler's promise,  ◄─────────────────┘
//!            asyncify_start_unwind(data)  ───────► every instrumented frame saves its locals
//!   run returns; state == Unwinding                 into the session's AsyncifyBuffer, returns
//!   asyncify_stop_unwind(); await promise
//!   asyncify_start_rewind(data)
//!   stackswitch_session_run(s, src) again ───────► frames restore their locals and skip ahead
//!   suspend (state == Rewinding):          ◄──────── to the call that unwound: the import again
//!     asyncify_stop_rewind(); return reply length ─► stackswitch.reply(ptr) copies the reply in
//!                                                    decode_reply → Python value or exception
//! ```
//!
//! Decisions (measured figures in README.md):
//!
//! - **No wasm-bindgen for this backend** (option (b) of issue #4). The module's API is
//!   plain `extern "C"` exports and imports over linear memory, with a hand-written JS
//!   driver. wasm-bindgen's output passes `externref`s through shims that Asyncify
//!   refuses to instrument ("Asyncify does not yet support non-number types"); without
//!   wasm-bindgen there is no externref in the module at all, so Asyncify may
//!   instrument any function it must and the build needs neither
//!   `asyncify-ignore-indirect` nor stripped target features. The cost is the request
//!   and reply byte format of `stackswitch-raw-abi` (shared with the worker backend, whose
//!   module has the same imports and exports), which is small and tested on both sides.
//! - **Indirect calls are NOT ignored.** On this interpreter a suspension is always
//!   reached through indirect calls: builtins (`input`, `time.sleep`, `urlopen`,
//!   `host.call`) are `NativeFn` pointers called by the eval loop, Python code runs
//!   under `sorted(key=...)`, `map`, `__str__` etc. through the same pointers, and the
//!   core calls `Host::suspend` through `&mut dyn Host`. Monomorphising the interpreter
//!   over the host type would remove only that last vtable call, not the `NativeFn`
//!   ones, so `asyncify-ignore-indirect` would be unsound here. The only import that
//!   may unwind is `stackswitch.suspend` (`asyncify-imports`); output, clocks and the
//!   interrupt poll never suspend. Functions whose indirect calls provably never reach
//!   a suspension (formatting, thread-local access, Rust hashing, the parser) are
//!   excluded by `asyncify.removelist`, each entry justified in `asyncify.removelist.md`:
//!   347 of 2159 functions stay instrumented instead of 1777.
//! - **One wasm instance per session.** Sessions share the compiled
//!   `WebAssembly.Module` but nothing else: each instance has its own linear memory,
//!   so its own Rust shadow stack, heap, `__asyncify_state` and Asyncify buffer (which
//!   the driver allocates with `stackswitch_alloc`; layout in the driver's header).
//!   Several sessions may then be suspended at once and resumed in any order (no LIFO
//!   scheduler, no shadow-stack copying), and a trap in one session (an Asyncify buffer
//!   overflow, see below) cannot corrupt another.
//!
//! Invariants:
//! 1. The only import that can unwind is `stackswitch.suspend`, and it is called only
//!    from `RawImportHost::suspend` (stackswitch-raw-abi); the driver rewinds by calling
//!    `stackswitch_session_run` again with the same arguments.
//! 2. Between an unwind and the matching rewind nothing in the instance runs except the
//!    driver's own reads of linear memory (one session per instance), so the unwound
//!    frames' shadow-stack memory and heap objects stay as they were.
//! 3. The Asyncify buffer is sized for the deepest stack the session's
//!    `stack_budget` allows; if unwinding ever overflows it anyway, Binaryen's
//!    `asyncify_stop_unwind` traps, and the driver discards the whole instance and
//!    reports a clear error: the overflow can only have written into the memory of that
//!    discarded instance.
//! 4. Every failure of the JS side (rejection, throw, reply of the wrong shape) becomes
//!    a `HostError` and so a Python exception, never a trap (the wire format decodes
//!    defensively).

// The module's imports, exports and wire format are all stackswitch-raw-abi's; this crate
// only links them into a cdylib (see build.rs) that the build step runs through Asyncify.
pub use stackswitch_raw_abi::{set_session_setup, SHADOW_STACK_SIZE, STACK_BUDGET};
