//! The embedder's entry point: [`Interpreter`] and its [`Config`].

use crate::objects::Value;
use crate::vm::{PyErr, Runtime, Vm};
use crate::{Error, ErrorKind, Host};

/// Settings fixed for the lifetime of an [`Interpreter`].
#[derive(Clone, Debug)]
pub struct Config {
    /// The name tracebacks show for the main program (`File "<name>", line N`).
    pub filename: String,
    /// `sys.argv`; `argv[0]` is conventionally the script name.
    pub argv: Vec<String>,
    /// Python call depth at which `RecursionError` is raised (CPython's default: 1000).
    pub recursion_limit: usize,
    /// Bytes of native stack the interpreter may use below the frame that called `run`;
    /// past it `RecursionError` is raised instead of overflowing the native stack (its
    /// message then says that the budget, not the recursion limit, ran out).
    ///
    /// On Linux a run never uses more than its thread has left below `run`, less a
    /// margin (an eighth, at least 256 KiB), whatever this says: the interpreter reads
    /// the thread's stack bounds (`pthread_getattr_np`). So the default there,
    /// [`DEFAULT_STACK_BUDGET`] (64 MiB), means "the thread's stack": about 7 MiB on the
    /// main thread (8 MiB), 1.7 MiB on a spawned one (2 MiB: `std::thread`, tokio's
    /// blocking pool). Elsewhere (wasm, other systems) the budget is used as given and
    /// must stay below the thread's stack; the default there is 1.5 MiB, which fits
    /// every Rust thread. One Python call takes, measured by `cargo run [--release] -p
    /// stackswitch-core --example stack_per_frame` (x86-64 Linux):
    ///
    /// | one level of recursion | release | debug |
    /// |---|---|---|
    /// | `def f(n): return f(n + 1)` | 1.1 KiB | 4.4 KiB |
    /// | through `sorted(key=lambda ...)` | 3.0 KiB | 12.2 KiB |
    /// | through `__add__` | 3.5 KiB | 25.6 KiB |
    ///
    /// So with the default on Linux an optimized build reaches CPython's recursion limit
    /// of 1000 on any Rust thread (also through `sorted(key=)`: 500 levels of two
    /// frames), and a debug build does on the main thread (on a 2 MiB thread it stops at
    /// about 400 plain calls, 150 levels through `sorted`). For more, run the interpreter
    /// on a thread with a larger stack, as the native runner does (256 MiB, budget
    /// 224 MiB):
    ///
    /// ```
    /// # use stackswitch_core::{Config, Interpreter};
    /// let deep = std::thread::Builder::new().stack_size(64 << 20).spawn(|| {
    ///     let config = Config { stack_budget: 48 << 20, ..Config::default() };
    ///     Interpreter::new(config); // ... run it here
    /// });
    /// deep.unwrap().join().unwrap();
    /// ```
    pub stack_budget: usize,
    /// Bounds on each [`Interpreter::run`] (none by default).
    pub limits: RunLimits,
    /// Bytes the program may have live before allocating paths raise `MemoryError`
    /// (see `memory.rs`: live bytes are counted only where the binary installs
    /// [`crate::CountingAllocator`]; otherwise each result's own size is checked).
    pub memory_limit: usize,
    /// `os.environ`: the environment the program sees (empty by default; the native
    /// runner passes the process's).
    pub environ: Vec<(String, String)>,
}

/// Bounds on one [`Interpreter::run`] that Python code cannot escape, for graders and
/// sandboxes (`KeyboardInterrupt` can be caught; these cannot).
///
/// Both are checked where the interpreter polls its host (every thousand steps, and after
/// every suspension). Once one is exceeded, every following step raises `TimeoutError`,
/// so no `except` or `finally` block can keep the program alive, and the run ends with
/// [`ErrorKind::LimitExceeded`](crate::ErrorKind::LimitExceeded).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RunLimits {
    /// Most steps one run may take. A step is what CPython checks its eval breaker at:
    /// entering or resuming a Python frame, or a loop's jump back; long builtins count one
    /// step per element they process. Every unbounded computation takes unboundedly many.
    pub max_steps: Option<u64>,
    /// Most seconds one run may take by the host's monotonic clock ([`crate::Host::now`]),
    /// time spent suspended included. A request the host has not answered is not cut
    /// short: the limit applies once it returns (the JS runtime's `timeoutMs` also ends a
    /// pending request).
    pub max_seconds: Option<f64>,
}

/// [`Config::stack_budget`]'s default. On Linux 64 MiB, a cap above any default thread
/// stack: a run is bounded by its thread's own stack (less a margin). Elsewhere 1.5 MiB:
/// below the 2 MiB of a spawned Rust thread, and enough for 1000 plain Python calls in
/// an optimized build.
pub const DEFAULT_STACK_BUDGET: usize = if cfg!(target_os = "linux") {
    64 << 20
} else {
    3 << 19
};

impl Default for Config {
    fn default() -> Self {
        Config {
            filename: "<string>".into(),
            argv: vec![String::new()],
            recursion_limit: 1000,
            stack_budget: DEFAULT_STACK_BUDGET,
            limits: RunLimits::default(),
            memory_limit: crate::DEFAULT_MEMORY_LIMIT,
            environ: Vec::new(),
        }
    }
}

/// A Python interpreter: one `__main__` module and its state.
///
/// State persists across [`Interpreter::run`] calls (like a REPL session): globals,
/// imported modules and the random generator.
///
/// An interpreter is **not `Send`**: Python objects are reference-counted with `Rc` and
/// the built-in types are per-thread, so an interpreter, and every [`Object`](crate::Object)
/// of it, lives and dies on the thread that created it. To drive one from async code,
/// create it on a thread of its own (`std::thread::spawn`, tokio's `spawn_blocking`)
/// and answer its host's suspensions through channels (`core/examples/tokio_host.rs`).
/// [`Host::suspend`](crate::Host::suspend) is synchronous: it returns once the answer is
/// there, which is what lets every backend suspend the same interpreter.
///
/// ```compile_fail
/// fn needs_send<T: Send>() {}
/// needs_send::<stackswitch_core::Interpreter>();
/// ```
pub struct Interpreter {
    pub(crate) rt: Runtime,
}

impl Interpreter {
    /// A fresh interpreter: `__main__` empty, no module imported yet.
    pub fn new(config: Config) -> Self {
        Interpreter {
            rt: Runtime::new(config),
        }
    }

    /// The program's files: [`MemoryFileSystem`](crate::MemoryFileSystem) (empty) unless
    /// [`Interpreter::set_filesystem`] gave another. Fill it before a run and read what the
    /// program wrote after.
    pub fn filesystem(&mut self) -> &mut dyn crate::FileSystem {
        self.rt.fs.as_mut()
    }

    /// Give the program these files instead (the native runner passes the real ones);
    /// returns the previous filesystem.
    pub fn set_filesystem(&mut self, fs: Box<dyn crate::FileSystem>) -> Box<dyn crate::FileSystem> {
        std::mem::replace(&mut self.rt.fs, fs)
    }

    /// Compile and run `source` as the `__main__` module. Blocking builtins call `host`.
    ///
    /// Returns `Err` for a syntax error, an uncaught exception or `sys.exit()`; the
    /// error's `traceback` is what CPython prints on stderr in each case.
    pub fn run(&mut self, source: &str, host: &mut dyn Host) -> Result<(), Error> {
        let filename = self.rt.config.filename.clone();
        let code = crate::syntax::compile(source, &filename)
            .map_err(|e| syntax_failure(e, &filename, source))?;
        self.run_code(code, host)
    }

    /// Run one input of an interactive loop, as CPython's REPL runs it (`'single'`
    /// mode): it runs as statements in `__main__`, and each top-level expression
    /// statement (also in a top-level `for`/`if` block, not in a function or class body)
    /// has its value, unless `None`, printed as its `repr()` on stdout and bound to
    /// `builtins._`. State persists between calls, as with [`Interpreter::run`];
    /// the caller prints the error's traceback and goes on (or exits on
    /// [`ErrorKind::Exit`]). Tracebacks name the input `<stdin>`, as CPython's REPL
    /// does.
    pub fn run_interactive(&mut self, source: &str, host: &mut dyn Host) -> Result<(), Error> {
        let filename = "<stdin>";
        let code = crate::syntax::compile_interactive(source, filename)
            .map_err(|e| syntax_failure(e, filename, source))?;
        self.run_code(code, host)
    }

    /// Run compiled `code` in `__main__`.
    fn run_code(
        &mut self,
        code: std::rc::Rc<crate::compiler::Code>,
        host: &mut dyn Host,
    ) -> Result<(), Error> {
        let main = self.rt.main.clone();
        let mut vm = Vm::new(&mut self.rt, host);
        let result = vm.run_module(code, main);
        // Files left open keep their contents only in the program's file objects: write
        // them back, as a CPython process does at exit.
        let flushed = vm.flush_open_files();
        match result.and(flushed) {
            Ok(()) => {
                let warnings = vm.never_awaited_at_exit();
                if !warnings.is_empty() {
                    vm.host.write(crate::host::Stream::Stderr, &warnings);
                }
                Ok(())
            }
            Err(e) => {
                let mut error = uncaught(&mut vm, e);
                // CPython warns while shutting down, after printing the traceback.
                error.traceback.push_str(&vm.never_awaited_at_exit());
                Err(error)
            }
        }
    }

    /// [`Interpreter::run`] for a source file's bytes, decoded as CPython decodes a file
    /// ([`crate::decode_source`]: coding declarations, BOM, invalid UTF-8 as SyntaxError).
    pub fn run_bytes(&mut self, source: &[u8], host: &mut dyn Host) -> Result<(), Error> {
        let text = crate::decode_source(source, &self.rt.config.filename)?;
        self.run(&text, host)
    }
}

/// The [`Error`] for a source that does not compile.
fn syntax_failure(e: crate::syntax::SyntaxErr, filename: &str, source: &str) -> Error {
    let kind = if e.type_name == "RecursionError" {
        ErrorKind::Exception
    } else {
        ErrorKind::Syntax {
            line: e.line,
            column: e.column,
        }
    };
    let traceback = e.traceback(filename, source);
    Error {
        kind,
        type_name: e.type_name.into(),
        message: e.message,
        traceback,
    }
}

/// `sys.displayhook`'s default: `value`'s repr on stdout (through `print`, so
/// `sys.stdout` is honoured) and `builtins._ = value`, unless it is `None`.
pub(crate) fn display(vm: &mut Vm<'_>, value: Value) -> Result<(), PyErr> {
    if value.is_none() {
        return Ok(());
    }
    let text = vm.repr(&value)?;
    let print = vm.rt.builtins.attrs.borrow().get("print").cloned();
    if let Some(print) = print {
        vm.call1(&print, Value::str(text))?;
    }
    vm.rt.builtins.attrs.borrow_mut().insert("_".into(), value);
    Ok(())
}

/// The [`Error`] for an exception that reached the top level (`SystemExit` included).
pub(crate) fn uncaught(vm: &mut Vm<'_>, e: PyErr) -> Error {
    if let Some(why) = vm.limit_exceeded() {
        // Whatever the program raised on its way out, the limit ended the run: show where
        // it was, without the chain of re-raises through the handlers it passed.
        let message = why.to_owned();
        let traceback = if e.is("TimeoutError") {
            e.data().context.replace(None);
            e.data().cause.replace(None);
            crate::vm::format_exception(vm, &e)
        } else {
            format!("TimeoutError: {message}\n")
        };
        return Error {
            kind: ErrorKind::LimitExceeded,
            type_name: "TimeoutError".into(),
            message,
            traceback,
        };
    }
    let type_name = crate::vm::exception_type_name(e.class());
    let message = crate::builtins::exception_str(vm, &e.0).unwrap_or_default();
    if e.is("SystemExit") {
        let code = match &*e.data().args.borrow() {
            Value::Tuple(t) if t.items.len() == 1 => t.items[0].clone(),
            Value::Tuple(t) if t.items.is_empty() => Value::None,
            other => other.clone(),
        };
        let (status, traceback) = match code {
            Value::None => (0, String::new()),
            Value::Int(n) => (n as i32, String::new()),
            Value::Bool(b) => (b as i32, String::new()),
            other => {
                let text = vm.to_str(&other).unwrap_or_default();
                (1, format!("{text}\n"))
            }
        };
        return Error {
            kind: ErrorKind::Exit(status),
            type_name,
            message,
            traceback,
        };
    }
    let traceback = crate::vm::format_exception(vm, &e);
    Error {
        kind: ErrorKind::Exception,
        type_name,
        message,
        traceback,
    }
}
