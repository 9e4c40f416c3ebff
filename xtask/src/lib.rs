//! The parts of `cargo xtask` shared by its binaries: the fuzz input generator, used by
//! both the `xtask fuzz` launcher and the in-process `fuzz-runner`.
//!
//! Invariant: nothing here links the interpreter, so `cargo xtask` builds and runs even
//! while `stackswitch-core` does not compile.

pub mod fuzz;
