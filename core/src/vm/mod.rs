//! The virtual machine: frames, the call protocol, and the error type of Python code.
//!
//! ```text
//!   Interpreter::run ─► Vm::run_module ─► eval_frame(<module>)
//!                                            │ Call
//!                                            ▼
//!                        Vm::call ─► call_function ─► eval_frame(f)   (native recursion)
//!                                            │ next(gen)
//!                                            ▼
//!                        resume ─► eval_frame(gen's heap frame) until Yield
//! ```
//! Every Python call is one level of native recursion through [`Vm::call`]; that is
//! the stack the backends suspend. Depth is bounded twice: by the recursion limit
//! (`RecursionError`, as CPython) and by a native stack budget measured from
//! [`Vm::stack_base`], so no input can overflow the native stack.
//!
//! Running code counts *steps* — frame entries and backward jumps, where CPython checks
//! its eval breaker ([`Vm::tick`]), plus the work of long builtins ([`Vm::charge`]) — and
//! polls the host every [`POLL_INTERVAL`] steps: the host may interrupt it or ask it to
//! yield (see `host.rs`), and the run's [`RunLimits`] are checked there. A limit, once
//! exceeded, fails *every* following step, so no `except:` or `finally:` can keep the run
//! alive: a handler runs forward to its next loop jump or call, which raises again, until
//! the run ends (handlers always lie after the code they protect).

mod attr;
pub(crate) mod bignum;
mod coroutines;
mod errors;
mod eval;
mod matching;
mod namespaces;
pub(crate) mod ops;
mod protocol;
mod stack;
mod traceback;
pub(crate) mod types;

use std::collections::HashMap;
use std::rc::Rc;

pub(crate) use attr::{new_property, type_of};
pub(crate) use coroutines::async_gen_step;
pub(crate) use errors::*;
pub(crate) use eval::{Frame, FrameExit, Resume};
pub(crate) use namespaces::located_syntax_error;
pub(crate) use protocol::{bare_instance, instantiate_plain, new_user_class};
pub(crate) use traceback::{exception_type_name, format_exception};

use crate::host::{Clock, Host, HostError, HostErrorKind, Poll, Reply, SuspendRequest};
use crate::interpreter::{Config, RunLimits};
use crate::objects::{Kwargs, Module, Value};

/// State that outlives one `run` call: modules, `__main__`, the random generator.
pub(crate) struct Runtime {
    pub(crate) config: Config,
    pub(crate) main: Rc<Module>,
    pub(crate) builtins: Rc<Module>,
    /// Every module created, by name: what the interpreter's own code looks up (`sys`
    /// for `print`, `_fileio`); imports go through `sys_modules`.
    pub(crate) modules: HashMap<String, Rc<Module>>,
    /// `sys.modules`: the dict imports consult first and fill (see `modules::registry`).
    pub(crate) sys_modules: Rc<crate::objects::PyDict>,
    /// `sys.set_int_max_str_digits` (0: no limit); installed for the text conversions
    /// while this runtime's Vm runs (see `text::format::int_max_str_digits`).
    pub(crate) int_max_str_digits: usize,
    pub(crate) random: Option<crate::modules::mersenne::MersenneTwister>,
    /// Frames of generators dropped while suspended, to close (see `objects/abandoned.rs`).
    pub(crate) abandoned: Rc<crate::objects::AbandonedFrames>,
    /// The program's files (`open()`, `os`, imports of its own modules).
    /// Called with an async generator dropped while suspended, instead of closing it
    /// (asyncio's loop sets it, as CPython's `sys.set_asyncgen_hooks(finalizer=)`).
    pub(crate) asyncgen_finalizer: Option<Value>,
    /// Every coroutine created, weakly: those never started when a run ends get
    /// CPython's at-exit "never awaited" warning. Pruned as it doubles.
    pub(crate) coroutines: Vec<std::rc::Weak<crate::objects::Generator>>,
    coroutines_pruned_at: usize,
    /// The warnings shown so far, by location and text: the `warnings` module's
    /// "default" action shows each once.
    pub(crate) warnings_shown: std::collections::HashSet<String>,
    pub(crate) fs: Box<dyn crate::fs::FileSystem>,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Globals may hold suspended generators, whose frames hold the globals: empty
        // the namespaces, then drop the frames that queued without closing them.
        let listed: Vec<Rc<Module>> = {
            let table = std::mem::take(&mut *self.sys_modules.table.borrow_mut());
            table
                .into_items()
                .filter_map(|(_, v)| match v {
                    Value::Module(m) => Some(m),
                    _ => None,
                })
                .collect()
        };
        let namespaces = [&self.main, &self.builtins]
            .into_iter()
            .chain(self.modules.values())
            .chain(listed.iter());
        for module in namespaces {
            let attrs = match module.attrs.try_borrow_mut() {
                Ok(mut attrs) => std::mem::take(&mut *attrs),
                Err(_) => continue,
            };
            drop(attrs); // after the borrow ends: dropping values may reach the module
        }
        self.asyncgen_finalizer = None;
        self.abandoned.discard();
    }
}

impl Runtime {
    /// Remember a new coroutine for [`Vm::never_awaited_at_exit`].
    pub(crate) fn track_coroutine(&mut self, coroutine: &Rc<crate::objects::Generator>) {
        if self.coroutines.len() >= 64 && self.coroutines.len() >= 2 * self.coroutines_pruned_at {
            self.coroutines.retain(|w| {
                w.upgrade()
                    .is_some_and(|g| g.state.get() == crate::objects::GeneratorState::Created)
            });
            self.coroutines_pruned_at = self.coroutines.len();
        }
        self.coroutines.push(Rc::downgrade(coroutine));
    }

    pub(crate) fn new(config: Config) -> Runtime {
        let main = crate::builtins::new_module("__main__");
        let builtins = crate::builtins::builtins_module();
        {
            let mut attrs = main.attrs.borrow_mut();
            attrs.insert("__name__".into(), Value::str("__main__"));
            // A program run from a file knows its path; `-c`, stdin and `<...>` names do not.
            if !config.filename.starts_with('<') {
                attrs.insert("__file__".into(), Value::str(config.filename.as_str()));
            }
        }
        let sys_modules = crate::modules::registry::initial_sys_modules(&main, &builtins);
        Runtime {
            config,
            sys_modules,
            int_max_str_digits: crate::text::format::INT_MAX_STR_DIGITS,
            main,
            builtins,
            modules: HashMap::new(),
            random: None,
            abandoned: Rc::default(),
            asyncgen_finalizer: None,
            coroutines: Vec::new(),
            coroutines_pruned_at: 0,
            warnings_shown: std::collections::HashSet::new(),
            fs: Box::new(crate::fs::MemoryFileSystem::new()),
        }
    }
}

/// The interpreter while it runs: runtime state plus the host for this run.
pub(crate) struct Vm<'a> {
    pub(crate) rt: &'a mut Runtime,
    pub(crate) host: &'a mut dyn Host,
    /// Python call depth.
    pub(crate) depth: usize,
    /// The exception being handled (`except` blocks), for bare `raise` and chaining.
    pub(crate) handled: Option<Value>,
    /// Poll points until the next poll of the host.
    pub(crate) ticks: u32,
    /// Where this run stands against its [`RunLimits`].
    budget: Budget,
    /// Address of a local in `run`'s frame: native stack use is measured from here.
    pub(crate) stack_base: usize,
    /// Native stack this run may use below `stack_base`: `Config::stack_budget`, or less
    /// where the thread has less left (see `stack.rs`).
    stack_budget: usize,
    /// Containers whose repr is being computed (to print `[...]` for self-references).
    pub(crate) repr_active: Vec<usize>,
}

/// Poll points (frame entries and backward jumps, see [`Vm::tick`]) between two polls of
/// [`Host::poll`]: a few hundred µs of Python code, measured.
const POLL_INTERVAL: u32 = 1_000;

/// A run's progress against its [`RunLimits`].
struct Budget {
    /// Steps taken before the current slice of `slice` ticks began.
    executed: u64,
    /// Ticks the current slice started with.
    slice: u32,
    /// Monotonic-clock time at which `Config::limits.max_seconds` runs out.
    deadline: Option<f64>,
    /// Why the run is over, once a limit was exceeded.
    exceeded: Option<String>,
}

impl<'a> Vm<'a> {
    pub(crate) fn new(rt: &'a mut Runtime, host: &'a mut dyn Host) -> Vm<'a> {
        let marker = 0u8;
        let stack_base = std::hint::black_box(&marker) as *const u8 as usize;
        let stack_budget = match stack::remaining_below(stack_base) {
            Some(room) => rt
                .config
                .stack_budget
                .min(room.saturating_sub(stack::margin(room))),
            None => rt.config.stack_budget,
        };
        let RunLimits {
            max_steps,
            max_seconds,
        } = rt.config.limits;
        let deadline = max_seconds.map(|limit| host.now(Clock::Monotonic) + limit);
        let slice = next_slice(max_steps, 0);
        crate::text::format::install_int_max_str_digits(rt.int_max_str_digits);
        Vm {
            rt,
            host,
            depth: 0,
            handled: None,
            ticks: slice,
            budget: Budget {
                executed: 0,
                slice,
                deadline,
                exceeded: None,
            },
            stack_base,
            stack_budget,
            repr_active: Vec::new(),
        }
    }

    /// Why the run was ended by its [`RunLimits`], if it was.
    pub(crate) fn limit_exceeded(&self) -> Option<&str> {
        self.budget.exceeded.as_deref()
    }

    /// Native stack used so far, in bytes (stacks grow down on every supported target).
    fn stack_used(&self) -> usize {
        let marker = 0u8;
        let here = std::hint::black_box(&marker) as *const u8 as usize;
        self.stack_base.saturating_sub(here)
    }

    /// Enter one level of recursion (a Python call, a nested repr...), or fail with
    /// RecursionError saying `what`.
    pub(crate) fn enter(&mut self, what: &str) -> PyResult<()> {
        // One test on the path of every Python call, the error built out of line: the
        // callers of `enter` are the recursion cycle, whose frames bound how deep Python
        // recursion gets on an engine's stack (README "Engine stacks and recursion depth").
        if self.depth >= self.rt.config.recursion_limit || self.stack_used() > self.stack_budget {
            return Err(self.recursion_error(what));
        }
        self.depth += 1;
        Ok(())
    }

    /// CPython's RecursionError; when the native stack budget rather than the recursion
    /// limit ran out, the message also says so and how an embedder gives more (a limit of
    /// 1000 is reached only with enough stack, see [`Config::stack_budget`]).
    #[cold]
    #[inline(never)]
    fn recursion_error(&self, what: &str) -> PyErr {
        let config = &self.rt.config;
        let message = if self.depth >= config.recursion_limit {
            format!("maximum recursion depth exceeded{what}")
        } else {
            format!(
                "maximum recursion depth exceeded{what} (the interpreter's native stack \
                 budget of {} bytes ran out at depth {} of the recursion limit {}: an \
                 embedder runs it on a thread with a larger stack, see \
                 Config::stack_budget)",
                self.stack_budget, self.depth, config.recursion_limit
            )
        };
        PyErr::new("RecursionError", message)
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Called at every poll point — where CPython checks its eval breaker: entering or
    /// resuming a frame and jumping backward — and polls the host once every
    /// [`POLL_INTERVAL`] of them. Every unbounded computation passes poll points: a loop
    /// jumps back, recursion enters frames, and long builtins [`Vm::charge`] their work.
    #[inline]
    pub(crate) fn tick(&mut self) -> PyResult<()> {
        self.ticks -= 1;
        if self.ticks == 0 {
            return self.poll();
        }
        Ok(())
    }

    /// Count `work` units (elements, items...) of a long-running builtin as steps, so that
    /// it is interrupted, yields and meets the run's limits like Python code.
    pub(crate) fn charge(&mut self, work: usize) -> PyResult<()> {
        match u32::try_from(work) {
            Ok(work) if work < self.ticks => {
                self.ticks -= work;
                Ok(())
            }
            _ => {
                self.ticks = 1;
                self.tick()
            }
        }
    }

    /// A slice of ticks is used up: check the limits, then ask the host what to do.
    #[inline(never)] // off the instruction loop's hot path
    fn poll(&mut self) -> PyResult<()> {
        self.budget.executed += u64::from(self.budget.slice);
        self.check_deadline();
        let max_steps = self.rt.config.limits.max_steps;
        if let (None, Some(max)) = (&self.budget.exceeded, max_steps) {
            if self.budget.executed > max {
                self.budget.exceeded = Some(format!("the run exceeded its limit of {max} steps"));
            }
        }
        let slice = next_slice(max_steps, self.budget.executed);
        if let Some(error) = self.limit_error() {
            return Err(error);
        }
        self.budget.slice = slice;
        self.ticks = slice;
        match self.host.poll() {
            Poll::Continue => Ok(()),
            Poll::Interrupt => Err(PyErr::new_empty("KeyboardInterrupt")),
            Poll::Yield => self.suspend(SuspendRequest::Yield).map(|_| ()),
        }
    }

    /// Hand `request` to the host and wait for its reply: the one way the interpreter
    /// suspends. A host error becomes its Python exception; a run whose time limit passed
    /// while it waited ends here.
    pub(crate) fn suspend(&mut self, request: SuspendRequest) -> PyResult<Reply> {
        self.suspend_for_reply(request)?
            .map_err(crate::modules::host_error)
    }

    /// [`Vm::suspend`] with the host's failure left to the caller: the outer error is a
    /// limit the run exceeded while it waited.
    pub(crate) fn suspend_for_reply(
        &mut self,
        request: SuspendRequest,
    ) -> PyResult<Result<Reply, HostError>> {
        let reply = self.host.suspend(request);
        crate::text::format::install_int_max_str_digits(self.rt.int_max_str_digits);
        if matches!(&reply, Err(e) if e.kind == HostErrorKind::TimedOut) {
            let limit = self.rt.config.limits.max_seconds;
            self.budget
                .exceeded
                .get_or_insert_with(|| time_limit_message(limit));
        }
        self.check_deadline();
        if let Some(error) = self.limit_error() {
            return Err(error);
        }
        Ok(reply)
    }

    fn check_deadline(&mut self) {
        if let (None, Some(deadline)) = (&self.budget.exceeded, self.budget.deadline) {
            if self.host.now(Clock::Monotonic) > deadline {
                let limit = self.rt.config.limits.max_seconds;
                self.budget.exceeded = Some(time_limit_message(limit));
            }
        }
    }

    /// Once a limit is exceeded, the error that this and every later step raises.
    fn limit_error(&mut self) -> Option<PyErr> {
        let why = self.budget.exceeded.as_ref()?;
        self.budget.slice = 1;
        self.ticks = 1;
        Some(PyErr::new("TimeoutError", why.clone()))
    }

    /// Call any callable with positional and keyword arguments.
    pub(crate) fn call(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        protocol::call(self, callable, args, kwargs)
    }

    pub(crate) fn call0(&mut self, callable: &Value) -> PyResult<Value> {
        self.call(callable, Vec::new(), Vec::new())
    }

    pub(crate) fn call1(&mut self, callable: &Value, arg: Value) -> PyResult<Value> {
        self.call(callable, vec![arg], Vec::new())
    }

    /// Run Python source that implements part of a built-in module (see `modules/urllib.rs`).
    pub(crate) fn exec_builtin_source(
        &mut self,
        module: &Rc<Module>,
        source: &str,
        filename: &str,
    ) -> PyResult<()> {
        let code = crate::syntax::compile(source, filename).map_err(|e| {
            PyErr::new(
                "SystemError",
                format!("built-in module source does not compile: {}", e.message),
            )
        })?;
        self.run_module(code, module.clone())
    }

    /// Run a module's code object in `module`'s namespace.
    pub(crate) fn run_module(
        &mut self,
        code: Rc<crate::compiler::Code>,
        module: Rc<Module>,
    ) -> PyResult<()> {
        self.run_module_value(code, module).map(drop)
    }

    /// [`Vm::run_module`], returning the code's value (an `eval`-mode code's expression).
    pub(crate) fn run_module_value(
        &mut self,
        code: Rc<crate::compiler::Code>,
        module: Rc<Module>,
    ) -> PyResult<Value> {
        let mut frame = Frame::new(code, module, None);
        let result = self.eval_frame(&mut frame);
        drop(frame);
        if result.is_ok() {
            // After an uncaught exception CPython warns once the traceback is printed
            // (`Vm::never_awaited_at_exit`).
            self.warn_never_awaited(None);
        }
        self.close_abandoned();
        match result? {
            FrameExit::Return(value) | FrameExit::Yield(value) => Ok(value),
        }
    }
}

/// Ticks of the next slice: [`POLL_INTERVAL`], or fewer so that a poll lands exactly on
/// the step limit, and then on the first step past it.
fn next_slice(max_steps: Option<u64>, executed: u64) -> u32 {
    match max_steps {
        None => POLL_INTERVAL,
        Some(max) => max
            .saturating_sub(executed)
            .clamp(1, u64::from(POLL_INTERVAL)) as u32,
    }
}

fn time_limit_message(limit: Option<f64>) -> String {
    match limit {
        Some(limit) => format!("the run exceeded its time limit of {limit} s"),
        None => "the run exceeded its time limit".into(),
    }
}
