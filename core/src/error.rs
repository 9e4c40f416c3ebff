//! The crate's one error type: how a run of Python code ended, if not normally.
//!
//! Python-level failures are not Rust panics: a program that does not parse, raises an
//! uncaught exception, or calls `sys.exit()` ends `Interpreter::run` with an [`Error`]
//! whose `traceback` is exactly what CPython would print on stderr.

use std::fmt;

/// How a run ended early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The source did not compile (`SyntaxError`, `IndentationError`); 1-based position.
    Syntax {
        /// The line of the error, from 1.
        line: usize,
        /// The column of the error, from 1.
        column: usize,
    },
    /// An exception reached the top level uncaught.
    Exception,
    /// `sys.exit()` or `raise SystemExit`: the process exit status CPython would use.
    Exit(i32),
    /// The run exceeded one of its [`RunLimits`](crate::RunLimits) and was ended; Python
    /// code could not catch it. `type_name` is `"TimeoutError"`; `message` says which limit.
    LimitExceeded,
}

/// A run that did not complete normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// How the run ended.
    pub kind: ErrorKind,
    /// The Python exception's class name (`"ZeroDivisionError"`, `"SystemExit"`).
    pub type_name: String,
    /// `str()` of the exception.
    pub message: String,
    /// Everything CPython prints on stderr for it (may be empty, e.g. for `sys.exit(0)`).
    pub traceback: String,
}

impl Error {
    /// The exit status `python3 file.py` would end with, as a shell shows it: for an
    /// uncaught `KeyboardInterrupt` CPython ends itself by SIGINT, shown as 130.
    pub fn exit_status(&self) -> i32 {
        match self.kind {
            ErrorKind::Exit(code) => code,
            _ if self.is_keyboard_interrupt() => 130,
            ErrorKind::Syntax { .. } | ErrorKind::Exception | ErrorKind::LimitExceeded => 1,
        }
    }
}

impl Error {
    /// The run ended with an uncaught `KeyboardInterrupt` (a runner that wants to be
    /// exact then ends its process by SIGINT, as CPython does).
    pub fn is_keyboard_interrupt(&self) -> bool {
        self.kind == ErrorKind::Exception && self.type_name == "KeyboardInterrupt"
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl std::error::Error for Error {}
