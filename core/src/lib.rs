//! stackswitch-core: a Python 3 subset interpreter whose blocking builtins all go
//! through one suspension point, [`Host::suspend`].
//!
//! The interpreter is shaped like CPython: source is parsed (by the ruff-derived parser),
//! compiled to bytecode, and run by a single native `eval_frame` over heap-allocated
//! frames. A Python call recurses into `eval_frame`, so Python call depth lives on the
//! native (wasm) stack — which is exactly what the stackswitch backends must suspend —
//! while a generator keeps its frame on the heap and is simply resumed.
//!
//! ```
//! use stackswitch_core::{Config, Host, Interpreter, Reply, HostError, Stream, SuspendRequest};
//!
//! struct Collect(String);
//! impl Host for Collect {
//!     fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
//!         match request {
//!             SuspendRequest::Input { .. } => Ok(Reply::Text("Ada".into())),
//!             _ => Ok(Reply::Done),
//!         }
//!     }
//!     fn write(&mut self, _: Stream, text: &str) { self.0.push_str(text) }
//! }
//!
//! let mut host = Collect(String::new());
//! let mut interp = Interpreter::new(Config::default());
//! interp.run("name = input('? ')\nprint(f'Hello, {name}!')", &mut host).unwrap();
//! assert_eq!(host.0, "Hello, Ada!\n");
//! ```

#![deny(missing_docs)]

mod builtins;
mod compiler;
mod embed;
mod error;
mod fs;
mod host;
mod interpreter;
mod memory;
mod modules;
mod objects;
mod source;
mod syntax;
mod text;
mod vm;

pub use embed::{Callee, Exception, NativeCall, NativeModule, Object};
pub use error::{Error, ErrorKind};
pub use fs::{
    create_file, file_request, list_files, serve_file_request, DelegatedFileSystem, FileKind,
    FileSystem, FsError, FsErrorKind, MemoryFileSystem,
};
pub use host::{
    response_too_large, Clock, FetchRequest, FetchResponse, Host, HostError, HostErrorKind,
    HostValue, Poll, Reply, Stream, SuspendRequest, DEFAULT_MAX_RESPONSE_BYTES,
};
pub use interpreter::{Config, Interpreter, RunLimits, DEFAULT_STACK_BUDGET};
pub use memory::{CountingAllocator, DEFAULT_MEMORY_LIMIT};
/// Python's `int` beyond `i64`, as [`Object`] converts it (num-bigint's type, re-exported
/// so that an embedder uses the same version).
pub use num_bigint::BigInt;
pub use source::decode_source;
pub use syntax::input_is_incomplete;
