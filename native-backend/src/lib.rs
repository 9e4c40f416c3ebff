//! stackswitch-native: the reference backend, which runs the interpreter on a native
//! thread and blocks for real whenever Python code waits.
//!
//! - [`NativeHost`]: the [`stackswitch_core::Host`] that reads stdin, sleeps, does HTTP
//!   requests and calls registered host functions, blocking the calling thread;
//! - [`run_program`] / [`run_with_host`]: run one program the way `python3 FILE.py` would,
//!   returning its exit status (and [`Exit::keyboard_interrupt`], for a runner that ends
//!   by SIGINT as CPython does);
//! - [`run_interactive`]: the interactive loop (`repl.rs`), after an optional program;
//! - [`run_captured`]: the same with in-memory stdin, stdout and stderr, for tests;
//! - [`RealFileSystem`]: the program's files are the machine's (every run above uses it).
//!
//! Invariant: a run never takes the process down. The interpreter runs on its own thread
//! with an [`INTERPRETER_STACK_BYTES`] stack, told to stay [`STACK_BUDGET_BYTES`] deep at
//! most (so deep Python recursion becomes `RecursionError`, not a stack overflow), and a
//! panic inside it is reported on the program's stderr and turned into
//! [`INTERNAL_ERROR_STATUS`].

mod fetch;
mod files;
mod host;
mod repl;

use std::any::Any;
use std::io::{self, Cursor, Write};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use stackswitch_core::{Config, Error, Interpreter};

pub use files::RealFileSystem;
pub use host::{HostFunction, NativeHost};

/// Size of the interpreter thread's stack. Only touched pages are committed, so a large
/// reservation costs nothing until deep recursion actually uses it.
pub const INTERPRETER_STACK_BYTES: usize = 256 << 20;

/// [`Config::stack_budget`] for runs on that thread: a wide margin below the stack's size
/// covers the frames above `Interpreter::run` and whatever one step between the
/// interpreter's own depth checks may use.
pub const STACK_BUDGET_BYTES: usize = INTERPRETER_STACK_BYTES - (32 << 20);

/// Exit status of a run that ended in an internal error (a panic): `EX_SOFTWARE`.
pub const INTERNAL_ERROR_STATUS: i32 = 70;

/// Run `source` as `python3 FILENAME ARGV[1:]...` would: `filename` is what tracebacks
/// show, `argv` is `sys.argv`, `input()` reads `stdin`, output goes to `stdout` (block
/// buffered, flushed before prompts and at exit) and `stderr` (unbuffered).
///
/// Returns the exit status: 0, 1 for an uncaught exception or a syntax error, the
/// `SystemExit` code, or [`INTERNAL_ERROR_STATUS`] if the interpreter panicked.
pub fn run_program(
    filename: &str,
    source: &str,
    argv: Vec<String>,
    stdin: Box<dyn io::BufRead + Send>,
    stdout: Box<dyn io::Write + Send>,
    stderr: Box<dyn io::Write + Send>,
) -> i32 {
    run_with_host(
        filename,
        source,
        argv,
        NativeHost::new(stdin, stdout, stderr),
    )
    .status
}

/// How a run ended, as a process would.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exit {
    /// The exit status (130 for an uncaught `KeyboardInterrupt`, as a shell shows
    /// CPython's death by SIGINT).
    pub status: i32,
    /// The program ended with an uncaught `KeyboardInterrupt`: CPython then ends its
    /// process by SIGINT, and a runner that wants to be exact does the same.
    pub keyboard_interrupt: bool,
}

/// Environment variable: the interpreter's memory limit in bytes (see
/// [`Config::memory_limit`]); unset or unparsable means the default.
pub const MEMORY_LIMIT_VAR: &str = "STACKSWITCH_MEMORY_LIMIT";

/// Environment variable: the largest `urlopen` response body in bytes (see
/// [`NativeHost::max_response_bytes`]); unset or unparsable means
/// [`stackswitch_core::DEFAULT_MAX_RESPONSE_BYTES`].
pub const MAX_RESPONSE_BYTES_VAR: &str = "STACKSWITCH_MAX_RESPONSE_BYTES";

/// Environment variable: the only origins `urlopen` may reach, comma-separated
/// (`http://127.0.0.1:8000,http://localhost:9000`; see [`NativeHost::allowed_origins`]);
/// unset means any.
pub const ALLOWED_ORIGINS_VAR: &str = "STACKSWITCH_ALLOWED_ORIGINS";

/// [`ALLOWED_ORIGINS_VAR`] as a list, `None` when unset.
pub fn allowed_origins_from_env() -> Option<Vec<String>> {
    let value = std::env::var(ALLOWED_ORIGINS_VAR).ok()?;
    Some(
        value
            .split(',')
            .map(str::trim)
            .filter(|origin| !origin.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// A byte count from the environment variable `name`, else `default`.
fn bytes_from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn memory_limit_from_env() -> usize {
    bytes_from_env(MEMORY_LIMIT_VAR, stackswitch_core::DEFAULT_MEMORY_LIMIT)
}

/// [`MAX_RESPONSE_BYTES_VAR`], for a runner's [`NativeHost::max_response_bytes`].
pub fn max_response_bytes_from_env() -> usize {
    bytes_from_env(
        MAX_RESPONSE_BYTES_VAR,
        stackswitch_core::DEFAULT_MAX_RESPONSE_BYTES,
    )
}

/// [`run_program`] with a host the caller has configured (registered functions, line
/// buffering, a kept [`NativeHost::interrupt_flag`]).
pub fn run_with_host(filename: &str, source: &str, argv: Vec<String>, host: NativeHost) -> Exit {
    let config = Config {
        filename: filename.to_owned(),
        argv,
        stack_budget: STACK_BUDGET_BYTES,
        memory_limit: memory_limit_from_env(),
        environ: std::env::vars().collect(),
        ..Config::default()
    };
    let source = source.to_owned();
    run_on_interpreter_thread(host, move |host| {
        let mut interpreter = Interpreter::new(config);
        interpreter.set_filesystem(Box::new(RealFileSystem));
        interpreter.run(&source, host)
    })
}

/// The interactive loop, as `python3` (with `-i`, after `program`: its file name for
/// tracebacks and its source) runs it; `argv` is `sys.argv`. Ends at end of input
/// (status 0) or with the `SystemExit` status.
pub fn run_interactive(program: Option<(&str, &str)>, argv: Vec<String>, host: NativeHost) -> Exit {
    let config = Config {
        filename: program.map_or("<stdin>", |(name, _)| name).to_owned(),
        argv,
        stack_budget: STACK_BUDGET_BYTES,
        memory_limit: memory_limit_from_env(),
        environ: std::env::vars().collect(),
        ..Config::default()
    };
    let source = program.map(|(_, source)| source.to_owned());
    let exit = std::sync::Arc::new(std::sync::Mutex::new(None));
    let seen = exit.clone();
    let ended = run_on_interpreter_thread(host, move |host| {
        let mut interpreter = Interpreter::new(config);
        interpreter.set_filesystem(Box::new(RealFileSystem));
        let outcome = repl::run_loop(&mut interpreter, source.as_deref(), host);
        *seen.lock().unwrap_or_else(PoisonError::into_inner) = Some(outcome);
        Ok(())
    });
    let outcome = *exit.lock().unwrap_or_else(PoisonError::into_inner);
    outcome.unwrap_or(ended)
}

/// Run `body` on a fresh thread with the interpreter's stack, then report its outcome
/// through `host` and turn it into an exit status.
fn run_on_interpreter_thread<F>(host: NativeHost, body: F) -> Exit
where
    F: FnOnce(&mut NativeHost) -> Result<(), Error> + Send + 'static,
{
    let spawned = thread::Builder::new()
        .name("stackswitch-interpreter".to_owned())
        .stack_size(INTERPRETER_STACK_BYTES)
        .spawn(move || run_guarded(host, body));
    match spawned {
        // The thread catches its own panics; a failed join means a panic escaped even
        // that (e.g. while reporting one), and there is no host left to report it with.
        Ok(handle) => handle.join().unwrap_or_else(|payload| {
            eprintln!("stackswitch: internal error: {}", panic_message(&*payload));
            internal_error()
        }),
        Err(error) => {
            eprintln!("stackswitch: internal error: cannot start the interpreter thread: {error}");
            internal_error()
        }
    }
}

fn internal_error() -> Exit {
    Exit {
        status: INTERNAL_ERROR_STATUS,
        keyboard_interrupt: false,
    }
}

/// Run `body` on this thread, catching a panic, and report how it ended.
fn run_guarded<F>(mut host: NativeHost, body: F) -> Exit
where
    F: FnOnce(&mut NativeHost) -> Result<(), Error>,
{
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| body(&mut host)));
    let exit = match outcome {
        Ok(Ok(())) => Exit {
            status: 0,
            keyboard_interrupt: false,
        },
        Ok(Err(error)) => {
            let mut traceback = error.traceback.clone();
            if !traceback.is_empty() && !traceback.ends_with('\n') {
                traceback.push('\n');
            }
            host.write_stderr(&traceback);
            Exit {
                status: error.exit_status(),
                keyboard_interrupt: error.is_keyboard_interrupt(),
            }
        }
        Err(payload) => {
            host.write_stderr(&format!(
                "stackswitch: internal error: {}\n",
                panic_message(&*payload)
            ));
            internal_error()
        }
    };
    // As CPython does at exit: stdout is flushed after the traceback was written.
    host.flush();
    exit
}

/// The text of a panic payload (`panic!` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with a non-text payload".to_owned()
    }
}

/// What a program printed, and how it ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Captured {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// [`run_program`] with `stdin` given as text and the output collected in memory
/// (bytes that are not UTF-8 are replaced, as they cannot come from Python `str`s anyway).
pub fn run_captured(filename: &str, source: &str, argv: Vec<String>, stdin: &str) -> Captured {
    let stdout = SharedBuffer::default();
    let stderr = SharedBuffer::default();
    let status = run_program(
        filename,
        source,
        argv,
        Box::new(Cursor::new(stdin.as_bytes().to_vec())),
        Box::new(stdout.clone()),
        Box::new(stderr.clone()),
    );
    Captured {
        stdout: stdout.text(),
        stderr: stderr.text(),
        status,
    }
}

/// A writer whose bytes stay readable through its clones after the host is gone.
#[derive(Clone, Default)]
struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl SharedBuffer {
    fn text(&self) -> String {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for SharedBuffer {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackswitch_core::{ErrorKind, Host, Stream};

    #[test]
    fn panic_messages_are_recovered() {
        let text = panic::catch_unwind(|| panic!("plain")).unwrap_err();
        assert_eq!(panic_message(&*text), "plain");
        let formatted = panic::catch_unwind(|| panic!("{} {}", "formatted", 1)).unwrap_err();
        assert_eq!(panic_message(&*formatted), "formatted 1");
        let other = panic::catch_unwind(|| panic::panic_any(7_u8)).unwrap_err();
        assert_eq!(panic_message(&*other), "a panic with a non-text payload");
    }

    fn quiet_host(stdout: &SharedBuffer, stderr: &SharedBuffer) -> NativeHost {
        NativeHost::new(
            Box::new(Cursor::new(Vec::new())),
            Box::new(stdout.clone()),
            Box::new(stderr.clone()),
        )
    }

    fn exit_error(kind: ErrorKind, traceback: &str) -> Error {
        Error {
            kind,
            type_name: "SystemExit".into(),
            message: String::new(),
            traceback: traceback.into(),
        }
    }

    #[test]
    fn a_panic_on_the_interpreter_thread_is_an_internal_error() {
        let (stdout, stderr) = (SharedBuffer::default(), SharedBuffer::default());
        let status = run_on_interpreter_thread(quiet_host(&stdout, &stderr), |host| {
            host.write(Stream::Stdout, "partial output\n");
            panic!("the interpreter exploded");
        });
        assert_eq!(status.status, INTERNAL_ERROR_STATUS);
        assert_eq!(
            stderr.text(),
            "stackswitch: internal error: the interpreter exploded\n"
        );
        assert_eq!(stdout.text(), "partial output\n", "stdout is still flushed");
    }

    #[test]
    fn errors_print_their_traceback_and_give_the_exit_status() {
        let (stdout, stderr) = (SharedBuffer::default(), SharedBuffer::default());
        let status = run_on_interpreter_thread(quiet_host(&stdout, &stderr), |host| {
            host.write(Stream::Stdout, "before\n");
            Err(exit_error(ErrorKind::Exit(3), "bye"))
        });
        assert_eq!(status.status, 3);
        assert_eq!(stderr.text(), "bye\n");
        assert_eq!(stdout.text(), "before\n");

        let (stdout, stderr) = (SharedBuffer::default(), SharedBuffer::default());
        let traceback = "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nZeroDivisionError: division by zero\n";
        let status = run_on_interpreter_thread(quiet_host(&stdout, &stderr), move |_| {
            Err(exit_error(ErrorKind::Exception, traceback))
        });
        assert_eq!((status.status, stderr.text()), (1, traceback.to_owned()));

        let (stdout, stderr) = (SharedBuffer::default(), SharedBuffer::default());
        let status = run_on_interpreter_thread(quiet_host(&stdout, &stderr), |_| {
            Err(exit_error(ErrorKind::Exit(0), ""))
        });
        assert_eq!((status.status, stderr.text()), (0, String::new()));
    }

    #[test]
    fn the_interpreter_thread_has_a_deep_stack() {
        fn depth(n: usize) -> usize {
            let pad = std::hint::black_box([0u8; 1024]);
            if n == 0 {
                pad[0] as usize
            } else {
                depth(n - 1) + 1 + pad[n % 1024] as usize
            }
        }
        let (stdout, stderr) = (SharedBuffer::default(), SharedBuffer::default());
        let status = run_on_interpreter_thread(quiet_host(&stdout, &stderr), |host| {
            // About 100 MiB of frames: far past a default thread stack.
            let reached = depth(100_000);
            host.write(Stream::Stdout, &reached.to_string());
            Ok(())
        });
        assert_eq!((status.status, stdout.text()), (0, "100000".to_owned()));
    }

    #[test]
    fn runs_report_a_status_and_flush_stdout() {
        let captured = run_captured("empty.py", "", vec!["empty.py".into()], "");
        assert_eq!(captured.status, 0);
        assert_eq!(captured.stderr, "");
    }
}
