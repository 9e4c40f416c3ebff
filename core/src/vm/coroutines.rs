//! Coroutines and async generators: the `await`, `async for` and `async with` protocols.
//!
//! A coroutine is a [`Generator`] of kind [`GenKind::Coroutine`]: the same heap frame,
//! resumed by `send`/`throw`. `await x` compiles to `yield from` over the awaitable's
//! iterator ([`Vm::get_awaitable`]), so the value that finally suspends a chain of
//! awaits — a future's `__await__` yielding the future — travels up to whoever drives
//! the outermost coroutine (asyncio's task, written in Python in `modules/py/asyncio.py`).
//!
//! An async generator ([`GenKind::AsyncGenerator`]) yields two kinds of values from one
//! frame: the pass-through values of its awaits and the values of its `yield`s. Which
//! one it was is read off the instruction it stopped at (a `Yield` right after a
//! `YieldFromSend` is an await). `__anext__()`/`asend()`/`athrow()`/`aclose()` return a
//! [`NativeIter::AsyncGenStep`] awaitable that forwards the former and *returns* the
//! latter, as CPython's `async_generator_asend` does.
//!
//! Invariant: throwing into a frame suspended in a delegation (`await`, `yield from`)
//! throws into the delegate first ([`Vm::throw_into_delegate`]), so cancellation reaches
//! the innermost awaiting frame and every `finally`/`except` on the way sees it.

use std::cell::RefCell;
use std::rc::Rc;

use super::{attr::type_of, runtime_error, type_error, Frame, PyErr, PyResult, Resume, Vm};
use crate::compiler::Instr;
use crate::objects::{GenKind, Generator, NativeIter, Value};

/// If `frame` is suspended at the `Yield` of a delegation loop, the loop's exit target.
pub(crate) fn delegation_exit(frame: &Frame) -> Option<u32> {
    let ip = frame.ip;
    if ip < 2 || frame.code.instrs.get(ip - 1) != Some(&Instr::Yield) {
        return None;
    }
    match frame.code.instrs.get(ip - 2) {
        Some(Instr::YieldFromSend(t)) => Some(*t),
        _ => None,
    }
}

/// Whether `g`, suspended, stopped in an `await` (for an async generator: not a `yield`).
fn suspended_in_await(g: &Generator) -> bool {
    g.frame
        .borrow()
        .as_deref()
        .is_some_and(|f| delegation_exit(f).is_some())
}

fn is_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g) if g.kind == GenKind::Coroutine)
}

fn is_async_gen_step(v: &Value) -> bool {
    matches!(v, Value::Iterator(it) if matches!(&*it.borrow(), NativeIter::AsyncGenStep { .. }))
}

fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Iterator(_) => true,
        Value::Generator(g) => g.kind == GenKind::Generator,
        Value::Instance(i) => i.class.lookup("__next__").is_some(),
        _ => false,
    }
}

/// The awaitable step of an async generator, resumed first by `first`.
pub(crate) fn async_gen_step(
    agen: &Rc<Generator>,
    first: Resume,
    closing: bool,
    name: &'static str,
) -> Value {
    Value::Iterator(Rc::new(RefCell::new(NativeIter::AsyncGenStep {
        agen: agen.clone(),
        first: Some(first),
        closing,
        name,
    })))
}

impl Vm<'_> {
    /// `await v`: the iterator awaiting runs — a coroutine itself, an async generator's
    /// step, or what `v.__await__()` returns (which must be an iterator).
    pub(crate) fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = v {
            if g.kind == GenKind::Coroutine {
                if g.state.get() == crate::objects::GeneratorState::Suspended
                    && suspended_in_await(g)
                {
                    return Err(runtime_error("coroutine is being awaited already"));
                }
                return Ok(v.clone());
            }
        }
        if is_async_gen_step(v) {
            return Ok(v.clone());
        }
        let Some(method) = type_of(v).lookup("__await__") else {
            return Err(type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(v)
            )));
        };
        let it = self.call1(&method, v.clone())?;
        if is_coroutine(&it) {
            return Err(type_error("__await__() returned a coroutine"));
        }
        if !is_iterator(&it) {
            return Err(type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `async for`'s `aiter(v)`.
    pub(crate) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        let Some(method) = type_of(v).lookup("__aiter__") else {
            return Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            )));
        };
        let it = self.call1(&method, v.clone())?;
        if type_of(&it).lookup("__anext__").is_none() {
            return Err(type_error(format!(
                "'async for' received an object from __aiter__ that does not implement \
                 __anext__: {}",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `async for`'s awaitable `anext(aiter)`.
    pub(crate) fn get_anext(&mut self, aiter: &Value) -> PyResult<Value> {
        let Some(method) = type_of(aiter).lookup("__anext__") else {
            return Err(type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(aiter)
            )));
        };
        let awaitable = self.call1(&method, aiter.clone())?;
        self.get_awaitable(&awaitable).map_err(|e| {
            if e.is("TypeError") {
                type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    self.type_name(&awaitable)
                ))
            } else {
                e
            }
        })
    }

    /// `async with mgr`: `(mgr.__aexit__, mgr.__aenter__())`, looked up on the type.
    pub(crate) fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let class = type_of(mgr);
        let (Some(enter), Some(exit)) = (class.lookup("__aenter__"), class.lookup("__aexit__"))
        else {
            return Err(type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                self.type_name(mgr)
            )));
        };
        let exit = self.bind(&exit, mgr);
        let entered = self.call1(&enter, mgr.clone())?;
        Ok((exit, entered))
    }

    fn bind(&mut self, f: &Value, this: &Value) -> Value {
        match f {
            Value::Function(_) | Value::Builtin(_) => {
                Value::Method(Rc::new(crate::objects::BoundMethod {
                    func: f.clone(),
                    this: this.clone(),
                }))
            }
            other => other.clone(),
        }
    }

    /// Throw `e` into the iterator a suspended frame delegates to: `Ok(Ok(v))` it
    /// yielded `v`, `Ok(Err(r))` it returned `r`, `Err(x)` raise `x` in the delegating
    /// frame (`e` itself when the delegate cannot take it, as CPython).
    pub(crate) fn throw_into_delegate(
        &mut self,
        inner: &Value,
        e: PyErr,
    ) -> PyResult<Result<Value, Value>> {
        if e.is("GeneratorExit") {
            // CPython closes the delegate, then raises GeneratorExit in the delegator.
            match inner {
                Value::Generator(g) => self.close_generator(g)?,
                _ => {
                    if let Ok(close) = self.getattr(inner, "close") {
                        self.call0(&close)?;
                    }
                }
            }
            return Err(e);
        }
        match inner {
            Value::Generator(g) => self.resume_generator_with(g, Resume::Throw(e)),
            Value::Iterator(cell) if is_async_gen_step(inner) => {
                self.step_async_gen(cell, Resume::Throw(e))
            }
            _ => {
                let Ok(throw) = self.getattr(inner, "throw") else {
                    return Err(e);
                };
                match self.call1(&throw, e.0.clone()) {
                    Ok(v) => Ok(Ok(v)),
                    Err(stop) if stop.is("StopIteration") => {
                        Ok(Err(self.getattr(&stop.0, "value")?))
                    }
                    Err(other) => Err(other),
                }
            }
        }
    }

    /// Resume an async generator's step awaitable: `Ok(Ok(v))` passes an await's value
    /// through, `Ok(Err(v))` is the step's result (the value the generator yielded).
    pub(crate) fn step_async_gen(
        &mut self,
        cell: &Rc<RefCell<NativeIter>>,
        how: Resume,
    ) -> PyResult<Result<Value, Value>> {
        let (agen, how, closing, name) = {
            let mut it = cell.borrow_mut();
            match &mut *it {
                NativeIter::AsyncGenStep {
                    agen,
                    first,
                    closing,
                    name,
                } => (agen.clone(), first.take().unwrap_or(how), *closing, *name),
                _ => return Ok(Err(Value::None)),
            }
        };
        let finish = |cell: &Rc<RefCell<NativeIter>>| {
            *cell.borrow_mut() = NativeIter::Exhausted(name);
        };
        if agen.state.get() == crate::objects::GeneratorState::Finished {
            finish(cell);
            return if closing {
                Ok(Err(Value::None))
            } else if let Resume::Throw(e) = how {
                Err(e)
            } else {
                Err(PyErr::new_empty("StopAsyncIteration"))
            };
        }
        match self.resume_generator_with(&agen, how) {
            Ok(Ok(v)) if suspended_in_await(&agen) => Ok(Ok(v)),
            Ok(Ok(v)) => {
                finish(cell);
                if closing {
                    return Err(runtime_error("async generator ignored GeneratorExit"));
                }
                Ok(Err(v))
            }
            Ok(Err(_)) => {
                finish(cell);
                if closing {
                    return Ok(Err(Value::None));
                }
                Err(PyErr::new_empty("StopAsyncIteration"))
            }
            Err(e) => {
                finish(cell);
                if closing && (e.is("GeneratorExit") || e.is("StopAsyncIteration")) {
                    return Ok(Err(Value::None));
                }
                if e.is("StopAsyncIteration") {
                    let err = runtime_error("async generator raised StopAsyncIteration");
                    *err.data().cause.borrow_mut() = Some(e.0.clone());
                    return Err(err);
                }
                Err(e)
            }
        }
    }
}
