//! `eval_frame`: the bytecode loop.
//!
//! Frame layout (all on the heap, owned by the caller of `eval_frame` or by a generator):
//! ```text
//!   Frame { code, ip, stack: [values...], fast: [locals...], cells: [cellvars ++ freevars],
//!           blocks: [Except{handler, level} | Handler{previous}], globals, namespace }
//! ```
//! Invariant: between instructions the value stack holds exactly what the compiler
//! expects; on an exception the stack is cut back to the innermost `Except` block's level
//! before its handler runs, so handlers start from a known depth.

use std::cell::RefCell;
use std::rc::Rc;

use super::types::types;
use super::{PyErr, PyResult, Vm};
use crate::compiler::{CmpOp, Code, Instr};
use crate::objects::{CellRef, Function, GenKind, GeneratorState, Module, TracebackEntry, Value};

/// An active entry of a frame's block stack.
pub(crate) enum Block {
    /// A `try` body: on an exception, jump to `handler` with the stack cut to `level`.
    Except { handler: u32, level: u32 },
    /// Running an except handler; restores the previously handled exception when left.
    Handler { previous: Option<Value> },
}

/// How a suspended generator is resumed.
pub(crate) enum Resume {
    Send(Value),
    Throw(PyErr),
}

/// How a frame stopped running.
pub(crate) enum FrameExit {
    Return(Value),
    /// A generator frame stopped at `yield`; resume by pushing the sent value.
    Yield(Value),
}

/// Why `run_instructions` returned to `eval_loop`: the frame stopped, or it reached a
/// call instruction, which `eval_loop` makes (pushing the result) before resuming it.
///
/// This is what keeps a Python call cheap on the engine's stack: the call instructions
/// do not call from inside `run_instructions` — the largest frame of the interpreter,
/// whose spill slots every engine reserves in full — but from the small `eval_loop`, so
/// a recursion `f -> f -> f` stacks `eval_frame, call, call_function` per level and
/// `run_instructions` only for the innermost frame. (Calls made inside other
/// instructions, such as `__add__` or a property, still nest `run_instructions`.)
enum Step {
    Exit(FrameExit),
    Call(PendingCall),
}

/// A call instruction's operands, popped from the value stack.
struct PendingCall {
    callable: Value,
    args: Vec<Value>,
    kwargs: crate::objects::Kwargs,
}

pub(crate) struct Frame {
    pub(crate) code: Rc<Code>,
    pub(crate) ip: usize,
    pub(crate) stack: Vec<Value>,
    pub(crate) fast: Vec<Option<Value>>,
    pub(crate) cells: Vec<CellRef>,
    pub(crate) globals: Rc<Module>,
    /// Class bodies: the namespace being built.
    pub(crate) namespace: Option<Rc<Module>>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) func: Option<Rc<Function>>,
    /// Set by re-raising instructions so the frame's traceback line is not added twice.
    reraising: bool,
    /// An exception thrown into a suspended generator (`gen.throw`), raised at its `yield`.
    pub(crate) thrown: Option<PyErr>,
}

impl Frame {
    pub(crate) fn new(code: Rc<Code>, globals: Rc<Module>, func: Option<Rc<Function>>) -> Frame {
        let mut cells: Vec<CellRef> = Vec::with_capacity(code.cellvars.len() + code.freevars.len());
        for _ in 0..code.cellvars.len() {
            cells.push(Rc::new(RefCell::new(None)));
        }
        if let Some(f) = &func {
            cells.extend(f.closure.iter().cloned());
        }
        Frame {
            fast: vec![None; code.varnames.len()],
            stack: Vec::with_capacity(8),
            cells,
            globals,
            namespace: None,
            blocks: Vec::new(),
            func,
            ip: 0,
            reraising: false,
            thrown: None,
            code,
        }
    }

    fn line(&self) -> u32 {
        let i = self.ip.saturating_sub(1);
        self.code
            .lines
            .get(i)
            .copied()
            .unwrap_or(self.code.first_line)
    }

    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }

    fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::None)
    }

    fn popn(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }
}

impl Step {
    fn call(callable: Value, args: Vec<Value>, kwargs: crate::objects::Kwargs) -> Step {
        Step::Call(PendingCall {
            callable,
            args,
            kwargs,
        })
    }
}

impl Vm<'_> {
    /// Run `f` until it returns, yields or raises.
    pub(crate) fn eval_frame(&mut self, f: &mut Frame) -> PyResult<FrameExit> {
        self.enter("")?;
        let result = self.eval_loop(f);
        self.leave();
        result
    }

    fn eval_loop(&mut self, f: &mut Frame) -> PyResult<FrameExit> {
        // Entering or resuming a frame is a poll point (as CPython's RESUME): with the
        // backward jumps, every unbounded computation passes one.
        let mut thrown = f.thrown.take().or_else(|| self.tick().err()).map(Err);
        loop {
            let step = match thrown.take() {
                Some(t) => t,
                None => self.run_instructions(f),
            };
            let outcome = match step {
                Ok(Step::Exit(exit)) => return Ok(exit),
                Ok(Step::Call(call)) => {
                    let PendingCall {
                        callable,
                        args,
                        kwargs,
                    } = call;
                    match &callable {
                        Value::Builtin(b)
                            if b.this.is_none()
                                && super::namespaces::needs_frame(b.name, &args) =>
                        {
                            let caller = super::namespaces::Caller::of(f);
                            self.call_frame_builtin(Some(caller), b.name, args, kwargs)
                        }
                        _ => self.call(&callable, args, kwargs),
                    }
                }
                Err(e) => Err(e),
            };
            match outcome {
                Ok(value) => f.stack.push(value),
                Err(e) => {
                    if !f.reraising {
                        e.push_traceback(TracebackEntry {
                            filename: f.code.filename.clone(),
                            line: f.line(),
                            name: f.code.name.clone(),
                            source: f.code.source.clone(),
                        });
                        if let Some(h) = &self.handled {
                            let data = e.data();
                            if !h.is(&e.0) && data.context.borrow().is_none() {
                                *data.context.borrow_mut() = Some(h.clone());
                            }
                        }
                    }
                    f.reraising = false;
                    if !self.find_handler(f, &e) {
                        return Err(e);
                    }
                }
            }
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn find_handler(&mut self, f: &mut Frame, e: &PyErr) -> bool {
        while let Some(block) = f.blocks.pop() {
            match block {
                Block::Handler { previous } => self.handled = previous,
                Block::Except { handler, level } => {
                    f.stack.truncate(level as usize);
                    let previous = self.handled.replace(e.0.clone());
                    f.blocks.push(Block::Handler { previous });
                    f.stack.push(e.0.clone());
                    f.ip = handler as usize;
                    return true;
                }
            }
        }
        false
    }

    /// Jump to `target`; a backward jump (a loop's next iteration) is a poll point, as
    /// CPython's `JUMP_BACKWARD`, so an interrupt names the loop's line as CPython does.
    #[inline(always)]
    fn jump(&mut self, f: &mut Frame, target: u32) -> PyResult<()> {
        if (target as usize) < f.ip {
            // Before jumping, so that an exception is raised at the jump's own line.
            self.tick()?;
        }
        f.ip = target as usize;
        Ok(())
    }

    fn run_instructions(&mut self, f: &mut Frame) -> PyResult<Step> {
        let code = f.code.clone();
        loop {
            if self.rt.abandoned.pending() {
                self.warn_never_awaited(Some(f));
                self.close_abandoned();
            }
            let instr = code.instrs[f.ip];
            f.ip += 1;
            match instr {
                Instr::Pop => {
                    f.pop();
                }
                Instr::Dup => {
                    let v = f.top().clone();
                    f.stack.push(v);
                }
                Instr::DupTwo => {
                    let n = f.stack.len();
                    let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Instr::RotTwo => {
                    let n = f.stack.len();
                    f.stack.swap(n - 1, n - 2);
                }
                Instr::RotThree => {
                    let v = f.pop();
                    let n = f.stack.len();
                    f.stack.insert(n - 2, v);
                }
                Instr::LoadConst(i) => f.stack.push(code.consts[i as usize].clone()),
                Instr::LoadFast(i) => match &f.fast[i as usize] {
                    Some(v) => f.stack.push(v.clone()),
                    None => {
                        let name = &code.varnames[i as usize];
                        return Err(PyErr::new(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                },
                Instr::StoreFast(i) => f.fast[i as usize] = Some(f.pop()),
                Instr::DeleteFast(i) => {
                    if f.fast[i as usize].take().is_none() {
                        let name = &code.varnames[i as usize];
                        return Err(PyErr::new(
                            "UnboundLocalError",
                            format!("cannot access local variable '{name}' where it is not associated with a value"),
                        ));
                    }
                }
                Instr::LoadDeref(i) => {
                    let v = f.cells[i as usize].borrow().clone();
                    match v {
                        Some(v) => f.stack.push(v),
                        None => return Err(self.unbound_deref(&code, i as usize)),
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = f.pop();
                    *f.cells[i as usize].borrow_mut() = Some(v);
                }
                Instr::DeleteDeref(i) => {
                    if f.cells[i as usize].borrow_mut().take().is_none() {
                        return Err(self.unbound_deref(&code, i as usize));
                    }
                }
                Instr::LoadClosure(i) => {
                    let cell = f.cells[i as usize].clone();
                    f.stack.push(super::protocol::cell_value(cell));
                }
                Instr::LoadGlobal(i) => {
                    let name = &code.names[i as usize];
                    let v = self.load_global(&f.globals, name)?;
                    f.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = f.pop();
                    f.globals
                        .attrs
                        .borrow_mut()
                        .insert(code.names[i as usize].clone(), v);
                }
                Instr::DeleteGlobal(i) => {
                    let name = &code.names[i as usize];
                    if f.globals.attrs.borrow_mut().shift_remove(&**name).is_none() {
                        return Err(PyErr::new(
                            "NameError",
                            format!("name '{name}' is not defined"),
                        ));
                    }
                }
                Instr::LoadName(i) => {
                    let name = &code.names[i as usize];
                    let local = f
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.attrs.borrow().get(&**name).cloned());
                    let v = match local {
                        Some(v) => v,
                        None => self.load_global(&f.globals, name)?,
                    };
                    f.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = f.pop();
                    let ns = f.namespace.clone().unwrap_or_else(|| f.globals.clone());
                    ns.attrs
                        .borrow_mut()
                        .insert(code.names[i as usize].clone(), v);
                }
                Instr::DeleteName(i) => {
                    let name = &code.names[i as usize];
                    let ns = f.namespace.clone().unwrap_or_else(|| f.globals.clone());
                    if ns.attrs.borrow_mut().shift_remove(&**name).is_none() {
                        return Err(PyErr::new(
                            "NameError",
                            format!("name '{name}' is not defined"),
                        ));
                    }
                }
                Instr::LoadAttr(i) => {
                    let obj = f.pop();
                    let v = self.getattr(&obj, &code.names[i as usize])?;
                    f.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let obj = f.pop();
                    let v = f.pop();
                    self.setattr(&obj, &code.names[i as usize], v)?;
                }
                Instr::DeleteAttr(i) => {
                    let obj = f.pop();
                    self.delattr(&obj, &code.names[i as usize])?;
                }
                Instr::LoadMethod(i) => {
                    let obj = f.pop();
                    let (callable, this) = self.load_method(obj, &code.names[i as usize])?;
                    f.stack.push(callable);
                    f.stack.push(this);
                }
                Instr::CallMethod(n) => {
                    let mut args = f.popn(n as usize);
                    let this = f.pop();
                    let callable = f.pop();
                    if !matches!(this, Value::Absent) {
                        args.insert(0, this);
                    }
                    return Ok(Step::call(callable, args, Vec::new()));
                }
                Instr::Subscript => {
                    let index = f.pop();
                    let obj = f.pop();
                    let v = self.getitem(&obj, &index)?;
                    f.stack.push(v);
                }
                Instr::StoreSubscript => {
                    let index = f.pop();
                    let obj = f.pop();
                    let v = f.pop();
                    self.setitem(&obj, index, v)?;
                }
                Instr::DeleteSubscript => {
                    let index = f.pop();
                    let obj = f.pop();
                    self.delitem(&obj, &index)?;
                }
                Instr::Binary(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let v = self.binary_op(op, &a, &b)?;
                    f.stack.push(v);
                }
                Instr::InPlace(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let v = self.inplace_op(op, a, &b)?;
                    f.stack.push(v);
                }
                Instr::Unary(op) => {
                    let a = f.pop();
                    let v = self.unary_op(op, &a)?;
                    f.stack.push(v);
                }
                Instr::Compare(op) => {
                    let b = f.pop();
                    let a = f.pop();
                    let v = match op {
                        CmpOp::Is => Value::Bool(a.is(&b)),
                        CmpOp::IsNot => Value::Bool(!a.is(&b)),
                        CmpOp::In => Value::Bool(self.contains(&b, &a)?),
                        CmpOp::NotIn => Value::Bool(!self.contains(&b, &a)?),
                        _ => self.rich_compare(&a, &b, op)?,
                    };
                    f.stack.push(v);
                }
                Instr::Jump(t) => self.jump(f, t)?,
                Instr::PopJumpIfFalse(t) => {
                    let v = f.pop();
                    if !self.truthy(&v)? {
                        self.jump(f, t)?;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = f.pop();
                    if self.truthy(&v)? {
                        self.jump(f, t)?;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    if !self.truthy(f.top())? {
                        f.ip = t as usize;
                    } else {
                        f.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    if self.truthy(f.top())? {
                        f.ip = t as usize;
                    } else {
                        f.pop();
                    }
                }
                Instr::GetIter => {
                    let v = f.pop();
                    let it = self.get_iter(&v)?;
                    f.stack.push(it);
                }
                Instr::ForIter(t) => {
                    let it = f.top().clone();
                    match self.next(&it)? {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.pop();
                            f.ip = t as usize;
                        }
                    }
                }
                Instr::YieldFromSend(t) => {
                    let sent = f.pop();
                    let it = f.top().clone();
                    match self.yield_from_send(&it, sent)? {
                        Ok(v) => f.stack.push(v),
                        Err(returned) => {
                            f.pop();
                            f.stack.push(returned);
                            f.ip = t as usize;
                        }
                    }
                }
                Instr::BuildList(n) => {
                    let items = f.popn(n as usize);
                    f.stack.push(Value::list(items));
                }
                Instr::BuildTuple(n) => {
                    let items = f.popn(n as usize);
                    f.stack.push(Value::tuple(items));
                }
                Instr::BuildSet(n) => {
                    let items = f.popn(n as usize);
                    let s = self.new_set(items, false)?;
                    f.stack.push(s);
                }
                Instr::BuildMap(n) => {
                    let items = f.popn(2 * n as usize);
                    let d = self.new_dict_from_pairs(items)?;
                    f.stack.push(d);
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { f.pop() } else { Value::None };
                    let stop = f.pop();
                    let start = f.pop();
                    f.stack.push(Value::Slice(Rc::new(crate::objects::PySlice {
                        start,
                        stop,
                        step,
                    })));
                }
                Instr::BuildString(n) => {
                    let parts = f.popn(n as usize);
                    let mut s = String::new();
                    for p in &parts {
                        if let Value::Str(ps) = p {
                            s.push_str(ps.as_str());
                        }
                    }
                    f.stack.push(Value::str(s));
                }
                Instr::ListAppend(d) => {
                    let v = f.pop();
                    let n = f.stack.len();
                    if let Value::List(l) = &f.stack[n - d as usize] {
                        let mut items = l.items.borrow_mut();
                        self.check_growth(items.len(), crate::memory::ITEM_BYTES)?;
                        items.push(v);
                    }
                }
                Instr::SetAdd(d) => {
                    let v = f.pop();
                    let n = f.stack.len();
                    let target = f.stack[n - d as usize].clone();
                    self.set_add(&target, v)?;
                }
                Instr::MapAdd(d) => {
                    let v = f.pop();
                    let k = f.pop();
                    let n = f.stack.len();
                    let target = f.stack[n - d as usize].clone();
                    self.setitem(&target, k, v)?;
                }
                Instr::ListExtend(d) => {
                    let v = f.pop();
                    let n = f.stack.len();
                    let target = f.stack[n - d as usize].clone();
                    let items = self.collect(&v)?;
                    if let Value::List(l) = &target {
                        let mut list = l.items.borrow_mut();
                        self.reserve(
                            list.len() as u64 + items.len() as u64,
                            crate::memory::ITEM_BYTES,
                        )?;
                        list.extend(items);
                    }
                }
                Instr::SetUpdate(d) => {
                    let v = f.pop();
                    let n = f.stack.len();
                    let target = f.stack[n - d as usize].clone();
                    crate::builtins::set_update(self, &target, &v)?;
                }
                Instr::DictUpdate(d) => {
                    let v = f.pop();
                    let n = f.stack.len();
                    let target = f.stack[n - d as usize].clone();
                    self.dict_update(&target, &v)?;
                }
                Instr::ListToTuple => {
                    let v = f.pop();
                    let items = match &v {
                        Value::List(l) => l.items.borrow().clone(),
                        _ => Vec::new(),
                    };
                    f.stack.push(Value::tuple(items));
                }
                Instr::UnpackSequence(n) => {
                    let v = f.pop();
                    let items = self.unpack(&v, n as usize)?;
                    f.stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx(before, after) => {
                    let v = f.pop();
                    let items = self.unpack_ex(&v, before as usize, after as usize)?;
                    f.stack.extend(items.into_iter().rev());
                }
                Instr::FormatValue(conversion, has_spec) => {
                    let spec = if has_spec { Some(f.pop()) } else { None };
                    let v = f.pop();
                    let s = self.format_value(&v, conversion, spec.as_ref())?;
                    f.stack.push(s);
                }
                Instr::MakeFunction(flags) => {
                    let code_v = f.pop();
                    let closure = if flags & 4 != 0 { Some(f.pop()) } else { None };
                    let kwdefaults = if flags & 2 != 0 { Some(f.pop()) } else { None };
                    let defaults = if flags & 1 != 0 { Some(f.pop()) } else { None };
                    let func = super::protocol::make_function(
                        self,
                        code_v,
                        f.globals.clone(),
                        defaults,
                        kwdefaults,
                        closure,
                    )?;
                    f.stack.push(func);
                }
                Instr::Call(n) => {
                    let args = f.popn(n as usize);
                    let callable = f.pop();
                    return Ok(Step::call(callable, args, Vec::new()));
                }
                Instr::CallKw(n) => {
                    let names = f.pop();
                    let mut args = f.popn(n as usize);
                    let callable = f.pop();
                    let names: Vec<Value> = match &names {
                        Value::Tuple(t) => t.items.clone(),
                        _ => Vec::new(),
                    };
                    let kw_values = args.split_off(args.len() - names.len());
                    let kwargs = names
                        .into_iter()
                        .zip(kw_values)
                        .map(|(k, v)| match k {
                            Value::Str(s) => (Rc::from(s.as_str()), v),
                            _ => (Rc::from(""), v),
                        })
                        .collect();
                    return Ok(Step::call(callable, args, kwargs));
                }
                Instr::CallEx(has_kw) => {
                    let kw = if has_kw { Some(f.pop()) } else { None };
                    let args = f.pop();
                    let callable = f.pop();
                    let args = match &args {
                        Value::Tuple(t) => t.items.clone(),
                        _ => Vec::new(),
                    };
                    let kwargs = match kw {
                        Some(d) => self.kwargs_from_dict(&callable, &d)?,
                        None => Vec::new(),
                    };
                    return Ok(Step::call(callable, args, kwargs));
                }
                Instr::Return => return Ok(Step::Exit(FrameExit::Return(f.pop()))),
                Instr::Yield => return Ok(Step::Exit(FrameExit::Yield(f.pop()))),
                Instr::GetAwaitable => {
                    let v = f.pop();
                    let it = self.get_awaitable(&v)?;
                    f.stack.push(it);
                }
                Instr::GetAIter => {
                    let v = f.pop();
                    let it = self.get_aiter(&v)?;
                    f.stack.push(it);
                }
                Instr::GetANext => {
                    let aiter = f.top().clone();
                    let awaitable = self.get_anext(&aiter)?;
                    f.stack.push(awaitable);
                }
                Instr::EndAsyncFor => {
                    let exc = f.pop();
                    if !self
                        .exception_matches(&exc, &Value::Class(types().exc("StopAsyncIteration")))?
                    {
                        f.reraising = true;
                        return Err(PyErr(exc));
                    }
                    if let Some(Block::Handler { previous }) = f.blocks.pop() {
                        self.handled = previous;
                    }
                    f.pop();
                }
                Instr::BeforeAsyncWith => {
                    let mgr = f.pop();
                    let (exit, entered) = self.before_async_with(&mgr)?;
                    f.stack.push(exit);
                    f.stack.push(entered);
                }
                Instr::SetupAsyncWith(t) => {
                    let v = f.pop();
                    f.blocks.push(Block::Except {
                        handler: t,
                        level: f.stack.len() as u32,
                    });
                    f.stack.push(v);
                }
                Instr::WithExitCall => {
                    let exit = f.pop();
                    let r = self.call(
                        &exit,
                        vec![Value::None, Value::None, Value::None],
                        Vec::new(),
                    )?;
                    f.stack.push(r);
                }
                Instr::SetupExcept(t) => {
                    f.blocks.push(Block::Except {
                        handler: t,
                        level: f.stack.len() as u32,
                    });
                }
                Instr::SetupWith(t) => {
                    let mgr = f.pop();
                    let exit = self.getattr(&mgr, "__exit__").map_err(|_| {
                        let tn = self.type_name(&mgr);
                        super::type_error(format!(
                            "'{tn}' object does not support the context manager protocol"
                        ))
                    })?;
                    let enter = self.getattr(&mgr, "__enter__")?;
                    f.stack.push(exit);
                    let v = self.call0(&enter)?;
                    f.blocks.push(Block::Except {
                        handler: t,
                        level: f.stack.len() as u32,
                    });
                    f.stack.push(v);
                }
                Instr::PopBlock => {
                    f.blocks.pop();
                }
                Instr::PopExcept => {
                    if let Some(Block::Handler { previous }) = f.blocks.pop() {
                        self.handled = previous;
                    }
                }
                Instr::Raise(n) => {
                    let e = self.raise(f, n)?;
                    if n == 0 {
                        f.reraising = true;
                    }
                    return Err(e);
                }
                Instr::Reraise => {
                    let v = f.pop();
                    f.reraising = true;
                    return Err(PyErr(v));
                }
                Instr::CheckExcMatch => {
                    let class = f.pop();
                    let exc = f.top().clone();
                    let m = self.exception_matches(&exc, &class)?;
                    f.stack.push(Value::Bool(m));
                }
                Instr::WithExitNormal => {
                    let exit = f.pop();
                    self.call(
                        &exit,
                        vec![Value::None, Value::None, Value::None],
                        Vec::new(),
                    )?;
                }
                Instr::WithExceptStart => {
                    let exc = f.top().clone();
                    let exit = f.stack[f.stack.len() - 2].clone();
                    let class = match &exc {
                        Value::Instance(i) => Value::Class(i.class.clone()),
                        _ => Value::None,
                    };
                    let r = self.call(&exit, vec![class, exc, Value::None], Vec::new())?;
                    f.stack.push(r);
                }
                Instr::BuildClass(name, nbases) | Instr::BuildClassKw(name, nbases) => {
                    let kwargs = if matches!(instr, Instr::BuildClassKw(..)) {
                        let d = f.pop();
                        self.dict_items(&d)
                            .into_iter()
                            .map(|(k, v)| match k {
                                Value::Str(s) => (Rc::from(s.as_str()), v),
                                _ => (Rc::from(""), v),
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let bases = f.popn(nbases as usize);
                    let body = f.pop();
                    let name = match &code.consts[name as usize] {
                        Value::Str(s) => s.as_str().to_string(),
                        _ => String::new(),
                    };
                    let class = self.build_class(&body, &name, bases, &f.globals, kwargs)?;
                    f.stack.push(class);
                }
                Instr::ImportTop(i) => {
                    let name = code.names[i as usize].clone();
                    self.import_value(&name)?;
                    let top = name.split('.').next().unwrap_or("");
                    let m = self.import_value(top)?;
                    f.stack.push(m);
                }
                Instr::ImportLeaf(i) => {
                    let name = code.names[i as usize].clone();
                    let m = self.import_value(&name)?;
                    f.stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    let name = code.names[i as usize].clone();
                    let from = f.top().clone();
                    let v = self.import_from(&from, &name)?;
                    f.stack.push(v);
                }
                Instr::ImportStar => {
                    let m = f.pop();
                    if let Value::Module(m) = m {
                        let ns = f.namespace.clone().unwrap_or_else(|| f.globals.clone());
                        let items: Vec<(Rc<str>, Value)> = m
                            .attrs
                            .borrow()
                            .iter()
                            .filter(|(k, _)| !k.starts_with('_'))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect();
                        ns.attrs.borrow_mut().extend(items);
                    }
                }
                Instr::LoadSuper => {
                    let v = self.zero_arg_super(f)?;
                    f.stack.push(v);
                }
                Instr::PrintExpr => {
                    let value = f.pop();
                    crate::interpreter::display(self, value)?;
                }
                Instr::LoadAssertionError => {
                    f.stack.push(Value::Class(types().exc("AssertionError")))
                }
                Instr::Rotate(n) => {
                    let v = f.pop();
                    let at = f.stack.len().saturating_sub(n as usize - 1);
                    f.stack.insert(at, v);
                }
                Instr::GetLen => {
                    let n = self.len(f.top())?;
                    f.stack.push(Value::Int(n as i64));
                }
                Instr::MatchSequence => {
                    let is = self.match_sequence(f.top());
                    f.stack.push(Value::Bool(is));
                }
                Instr::MatchMapping => {
                    let is = self.match_mapping(f.top());
                    f.stack.push(Value::Bool(is));
                }
                Instr::MatchKeys => {
                    let n = f.stack.len();
                    let (subject, keys) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                    let values = self.match_keys(&subject, &keys)?;
                    f.stack.push(values);
                }
                Instr::MatchClass(nargs) => {
                    let names = f.pop();
                    let class = f.pop();
                    let subject = f.pop();
                    let attrs = self.match_class(&subject, &class, nargs as usize, &names)?;
                    f.stack.push(attrs);
                }
                Instr::DictWithoutKeys => {
                    let keys = f.pop();
                    let subject = f.pop();
                    let rest = self.dict_without_keys(&subject, &keys)?;
                    f.stack.push(rest);
                }
            }
        }
    }

    /// `from m import name`: the module's attribute, or any object's (for what a
    /// program put in `sys.modules`).
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn import_from(&mut self, from: &Value, name: &str) -> PyResult<Value> {
        if let Value::Module(m) = from {
            let found = m.attrs.borrow().get(name).cloned();
            if let Some(v) = found {
                return Ok(v);
            }
            let location = match m.attrs.borrow().get("__file__") {
                Some(Value::Str(file)) => file.as_str().to_owned(),
                _ => "unknown location".to_owned(),
            };
            let partly = if m.initializing.get() {
                "partially initialized module "
            } else {
                ""
            };
            let circular = if m.initializing.get() {
                " (most likely due to a circular import)"
            } else {
                ""
            };
            return Err(PyErr::new(
                "ImportError",
                format!(
                    "cannot import name '{name}' from {partly}'{}'{circular} ({location})",
                    m.name
                ),
            ));
        }
        match self.getattr(from, name) {
            Err(e) if e.is("AttributeError") => {
                let owner = match self.getattr(from, "__name__") {
                    Ok(Value::Str(s)) => s.as_str().to_string(),
                    _ => "<unknown module name>".to_string(),
                };
                Err(PyErr::new(
                    "ImportError",
                    format!("cannot import name '{name}' from '{owner}' (unknown location)"),
                ))
            }
            other => other,
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn unbound_deref(&self, code: &Code, i: usize) -> PyErr {
        let name = if i < code.cellvars.len() {
            &code.cellvars[i]
        } else {
            &code.freevars[i - code.cellvars.len()]
        };
        if i < code.cellvars.len() {
            PyErr::new(
                "UnboundLocalError",
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            PyErr::new("NameError", format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn load_global(&mut self, globals: &Rc<Module>, name: &Rc<str>) -> PyResult<Value> {
        if let Some(v) = globals.attrs.borrow().get(&**name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.rt.builtins.attrs.borrow().get(&**name) {
            return Ok(v.clone());
        }
        let candidates: Vec<Rc<str>> = globals
            .attrs
            .borrow()
            .keys()
            .chain(self.rt.builtins.attrs.borrow().keys())
            .cloned()
            .collect();
        let suggestion = crate::text::suggest::suggest(name, candidates.iter().map(|s| &**s))
            .map(|s| s.to_string());
        Err(
            PyErr::new("NameError", format!("name '{name}' is not defined"))
                .set_suggestion(suggestion.as_deref()),
        )
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn raise(&mut self, f: &mut Frame, n: u8) -> PyResult<PyErr> {
        if n == 0 {
            return match &self.handled {
                Some(e) => Ok(PyErr(e.clone())),
                None => Err(super::runtime_error("No active exception to reraise")),
            };
        }
        let cause = if n == 2 { Some(f.pop()) } else { None };
        let exc = f.pop();
        let e = self.make_exception(exc)?;
        if let Some(cause) = cause {
            let cause = if cause.is_none() {
                None
            } else {
                Some(self.make_exception(cause)?.0)
            };
            *e.data().cause.borrow_mut() = cause;
            e.data().suppress_context.set(true);
        }
        Ok(e)
    }

    /// Turn a raised value (class or instance) into an exception, or a TypeError.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn make_exception(&mut self, exc: Value) -> PyResult<PyErr> {
        match &exc {
            Value::Class(c) if c.is_exception => {
                let v = self.call0(&exc)?;
                Ok(PyErr(v))
            }
            Value::Instance(i) if i.exc.is_some() => Ok(PyErr(exc.clone())),
            _ => Err(super::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn exception_matches(&mut self, exc: &Value, class: &Value) -> PyResult<bool> {
        let Value::Instance(inst) = exc else {
            return Ok(false);
        };
        match class {
            Value::Class(c) if c.is_exception => Ok(inst.class.is_subclass(c)),
            Value::Tuple(t) => {
                for c in t.items.iter() {
                    if self.exception_matches(exc, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(super::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn zero_arg_super(&mut self, f: &Frame) -> PyResult<Value> {
        let owner = f
            .func
            .as_ref()
            .and_then(|func| func.owner.borrow().as_ref().and_then(|w| w.upgrade()));
        let Some(owner) = owner else {
            return Err(super::runtime_error("super(): __class__ cell not found"));
        };
        let this = match f.fast.first() {
            Some(Some(v)) => v.clone(),
            _ => {
                // `self` may have been moved into a cell.
                match f.code.cell_params.iter().find(|(_, p)| *p == 0) {
                    Some((c, _)) => f.cells[*c as usize].borrow().clone().unwrap_or(Value::None),
                    None => return Err(super::runtime_error("super(): no arguments")),
                }
            }
        };
        Ok(Value::Super(Rc::new(crate::objects::SuperObj {
            after: owner,
            this,
        })))
    }

    /// One step of `yield from it`: `Ok(value)` yielded, `Err(value)` returned.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn yield_from_send(&mut self, it: &Value, sent: Value) -> PyResult<Result<Value, Value>> {
        if let Value::Generator(g) = it {
            return self.resume_generator(g, sent);
        }
        if let Value::Iterator(cell) = it {
            if matches!(
                &*cell.borrow(),
                crate::objects::NativeIter::AsyncGenStep { .. }
            ) {
                return self.step_async_gen(cell, Resume::Send(sent));
            }
        }
        if sent.is_none() {
            if let Value::Instance(i) = it {
                // Called directly so that a StopIteration's value is the result.
                if let Some(next) = i.class.lookup("__next__") {
                    return match self.call1(&next, it.clone()) {
                        Ok(v) => Ok(Ok(v)),
                        Err(e) if e.is("StopIteration") => Ok(Err(self.getattr(&e.0, "value")?)),
                        Err(e) => Err(e),
                    };
                }
            }
            return Ok(self.next(it)?.ok_or(Value::None));
        }
        let send = self.getattr(it, "send")?;
        match self.call1(&send, sent) {
            Ok(v) => Ok(Ok(v)),
            Err(e) if e.is("StopIteration") => {
                let value = self.getattr(&e.0, "value")?;
                Ok(Err(value))
            }
            Err(e) => Err(e),
        }
    }

    /// `gen.close()`: raise GeneratorExit at its `yield`; it must not yield again.
    pub(crate) fn close_generator(&mut self, gen: &Rc<crate::objects::Generator>) -> PyResult<()> {
        if gen.state.get() != GeneratorState::Suspended {
            gen.state.set(GeneratorState::Finished);
            gen.frame.borrow_mut().take();
            return Ok(());
        }
        match self.resume_generator_with(gen, Resume::Throw(PyErr::new_empty("GeneratorExit"))) {
            Ok(Ok(_)) => Err(super::runtime_error(format!(
                "{} ignored GeneratorExit",
                gen.kind.type_name()
            ))),
            Ok(Err(_)) => Ok(()),
            Err(e) if e.is("GeneratorExit") || e.is("StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// CPython's RuntimeWarning for each coroutine collected without being awaited,
    /// placed at the line `f` is running (`sys:1` once the program is over); shown once
    /// per line and coroutine, as the `warnings` module's default action.
    #[inline(never)]
    pub(crate) fn warn_never_awaited(&mut self, f: Option<&Frame>) {
        for name in self.rt.abandoned.take_never_awaited() {
            let key = match f {
                Some(f) => format!("{}:{}:{name}", f.code.filename, f.line()),
                None => format!("sys:1:{name}"),
            };
            if !self.rt.warnings_shown.insert(key) {
                continue;
            }
            let report = match f {
                Some(f) => {
                    let line = f.line();
                    let text = f
                        .code
                        .source
                        .lines()
                        .nth((line as usize).saturating_sub(1))
                        .unwrap_or("")
                        .trim();
                    format!(
                        "{}:{line}: RuntimeWarning: coroutine '{name}' was never awaited\n  \
                         {text}\nRuntimeWarning: Enable tracemalloc to get the object \
                         allocation traceback\n",
                        f.code.filename
                    )
                }
                None => format!("sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"),
            };
            self.host.write(crate::host::Stream::Stderr, &report);
        }
    }

    /// What CPython prints at exit for the coroutines never started: those dropped since
    /// the last instruction and those still alive (each once).
    pub(crate) fn never_awaited_at_exit(&mut self) -> String {
        let mut names = self.rt.abandoned.take_never_awaited();
        for weak in std::mem::take(&mut self.rt.coroutines) {
            if let Some(g) = weak.upgrade() {
                if g.state.get() == GeneratorState::Created && !g.reported.get() {
                    g.reported.set(true);
                    names.push(g.qualname.clone());
                }
            }
        }
        let mut report = String::new();
        for name in names {
            if self.rt.warnings_shown.insert(format!("sys:1:{name}")) {
                report.push_str(&format!(
                    "sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n"
                ));
            }
        }
        report
    }

    /// Close the frames of generators dropped while suspended, as CPython's collector
    /// would; an exception in one is reported as "Exception ignored", as CPython does.
    #[inline(never)]
    pub(crate) fn close_abandoned(&mut self) {
        while let Some(abandoned) = self.rt.abandoned.pop() {
            let gen = Rc::new(crate::objects::Generator {
                frame: RefCell::new(Some(abandoned.frame)),
                state: std::cell::Cell::new(GeneratorState::Suspended),
                kind: abandoned.kind,
                name: abandoned.name,
                qualname: abandoned.qualname,
                abandoned: self.rt.abandoned.clone(),
                reported: std::cell::Cell::new(abandoned.reported),
            });
            let finalizer = match gen.kind {
                GenKind::AsyncGenerator if !abandoned.reported => {
                    self.rt.asyncgen_finalizer.clone()
                }
                _ => None,
            };
            if let Some(finalizer) = finalizer {
                gen.reported.set(true);
                if let Err(e) = self.call1(&finalizer, Value::Generator(gen.clone())) {
                    let report = format!(
                        "Exception ignored in: {}\n{}",
                        self.repr(&finalizer).unwrap_or_default(),
                        super::format_exception(self, &e)
                    );
                    self.host.write(crate::host::Stream::Stderr, &report);
                }
                continue;
            }
            let result = self.close_generator(&gen);
            // Finished whatever happened, so dropping it never queues the frame again.
            gen.state.set(GeneratorState::Finished);
            gen.frame.borrow_mut().take();
            if let Err(e) = result {
                let shown = self
                    .repr(&Value::Generator(gen.clone()))
                    .unwrap_or_default();
                let report = format!(
                    "Exception ignored in: {shown}\n{}",
                    super::format_exception(self, &e)
                );
                self.host.write(crate::host::Stream::Stderr, &report);
            }
        }
    }

    /// Resume a generator with `send(value)` or `throw(exc)`: `Ok(Ok(v))` when it
    /// yielded `v`, `Ok(Err(r))` when it returned `r` (the StopIteration value).
    pub(crate) fn resume_generator(
        &mut self,
        gen: &Rc<crate::objects::Generator>,
        sent: Value,
    ) -> PyResult<Result<Value, Value>> {
        self.resume_generator_with(gen, Resume::Send(sent))
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn resume_generator_with(
        &mut self,
        gen: &Rc<crate::objects::Generator>,
        how: Resume,
    ) -> PyResult<Result<Value, Value>> {
        let state = gen.state.get();
        if state == GeneratorState::Running {
            return Err(super::value_error("generator already executing"));
        }
        let how = match how {
            // Thrown into a generator that is not at a `yield`: it just finishes, raising.
            Resume::Throw(e) if state != GeneratorState::Suspended => {
                gen.state.set(GeneratorState::Finished);
                gen.frame.borrow_mut().take();
                return Err(e);
            }
            Resume::Send(_)
                if state == GeneratorState::Finished && gen.kind == GenKind::Coroutine =>
            {
                return Err(super::runtime_error(
                    "cannot reuse already awaited coroutine",
                ));
            }
            _ if state == GeneratorState::Finished => return Ok(Err(Value::None)),
            Resume::Send(sent) if state == GeneratorState::Created && !sent.is_none() => {
                return Err(super::type_error(format!(
                    "can't send non-None value to a just-started {}",
                    gen.kind.type_name()
                )));
            }
            other => other,
        };
        let Some(mut frame) = gen.frame.borrow_mut().take() else {
            return Ok(Err(Value::None));
        };
        gen.state.set(GeneratorState::Running);
        match how {
            Resume::Send(sent) => {
                if state == GeneratorState::Suspended {
                    frame.stack.push(sent);
                }
            }
            Resume::Throw(e) => match super::coroutines::delegation_exit(&frame) {
                Some(exit) => {
                    let inner = frame.stack.last().cloned().unwrap_or(Value::None);
                    match self.throw_into_delegate(&inner, e) {
                        Ok(Ok(v)) => {
                            *gen.frame.borrow_mut() = Some(frame);
                            gen.state.set(GeneratorState::Suspended);
                            return Ok(Ok(v));
                        }
                        Ok(Err(returned)) => {
                            frame.stack.pop();
                            frame.stack.push(returned);
                            frame.ip = exit as usize;
                        }
                        Err(e) => frame.thrown = Some(e),
                    }
                }
                None => frame.thrown = Some(e),
            },
        }
        let saved_handled = self.handled.take();
        let result = self.eval_frame(&mut frame);
        self.handled = saved_handled;
        match result {
            Ok(FrameExit::Yield(v)) => {
                *gen.frame.borrow_mut() = Some(frame);
                gen.state.set(GeneratorState::Suspended);
                Ok(Ok(v))
            }
            Ok(FrameExit::Return(v)) => {
                gen.state.set(GeneratorState::Finished);
                Ok(Err(v))
            }
            Err(e) => {
                gen.state.set(GeneratorState::Finished);
                if e.is("StopIteration") {
                    let err = super::runtime_error(format!(
                        "{} raised StopIteration",
                        gen.kind.type_name()
                    ));
                    *err.data().cause.borrow_mut() = Some(e.0.clone());
                    return Err(err);
                }
                Err(e)
            }
        }
    }
}
