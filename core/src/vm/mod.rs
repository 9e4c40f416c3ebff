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

mod attr;
mod errors;
mod eval;
pub(crate) mod ops;
mod protocol;
mod traceback;
pub(crate) mod types;

use std::collections::HashMap;
use std::rc::Rc;

pub(crate) use attr::new_property;
pub(crate) use errors::*;
pub(crate) use eval::{Frame, FrameExit, Resume};
pub(crate) use traceback::{exception_type_name, format_exception};

use crate::host::Host;
use crate::interpreter::Config;
use crate::objects::{Kwargs, Module, Value};

/// State that outlives one `run` call: modules, `__main__`, the random generator.
pub(crate) struct Runtime {
    pub(crate) config: Config,
    pub(crate) main: Rc<Module>,
    pub(crate) builtins: Rc<Module>,
    pub(crate) modules: HashMap<String, Rc<Module>>,
    pub(crate) random: Option<crate::modules::mersenne::MersenneTwister>,
    /// Frames of generators dropped while suspended, to close (see `objects/abandoned.rs`).
    pub(crate) abandoned: Rc<crate::objects::AbandonedFrames>,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // Globals may hold suspended generators, whose frames hold the globals: empty
        // the namespaces, then drop the frames that queued without closing them.
        let namespaces = [&self.main, &self.builtins]
            .into_iter()
            .chain(self.modules.values());
        for module in namespaces {
            let attrs = match module.attrs.try_borrow_mut() {
                Ok(mut attrs) => std::mem::take(&mut *attrs),
                Err(_) => continue,
            };
            drop(attrs); // after the borrow ends: dropping values may reach the module
        }
        self.abandoned.discard();
    }
}

impl Runtime {
    pub(crate) fn new(config: Config) -> Runtime {
        let main = crate::builtins::new_module("__main__");
        let builtins = crate::builtins::builtins_module();
        main.attrs
            .borrow_mut()
            .insert("__name__".into(), Value::str("__main__"));
        Runtime {
            config,
            main,
            builtins,
            modules: HashMap::new(),
            random: None,
            abandoned: Rc::default(),
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
    /// Instructions until the next interrupt poll.
    pub(crate) ticks: u32,
    /// Address of a local in `run`'s frame: native stack use is measured from here.
    pub(crate) stack_base: usize,
    /// Containers whose repr is being computed (to print `[...]` for self-references).
    pub(crate) repr_active: Vec<usize>,
}

/// Instructions between two polls of [`Host::poll_interrupt`].
const POLL_INTERVAL: u32 = 10_000;

impl<'a> Vm<'a> {
    pub(crate) fn new(rt: &'a mut Runtime, host: &'a mut dyn Host) -> Vm<'a> {
        let marker = 0u8;
        let stack_base = std::hint::black_box(&marker) as *const u8 as usize;
        Vm {
            rt,
            host,
            depth: 0,
            handled: None,
            ticks: POLL_INTERVAL,
            stack_base,
            repr_active: Vec::new(),
        }
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
        if self.depth >= self.rt.config.recursion_limit
            || self.stack_used() > self.rt.config.stack_budget
        {
            return Err(PyErr::new(
                "RecursionError",
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Called from the eval loop: polls the host's interrupt flag now and then.
    #[inline]
    pub(crate) fn tick(&mut self) -> PyResult<()> {
        self.ticks -= 1;
        if self.ticks == 0 {
            self.ticks = POLL_INTERVAL;
            if self.host.poll_interrupt() {
                return Err(PyErr::new_empty("KeyboardInterrupt"));
            }
        }
        Ok(())
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
        let mut frame = Frame::new(code, module, None);
        let result = self.eval_frame(&mut frame);
        drop(frame);
        self.close_abandoned();
        match result? {
            FrameExit::Return(_) | FrameExit::Yield(_) => Ok(()),
        }
    }
}
