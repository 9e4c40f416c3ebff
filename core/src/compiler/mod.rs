//! The compiler: ruff's AST to [`Code`] objects.
//!
//! One [`Unit`] per code object being emitted (module, class body, function, lambda,
//! comprehension), nested as the scopes are. Names are resolved through the
//! [`scope::SymbolTable`] built beforehand. `return`, `break` and `continue` leave
//! enclosing blocks by emitting their clean-up inline (the `finally` body, `__exit__`,
//! popping loop iterators), so the VM's block stack only ever holds exception handlers.

mod code;
mod constants;
mod patterns;
mod scope;

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

pub(crate) use code::{BinOp, CmpOp, Code, CodeKind, Instr, UnaryOp};
use scope::{NameAccess, ScopeKind, SymbolTable};

use crate::objects::Value;

/// A compile error: message and 0-based byte offset.
pub(crate) struct CompileError {
    pub(crate) message: String,
    pub(crate) offset: TextSize,
}

type CResult<T> = Result<T, CompileError>;

fn err<T>(message: impl Into<String>, range: TextRange) -> CResult<T> {
    Err(CompileError {
        message: message.into(),
        offset: range.start(),
    })
}

/// Compile a parsed module.
pub(crate) fn compile_module(
    body: &[Stmt],
    source: &Rc<str>,
    filename: &Rc<str>,
) -> CResult<Rc<Code>> {
    compile_unit(body, source, filename, None, false)
}

/// Compile one input of an interactive loop: a module whose top-level expression
/// statements print their values ([`Instr::PrintExpr`]), as CPython's `'single'` mode.
pub(crate) fn compile_interactive(
    body: &[Stmt],
    source: &Rc<str>,
    filename: &Rc<str>,
) -> CResult<Rc<Code>> {
    compile_unit(body, source, filename, None, true)
}

/// Compile source for `exec()` (`eval: false`) or `eval()` (one expression statement,
/// whose value the code returns). Its top-level names are looked up in the frame's
/// namespace first (the `locals` argument), then its globals, as in a class body.
pub(crate) fn compile_exec(
    body: &[Stmt],
    source: &Rc<str>,
    filename: &Rc<str>,
    eval: bool,
) -> CResult<Rc<Code>> {
    compile_unit(body, source, filename, Some(eval), false)
}

fn compile_unit(
    body: &[Stmt],
    source: &Rc<str>,
    filename: &Rc<str>,
    exec: Option<bool>,
    interactive: bool,
) -> CResult<Rc<Code>> {
    let returns_expression = exec == Some(true);
    let table = SymbolTable::build(body).map_err(|e| CompileError {
        message: e.message,
        offset: e.range.start(),
    })?;
    let lines = LineIndex::new(source);
    let mut c = Compiler {
        table,
        lines,
        source: source.clone(),
        filename: filename.clone(),
        units: Vec::new(),
        top_level_names_in_namespace: exec.is_some(),
        interactive,
        future_annotations: false,
    };
    c.push_unit(0, "<module>".into(), "<module>".into(), CodeKind::Module, 1);
    match body {
        [Stmt::Expr(e)] if returns_expression => c.expr(&e.value)?,
        _ => {
            c.setup_annotations(body);
            c.stmts(body)?;
            c.load_const(Value::None);
        }
    }
    c.emit(Instr::Return);
    Ok(Rc::new(c.pop_unit()))
}

/// Maps byte offsets to 1-based line numbers.
pub(crate) struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub(crate) fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }
    pub(crate) fn line(&self, offset: TextSize) -> u32 {
        let o = u32::from(offset);
        match self.starts.binary_search(&o) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    pub(crate) fn column(&self, source: &str, offset: TextSize) -> u32 {
        let line = self.line(offset) as usize;
        let start = self.starts[line - 1] as usize;
        let end = (u32::from(offset) as usize).min(source.len());
        source
            .get(start..end)
            .map(|s| s.chars().count() as u32)
            .unwrap_or(0)
            + 1
    }
}

/// Blocks that `return`/`break`/`continue` must clean up when leaving them.
///
/// Each variant knows what it keeps on the value stack, so leaving it pops exactly that:
/// the unwinding code emitted for a jump out of nested blocks is the concatenation of
/// each block's clean-up, innermost first, and a `finally` body inlined on the way out
/// is compiled under [`Block::PendingReturn`] when a return value waits below it.
enum Block<'a> {
    /// A loop; `iterator` when a for-iterator sits on the stack.
    Loop {
        start: usize,
        breaks: Vec<usize>,
        iterator: bool,
    },
    /// Inside a `try` body with an except handler (PopBlock).
    Try,
    /// Inside a `try` body whose `finally` must run on the way out.
    Finally(&'a [Stmt]),
    /// Inside an `except` handler (PopExcept), maybe with a bound name to unbind.
    Handler(Option<&'a ast::Identifier>),
    /// Inside a `finally` body run for an exception: the exception is on the stack
    /// (for the Reraise that ends the body) and an except-handler block is active.
    FinallyOnException,
    /// Inside a `with` body: `__exit__` is on the stack (PopBlock and call it).
    With,
    /// Inside an `async with` body: `__aexit__` is on the stack (call it and await).
    AsyncWith,
    /// Inside a `finally` body inlined for a `return`: the return value is on the stack.
    PendingReturn,
}

/// The clean-up of one block, copied out of the block stack so it can be emitted.
enum Cleanup<'a> {
    PopIterator,
    Nothing,
    PopBlock,
    PopExcept(Option<&'a ast::Identifier>),
    DropException,
    ExitWith,
    ExitAsyncWith,
    RunFinally(&'a [Stmt]),
    DropReturnValue,
}

struct Unit<'a> {
    scope: usize,
    code: Code,
    blocks: Vec<Block<'a>>,
    consts_index: HashMap<ConstKey, u32>,
    names_index: HashMap<Rc<str>, u32>,
    line: u32,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Str(Rc<str>),
}

struct Compiler<'a> {
    table: SymbolTable,
    lines: LineIndex,
    source: Rc<str>,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    /// `exec`/`eval` code: top-level names go through the namespace (see `compile_exec`).
    top_level_names_in_namespace: bool,
    /// Top-level expression statements print their value (an interactive input).
    interactive: bool,
    /// After `from __future__ import annotations`: `__annotations__` holds source text.
    future_annotations: bool,
}

/// `str()` of an identifier as an interned name.
fn name_of(s: &str) -> Rc<str> {
    Rc::from(s)
}

impl<'a> Compiler<'a> {
    fn push_unit(
        &mut self,
        scope: usize,
        name: Rc<str>,
        qualname: Rc<str>,
        kind: CodeKind,
        line: u32,
    ) {
        let s = &self.table.scopes[scope];
        let varnames: Vec<Rc<str>> = s.locals.iter().map(|n| name_of(n)).collect();
        let cellvars: Vec<Rc<str>> = s.cells.iter().map(|n| name_of(n)).collect();
        let freevars: Vec<Rc<str>> = s.frees.iter().map(|n| name_of(n)).collect();
        let cell_params = cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| {
                s.params
                    .iter()
                    .position(|p| **p == **n)
                    .map(|pi| (ci as u32, pi as u32))
            })
            .collect();
        let code = Code {
            name,
            qualname,
            filename: self.filename.clone(),
            instrs: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars,
            freevars,
            cell_params,
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            has_varargs: false,
            has_varkw: false,
            is_generator: s.is_generator,
            is_coroutine: s.is_async,
            kind,
            first_line: line,
            source: self.source.clone(),
            doc: None,
        };
        self.units.push(Unit {
            scope,
            code,
            blocks: Vec::new(),
            consts_index: HashMap::new(),
            names_index: HashMap::new(),
            line,
        });
    }

    fn pop_unit(&mut self) -> Code {
        self.units
            .pop()
            .map(|u| u.code)
            .expect("unit stack underflow")
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no unit")
    }

    fn set_line(&mut self, range: TextRange) {
        let line = self.lines.line(range.start());
        self.unit().line = line;
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.unit();
        u.code.instrs.push(i);
        u.code.lines.push(u.line);
        u.code.instrs.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().code.instrs.len() as u32
    }

    /// Point the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here();
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let ins = &mut self.unit().code.instrs[at];
        *ins = match *ins {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::YieldFromSend(_) => Instr::YieldFromSend(target),
            Instr::SetupExcept(_) => Instr::SetupExcept(target),
            Instr::SetupWith(_) => Instr::SetupWith(target),
            Instr::SetupAsyncWith(_) => Instr::SetupAsyncWith(target),
            other => other,
        };
    }

    fn const_index(&mut self, v: Value) -> u32 {
        let key = match &v {
            Value::Int(i) => Some(ConstKey::Int(*i)),
            Value::Str(s) => Some(ConstKey::Str(Rc::from(s.as_str()))),
            _ => None,
        };
        let u = self.unit();
        if let Some(k) = &key {
            if let Some(&i) = u.consts_index.get(k) {
                return i;
            }
        }
        u.code.consts.push(v);
        let i = (u.code.consts.len() - 1) as u32;
        if let Some(k) = key {
            u.consts_index.insert(k, i);
        }
        i
    }

    fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Instr::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.names_index.get(name) {
            return i;
        }
        let rc: Rc<str> = Rc::from(name);
        u.code.names.push(rc.clone());
        let i = (u.code.names.len() - 1) as u32;
        u.names_index.insert(rc, i);
        i
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units.last().expect("unit").scope].kind
    }

    fn cell_index(&self, name: &str) -> u32 {
        let code = &self.units.last().expect("unit").code;
        if let Some(i) = code.cellvars.iter().position(|n| &**n == name) {
            return i as u32;
        }
        let i = code.freevars.iter().position(|n| &**n == name).unwrap_or(0);
        (code.cellvars.len() + i) as u32
    }

    fn fast_index(&self, name: &str) -> u32 {
        let code = &self.units.last().expect("unit").code;
        code.varnames.iter().position(|n| &**n == name).unwrap_or(0) as u32
    }

    fn access(&self, name: &str) -> NameAccess {
        let access = self.table.scopes[self.units.last().expect("unit").scope].access(name);
        match access {
            NameAccess::Global if self.top_level_names_in_namespace && self.units.len() == 1 => {
                NameAccess::Name
            }
            other => other,
        }
    }

    fn load_name(&mut self, name: &str) {
        match self.access(name) {
            NameAccess::Fast => {
                let i = self.fast_index(name);
                self.emit(Instr::LoadFast(i));
            }
            NameAccess::Deref => {
                let i = self.cell_index(name);
                self.emit(Instr::LoadDeref(i));
            }
            NameAccess::Global => {
                let i = self.name_index(name);
                self.emit(Instr::LoadGlobal(i));
            }
            NameAccess::Name => {
                let i = self.name_index(name);
                self.emit(Instr::LoadName(i));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        match self.access(name) {
            NameAccess::Fast => {
                let i = self.fast_index(name);
                self.emit(Instr::StoreFast(i));
            }
            NameAccess::Deref => {
                let i = self.cell_index(name);
                self.emit(Instr::StoreDeref(i));
            }
            NameAccess::Global => {
                let i = self.name_index(name);
                self.emit(Instr::StoreGlobal(i));
            }
            NameAccess::Name => {
                let i = self.name_index(name);
                self.emit(Instr::StoreName(i));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        match self.access(name) {
            NameAccess::Fast => {
                let i = self.fast_index(name);
                self.emit(Instr::DeleteFast(i));
            }
            NameAccess::Deref => {
                let i = self.cell_index(name);
                self.emit(Instr::DeleteDeref(i));
            }
            NameAccess::Global => {
                let i = self.name_index(name);
                self.emit(Instr::DeleteGlobal(i));
            }
            NameAccess::Name => {
                let i = self.name_index(name);
                self.emit(Instr::DeleteName(i));
            }
        }
    }

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn qualname(&self, name: &str) -> Rc<str> {
        // Enclosing function scopes add "<locals>"; classes add their name.
        let mut parts: Vec<String> = Vec::new();
        for u in self.units.iter().skip(1) {
            parts.push(u.code.qualname.to_string());
        }
        match self.units.last() {
            Some(u) if u.code.kind == CodeKind::Function => {
                format!("{}.<locals>.{}", u.code.qualname, name).into()
            }
            Some(u) if u.code.kind == CodeKind::Class => {
                format!("{}.{}", u.code.qualname, name).into()
            }
            _ => name.into(),
        }
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult<()> {
        self.set_line(s.range());
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                if self.interactive && self.units.len() == 1 {
                    self.emit(Instr::PrintExpr);
                } else {
                    self.emit(Instr::Pop);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign(t)?;
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.assign(&a.target)?;
                }
                // In a module or class body, `name: T` records T in `__annotations__`
                // (evaluated, as CPython 3.11 does without `from __future__ import
                // annotations`); in functions annotations are not evaluated.
                let recorded = self.unit().code.kind != CodeKind::Function;
                if let (true, true, Expr::Name(n)) = (recorded, a.simple, &*a.target) {
                    if self.future_annotations {
                        let range = a.annotation.range();
                        let text = &self.source[range.start().to_usize()..range.end().to_usize()];
                        self.load_const(Value::str(text.to_string()));
                    } else {
                        self.expr(&a.annotation)?;
                    }
                    self.load_name("__annotations__");
                    self.load_const(Value::str(n.id.to_string()));
                    self.emit(Instr::StoreSubscript);
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::Pass(_) => {}
            Stmt::If(i) => {
                self.expr(&i.test)?;
                let mut pending = Some(self.emit(Instr::PopJumpIfFalse(0)));
                self.stmts(&i.body)?;
                let mut ends = Vec::new();
                for clause in &i.elif_else_clauses {
                    ends.push(self.emit(Instr::Jump(0)));
                    if let Some(p) = pending.take() {
                        self.patch(p);
                    }
                    self.set_line(clause.range());
                    if let Some(t) = &clause.test {
                        self.expr(t)?;
                        pending = Some(self.emit(Instr::PopJumpIfFalse(0)));
                    }
                    self.stmts(&clause.body)?;
                }
                if let Some(p) = pending {
                    self.patch(p);
                }
                for e in ends {
                    self.patch(e);
                }
            }
            Stmt::While(w) => {
                let start = self.here() as usize;
                self.expr(&w.test)?;
                let exit = self.emit(Instr::PopJumpIfFalse(0));
                self.unit().blocks.push(Block::Loop {
                    start,
                    breaks: Vec::new(),
                    iterator: false,
                });
                self.stmts(&w.body)?;
                self.set_line(w.range); // the jump back belongs to the `while` line, as in CPython
                self.emit(Instr::Jump(start as u32));
                let breaks = match self.unit().blocks.pop() {
                    Some(Block::Loop { breaks, .. }) => breaks,
                    _ => Vec::new(),
                };
                self.patch(exit);
                self.stmts(&w.orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                let (start, exit) = if f.is_async {
                    self.emit(Instr::GetAIter);
                    let start = self.here() as usize;
                    (start, self.async_for_next())
                } else {
                    self.emit(Instr::GetIter);
                    let start = self.here() as usize;
                    (start, self.emit(Instr::ForIter(0)))
                };
                self.unit().blocks.push(Block::Loop {
                    start,
                    breaks: Vec::new(),
                    iterator: true,
                });
                self.assign(&f.target)?;
                self.stmts(&f.body)?;
                self.set_line(f.range);
                self.emit(Instr::Jump(start as u32));
                let breaks = match self.unit().blocks.pop() {
                    Some(Block::Loop { breaks, .. }) => breaks,
                    _ => Vec::new(),
                };
                if f.is_async {
                    self.patch(exit);
                    self.emit(Instr::EndAsyncFor);
                } else {
                    self.patch(exit);
                }
                self.stmts(&f.orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            Stmt::Break(b) => self.break_or_continue(true, b.range)?,
            Stmt::Continue(c) => self.break_or_continue(false, c.range)?,
            Stmt::Return(r) => {
                if self.scope_kind() != ScopeKind::Function {
                    return err("'return' outside function", r.range);
                }
                let code = &self.units.last().expect("unit").code;
                if r.value.is_some() && code.is_generator && code.is_coroutine {
                    return err("'return' with value in async generator", r.range);
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_for_return()?;
                self.emit(Instr::Return);
            }
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                let scope = self.table.scope_of(f);
                let qualname = self.qualname(&f.name);
                self.make_function(
                    scope,
                    name_of(&f.name),
                    qualname,
                    &f.parameters,
                    FunctionBody::Stmts(&f.body),
                    f.range,
                )?;
                for _ in &f.decorator_list {
                    self.emit(Instr::Call(1));
                }
                self.store_name(&f.name);
            }
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(t)?;
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let ok = self.emit(Instr::PopJumpIfTrue(0));
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(ok);
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return err("except* is not supported", t.range);
                }
                if t.finalbody.is_empty() {
                    self.try_except(t)?;
                } else {
                    self.try_finally(t)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.async_with(&w.items, &w.body)?;
                } else {
                    self.with(&w.items, &w.body)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let idx = self.name_index(&alias.name);
                    match &alias.asname {
                        Some(as_name) => {
                            self.emit(Instr::ImportLeaf(idx));
                            self.store_name(as_name);
                        }
                        None => {
                            self.emit(Instr::ImportTop(idx));
                            let top = alias.name.split('.').next().unwrap_or("");
                            self.store_name(top);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                if i.level > 0 {
                    return err(
                        "attempted relative import with no known parent package",
                        i.range,
                    );
                }
                let module = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                if module == "__future__"
                    && i.names.iter().any(|n| n.name.as_str() == "annotations")
                {
                    self.future_annotations = true;
                }
                let idx = self.name_index(&module);
                self.emit(Instr::ImportLeaf(idx));
                if i.names.iter().any(|a| &*a.name == "*") {
                    self.emit(Instr::ImportStar);
                } else {
                    for alias in &i.names {
                        let n = self.name_index(&alias.name);
                        self.emit(Instr::ImportFrom(n));
                        self.store_name(alias.asname.as_ref().unwrap_or(&alias.name));
                    }
                    self.emit(Instr::Pop);
                }
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(t) => return err("type aliases are not supported", t.range),
            Stmt::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    fn break_or_continue(&mut self, is_break: bool, range: TextRange) -> CResult<()> {
        // Unwind blocks inside the innermost loop, then pop its iterator on break.
        let n = self.unit().blocks.len();
        let loop_pos = (0..n).rev().find(|&i| {
            matches!(
                self.units.last().expect("unit").blocks[i],
                Block::Loop { .. }
            )
        });
        let Some(loop_pos) = loop_pos else {
            return err(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                range,
            );
        };
        for i in (loop_pos + 1..n).rev() {
            self.unwind_block(i, false)?;
        }
        let (start, iterator) = match &self.units.last().expect("unit").blocks[loop_pos] {
            Block::Loop {
                start, iterator, ..
            } => (*start, *iterator),
            _ => unreachable!("found a loop above"),
        };
        if is_break {
            if iterator {
                self.emit(Instr::Pop);
            }
            let j = self.emit(Instr::Jump(0));
            if let Some(Block::Loop { breaks, .. }) = self.unit().blocks.get_mut(loop_pos) {
                breaks.push(j);
            }
        } else {
            self.emit(Instr::Jump(start as u32));
        }
        Ok(())
    }

    /// Emit the clean-up for leaving block `i` (the return value is on top if `keep_top`).
    fn unwind_block(&mut self, i: usize, keep_top: bool) -> CResult<()> {
        let cleanup = match &self.units.last().expect("unit").blocks[i] {
            Block::Loop { iterator: true, .. } => Cleanup::PopIterator,
            Block::Loop { .. } => Cleanup::Nothing,
            Block::Try => Cleanup::PopBlock,
            Block::Finally(body) => Cleanup::RunFinally(body),
            Block::Handler(name) => Cleanup::PopExcept(*name),
            Block::FinallyOnException => Cleanup::DropException,
            Block::With => Cleanup::ExitWith,
            Block::AsyncWith => Cleanup::ExitAsyncWith,
            Block::PendingReturn => Cleanup::DropReturnValue,
        };
        match cleanup {
            Cleanup::Nothing => {}
            Cleanup::PopIterator | Cleanup::DropReturnValue => self.pop_under_top(keep_top),
            Cleanup::PopBlock => {
                self.emit(Instr::PopBlock);
            }
            Cleanup::PopExcept(name) => {
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.unbind_handler_name(n);
                }
            }
            Cleanup::DropException => {
                self.pop_under_top(keep_top);
                self.emit(Instr::PopExcept);
            }
            Cleanup::ExitWith => {
                self.emit(Instr::PopBlock);
                if keep_top {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::WithExitNormal);
            }
            Cleanup::ExitAsyncWith => {
                self.emit(Instr::PopBlock);
                if keep_top {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::WithExitCall);
                self.await_top();
                self.emit(Instr::Pop);
            }
            Cleanup::RunFinally(body) => {
                self.emit(Instr::PopBlock);
                // The finally body runs with the blocks outside it only, plus the
                // return value it must keep (a break in the body drops it).
                let saved: Vec<Block<'a>> = self.unit().blocks.drain(i..).collect();
                if keep_top {
                    self.unit().blocks.push(Block::PendingReturn);
                }
                let r = self.stmts(body);
                if keep_top {
                    self.unit().blocks.pop();
                }
                self.unit().blocks.extend(saved);
                r?;
            }
        }
        Ok(())
    }

    /// Pop the value a block keeps on the stack, from under the return value if `keep_top`.
    fn pop_under_top(&mut self, keep_top: bool) {
        if keep_top {
            self.emit(Instr::RotTwo);
        }
        self.emit(Instr::Pop);
    }

    /// `except E as n:` ends by `n = None; del n`, as CPython's handlers do.
    fn unbind_handler_name(&mut self, name: &ast::Identifier) {
        self.load_const(Value::None);
        self.store_name(name);
        self.delete_name(name);
    }

    fn unwind_for_return(&mut self) -> CResult<()> {
        let n = self.unit().blocks.len();
        for i in (0..n).rev() {
            self.unwind_block(i, true)?;
        }
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().blocks.push(Block::Try);
        self.stmts(&t.body)?;
        self.unit().blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.orelse)?;
        let mut ends = vec![self.emit(Instr::Jump(0))];
        self.patch(setup);
        // Handler: the exception is on the stack, an except-handler block is active.
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let mut next = None;
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Instr::CheckExcMatch);
                next = Some(self.emit(Instr::PopJumpIfFalse(0)));
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.unit().blocks.push(Block::Handler(h.name.as_ref()));
            self.stmts(&h.body)?;
            self.unit().blocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                self.unbind_handler_name(n);
            }
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(nx) = next {
                self.patch(nx);
            }
        }
        self.emit(Instr::Reraise);
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult<()> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().blocks.push(Block::Finally(&t.finalbody));
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.finalbody)?;
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        // Exceptional path: run the finally body, then re-raise.
        self.unit().blocks.push(Block::FinallyOnException);
        self.stmts(&t.finalbody)?;
        self.unit().blocks.pop();
        self.emit(Instr::Reraise);
        self.patch(end);
        Ok(())
    }

    fn with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context_expr)?;
        let setup = self.emit(Instr::SetupWith(0));
        match &first.optional_vars {
            Some(v) => self.assign(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().blocks.push(Block::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body)?;
        }
        self.unit().blocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal);
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::WithExceptStart);
        let suppress = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.patch(end);
        Ok(())
    }

    /// `async with`: as `with`, with `__aenter__`/`__aexit__` and each call's result awaited.
    fn async_with(&mut self, items: &'a [ast::WithItem], body: &'a [Stmt]) -> CResult<()> {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context_expr)?;
        self.emit(Instr::BeforeAsyncWith);
        self.await_top();
        let setup = self.emit(Instr::SetupAsyncWith(0));
        match &first.optional_vars {
            Some(v) => self.assign(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().blocks.push(Block::AsyncWith);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.async_with(rest, body)?;
        }
        self.unit().blocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitCall);
        self.await_top();
        self.emit(Instr::Pop);
        let end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::WithExceptStart);
        self.await_top();
        let suppress = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(suppress);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.patch(end);
        Ok(())
    }

    /// Await the value on top of the stack, leaving its result there: CPython's
    /// `GET_AWAITABLE; LOAD_CONST None; SEND; YIELD_VALUE` loop, as `yield from` over
    /// the awaitable's iterator.
    fn await_top(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_const(Value::None);
        let start = self.here();
        let exit = self.emit(Instr::YieldFromSend(0));
        self.emit(Instr::Yield);
        self.emit(Instr::Jump(start));
        self.patch(exit);
    }

    /// One step of `async for` over the async iterator on top: push the awaited
    /// `__anext__()`. Returns the handler jump to patch to the loop's exit, where an
    /// `EndAsyncFor` ends the loop on StopAsyncIteration (and re-raises anything else).
    fn async_for_next(&mut self) -> usize {
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.await_top();
        self.emit(Instr::PopBlock);
        setup
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        let scope = self.table.scope_of(c);
        let qualname = self.qualname(&c.name);
        let line = self.lines.line(c.range.start());
        self.push_unit(
            scope,
            name_of(&c.name),
            qualname.clone(),
            CodeKind::Class,
            line,
        );
        self.unit().line = line;
        // `__module__` and `__qualname__` as CPython's class bodies set them.
        let qn = self.name_index("__qualname__");
        self.load_const(Value::str(qualname.to_string()));
        self.emit(Instr::StoreName(qn));
        // A docstring is stored as `__doc__` first, as CPython compiles it.
        if let Some(Stmt::Expr(e)) = c.body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                let dn = self.name_index("__doc__");
                self.load_const(Value::str(s.value.to_str().to_string()));
                self.emit(Instr::StoreName(dn));
            }
        }
        self.setup_annotations(&c.body);
        self.stmts(&c.body)?;
        self.load_const(Value::None);
        self.emit(Instr::Return);
        let code = self.pop_unit();
        self.emit_closure_and_code(code, 0)?;
        let mut nbases = 0;
        let mut nkeywords = 0;
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                if let Expr::Starred(s) = a {
                    return err("starred base classes are not supported", s.range);
                }
                self.expr(a)?;
                nbases += 1;
            }
            for k in args.keywords.iter() {
                let Some(arg) = &k.arg else {
                    return err("class keyword arguments from ** are not supported", k.range);
                };
                self.load_const(Value::str(arg.to_string()));
                self.expr(&k.value)?;
                nkeywords += 1;
            }
        }
        let name = self.const_index(Value::str(c.name.to_string()));
        if nkeywords > 0 {
            self.emit(Instr::BuildMap(nkeywords));
            self.emit(Instr::BuildClassKw(name, nbases));
        } else {
            self.emit(Instr::BuildClass(name, nbases));
        }
        for _ in &c.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    /// CPython's SETUP_ANNOTATIONS: a module or class body with an annotated name starts
    /// with an empty `__annotations__` dict.
    fn setup_annotations(&mut self, body: &[Stmt]) {
        fn annotates(body: &[Stmt]) -> bool {
            body.iter().any(|s| match s {
                Stmt::AnnAssign(a) => a.simple && matches!(&*a.target, Expr::Name(_)),
                Stmt::If(i) => {
                    annotates(&i.body) || i.elif_else_clauses.iter().any(|c| annotates(&c.body))
                }
                Stmt::For(f) => annotates(&f.body) || annotates(&f.orelse),
                Stmt::While(w) => annotates(&w.body) || annotates(&w.orelse),
                Stmt::With(w) => annotates(&w.body),
                Stmt::Match(m) => m.cases.iter().any(|c| annotates(&c.body)),
                Stmt::Try(t) => {
                    annotates(&t.body)
                        || annotates(&t.orelse)
                        || annotates(&t.finalbody)
                        || t.handlers.iter().any(|h| match h {
                            ast::ExceptHandler::ExceptHandler(h) => annotates(&h.body),
                        })
                }
                _ => false,
            })
        }
        if annotates(body) {
            self.emit(Instr::BuildMap(0));
            self.store_name("__annotations__");
        }
    }

    /// Push the closure tuple (if any) and the code, then MakeFunction with `flags`.
    fn emit_closure_and_code(&mut self, code: Code, mut flags: u8) -> CResult<()> {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone().iter() {
                let i = self.cell_index(fv);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 4;
        }
        let idx = self.const_index(Value::Absent);
        self.unit().code.consts[idx as usize] = crate::objects::code_value(Rc::new(code));
        self.emit(Instr::LoadConst(idx));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn make_function(
        &mut self,
        scope: usize,
        name: Rc<str>,
        qualname: Rc<str>,
        params: &'a ast::Parameters,
        body: FunctionBody<'a>,
        range: TextRange,
    ) -> CResult<()> {
        let mut flags = 0u8;
        let defaults: Vec<&Expr> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<(&str, &Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.as_str(), d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                self.load_const(Value::str(n.to_string()));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        let line = self.lines.line(range.start());
        self.push_unit(scope, name, qualname, CodeKind::Function, line);
        {
            let code = &mut self.unit().code;
            code.posonlycount = params.posonlyargs.len() as u32;
            code.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
            code.kwonlycount = params.kwonlyargs.len() as u32;
            code.has_varargs = params.vararg.is_some();
            code.has_varkw = params.kwarg.is_some();
        }
        match body {
            FunctionBody::Stmts(stmts) => {
                if let Some(Stmt::Expr(e)) = stmts.first() {
                    if let Expr::StringLiteral(s) = &*e.value {
                        self.unit().code.doc = Some(Rc::from(s.value.to_str()));
                    }
                }
                self.stmts(stmts)?;
                self.load_const(Value::None);
                self.emit(Instr::Return);
            }
            FunctionBody::Lambda(e) => {
                self.set_line(e.range());
                self.expr(e)?;
                if !self.unit().code.is_generator {
                    self.emit(Instr::Return);
                } else {
                    self.emit(Instr::Pop);
                    self.load_const(Value::None);
                    self.emit(Instr::Return);
                }
            }
        }
        let code = self.pop_unit();
        self.emit_closure_and_code(code, flags)
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.emit(Instr::InPlace(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Dup);
                let i = self.name_index(&at.attr);
                self.emit(Instr::LoadAttr(i));
                self.expr(&a.value)?;
                self.emit(Instr::InPlace(op));
                self.emit(Instr::RotTwo);
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DupTwo);
                self.emit(Instr::Subscript);
                self.expr(&a.value)?;
                self.emit(Instr::InPlace(op));
                self.emit(Instr::RotThree);
                self.emit(Instr::StoreSubscript);
            }
            other => {
                return err(
                    "'expression' is an illegal expression for augmented assignment",
                    other.range(),
                )
            }
        }
        Ok(())
    }

    /// Store the value on top of the stack into `target`.
    fn assign(&mut self, target: &'a Expr) -> CResult<()> {
        match target {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_index(&a.attr);
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscript);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    Some(pos) => {
                        if elts
                            .iter()
                            .filter(|e| matches!(e, Expr::Starred(_)))
                            .count()
                            > 1
                        {
                            return err(
                                "multiple starred expressions in assignment",
                                target.range(),
                            );
                        }
                        self.emit(Instr::UnpackEx(pos as u16, (elts.len() - pos - 1) as u16));
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.assign(&s.value)?,
                        other => self.assign(other)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return err(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                )
            }
            other => {
                return err(
                    format!("cannot assign to {}", describe(other)),
                    other.range(),
                )
            }
        }
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> CResult<()> {
        match target {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.name_index(&a.attr);
                self.emit(Instr::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscript);
            }
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.delete(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete(e)?;
                }
            }
            other => return err(format!("cannot delete {}", describe(other)), other.range()),
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => {
                    let v = match i.as_i64() {
                        Some(v) => Value::Int(v),
                        None => Value::from_bigint(parse_int_literal(&i.to_string())),
                    };
                    self.load_const(v);
                }
                ast::Number::Float(f) => self.load_const(Value::Float(*f)),
                ast::Number::Complex { real, imag } => {
                    self.load_const(Value::complex(*real, *imag))
                }
            },
            Expr::StringLiteral(s) => self.load_const(Value::str(s.value.to_str().to_string())),
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.load_const(Value::Bytes(Rc::new(bytes)));
            }
            Expr::BooleanLiteral(b) => self.load_const(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::None),
            Expr::EllipsisLiteral(_) => self.load_const(Value::Ellipsis),
            Expr::Name(n) => self.load_name(&n.id),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_line(b.range);
                self.emit(Instr::Binary(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit(Instr::Unary(match u.op {
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::USub => UnaryOp::Neg,
                }));
            }
            Expr::BoolOp(b) => {
                let mut ends = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        ends.push(self.emit(match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in ends {
                    self.patch(j);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let else_ = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(&i.body)?;
                let end = self.emit(Instr::Jump(0));
                self.patch(else_);
                self.expr(&i.orelse)?;
                self.patch(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Dup);
                self.assign(&n.target)?;
            }
            Expr::Lambda(l) => {
                let scope = self.table.scope_of(l);
                let qualname = self.qualname("<lambda>");
                let empty = Box::leak(Box::new(ast::Parameters {
                    range: TextRange::default(),
                    node_index: Default::default(),
                    posonlyargs: Vec::new(),
                    args: Vec::new(),
                    vararg: None,
                    kwonlyargs: Vec::new(),
                    kwarg: None,
                }));
                let params: &'a ast::Parameters = match &l.parameters {
                    Some(p) => p,
                    None => empty,
                };
                self.make_function(
                    scope,
                    "<lambda>".into(),
                    qualname,
                    params,
                    FunctionBody::Lambda(&l.body),
                    l.range,
                )?;
            }
            Expr::List(l) => self.sequence(&l.elts, Instr::BuildList(0))?,
            Expr::Tuple(t) => self.sequence(&t.elts, Instr::BuildTuple(0))?,
            Expr::Set(s) => self.sequence(&s.elts, Instr::BuildSet(0))?,
            Expr::Dict(d) => {
                let mut pending = 0u32;
                let mut built = false;
                for item in &d.items {
                    match &item.key {
                        Some(k) => {
                            self.expr(k)?;
                            self.expr(&item.value)?;
                            pending += 1;
                        }
                        None => {
                            if !built || pending > 0 {
                                self.emit(Instr::BuildMap(pending));
                                if built {
                                    self.emit(Instr::DictUpdate(1));
                                }
                                built = true;
                                pending = 0;
                            }
                            self.expr(&item.value)?;
                            self.emit(Instr::DictUpdate(1));
                        }
                    }
                }
                if !built {
                    self.emit(Instr::BuildMap(pending));
                } else if pending > 0 {
                    self.emit(Instr::BuildMap(pending));
                    self.emit(Instr::DictUpdate(1));
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_line(a.range);
                let i = self.name_index(&a.attr);
                self.emit(Instr::LoadAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_line(s.range);
                self.emit(Instr::Subscript);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Value::None),
                    }
                }
                match &s.step {
                    Some(st) => {
                        self.expr(st)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            Expr::Starred(s) => return err("can't use starred expression here", s.range),
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => {
                let mut n = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(lit) => {
                            self.load_const(Value::str(lit.value.to_string()));
                            n += 1;
                        }
                        ast::FStringPart::FString(fs) => {
                            n += self.fstring_elements(&fs.elements)?
                        }
                    }
                }
                if n != 1 {
                    self.emit(Instr::BuildString(n));
                }
            }
            Expr::TString(t) => return err("template strings are not supported", t.range),
            Expr::ListComp(c) => {
                self.comprehension(c, "<listcomp>", &c.generators, Comp::List(&c.elt))?
            }
            Expr::SetComp(c) => {
                self.comprehension(c, "<setcomp>", &c.generators, Comp::Set(&c.elt))?
            }
            Expr::DictComp(c) => {
                self.comprehension(c, "<dictcomp>", &c.generators, Comp::Dict(&c.key, &c.value))?
            }
            Expr::Generator(c) => {
                self.comprehension(c, "<genexpr>", &c.generators, Comp::Gen(&c.elt))?
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Instr::Yield);
            }
            Expr::YieldFrom(y) => {
                // Delegation with send() forwarding and the inner return value as the
                // result (throw() into the outer generator is raised at its own yield).
                self.expr(&y.value)?;
                self.emit(Instr::GetIter);
                self.load_const(Value::None);
                let start = self.here();
                let exit = self.emit(Instr::YieldFromSend(0));
                self.emit(Instr::Yield);
                self.emit(Instr::Jump(start));
                self.patch(exit);
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.await_top();
            }
            Expr::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    /// Push each element of an f-string; returns how many strings were pushed.
    fn fstring_elements(&mut self, elements: &'a ast::InterpolatedStringElements) -> CResult<u32> {
        let mut n = 0;
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(Value::str(l.value.to_string()));
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = match i.conversion {
                        ast::ConversionFlag::None => 0u8,
                        ast::ConversionFlag::Str => b's',
                        ast::ConversionFlag::Repr => b'r',
                        ast::ConversionFlag::Ascii => b'a',
                    };
                    if let Some(debug) = &i.debug_text {
                        let text = &self.source[i.expression.range()];
                        self.load_const(Value::str(format!(
                            "{}{}{}",
                            debug.leading, text, debug.trailing
                        )));
                        n += 1;
                        if conversion == 0 && i.format_spec.is_none() {
                            conversion = b'r';
                        }
                    }
                    self.expr(&i.expression)?;
                    let has_spec = match &i.format_spec {
                        Some(spec) => {
                            let parts = self.fstring_elements(&spec.elements)?;
                            if parts != 1 {
                                self.emit(Instr::BuildString(parts));
                            }
                            true
                        }
                        None => false,
                    };
                    self.emit(Instr::FormatValue(conversion, has_spec));
                }
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Value::str(""));
            n = 1;
        }
        Ok(n)
    }

    fn sequence(&mut self, elts: &'a [Expr], build: Instr) -> CResult<()> {
        if matches!(build, Instr::BuildSet(_)) && elts.len() >= 3 {
            if let Some(constant) = constants::frozenset_display(elts) {
                // CPython 3.11: BUILD_SET 0; LOAD_CONST frozenset(...); SET_UPDATE 1.
                self.emit(Instr::BuildSet(0));
                self.load_const(constant);
                self.emit(Instr::SetUpdate(1));
                return Ok(());
            }
        }
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match build {
                Instr::BuildList(_) => Instr::BuildList(n),
                Instr::BuildTuple(_) => Instr::BuildTuple(n),
                _ => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let is_set = matches!(build, Instr::BuildSet(_));
        self.emit(if is_set {
            Instr::BuildSet(0)
        } else {
            Instr::BuildList(0)
        });
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if is_set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                other => {
                    self.expr(other)?;
                    self.emit(if is_set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        if matches!(build, Instr::BuildTuple(_)) {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        let mut cleanups = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Instr::Dup);
                self.emit(Instr::RotThree);
            }
            self.set_line(c.range);
            self.emit(Instr::Compare(cmpop(*op)));
            if i + 1 < n {
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanups.is_empty() {
            let end = self.emit(Instr::Jump(0));
            for j in cleanups {
                self.patch(j);
            }
            self.emit(Instr::RotTwo);
            self.emit(Instr::Pop);
            self.patch(end);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        let args = &c.arguments.args;
        let keywords = &c.arguments.keywords;
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none());
        // Zero-argument super() inside a method.
        if let Expr::Name(n) = &*c.func {
            if &n.id == "super"
                && args.is_empty()
                && keywords.is_empty()
                && self.scope_kind() == ScopeKind::Function
            {
                self.set_line(c.range);
                self.emit(Instr::LoadSuper);
                return Ok(());
            }
        }
        if !has_star {
            if let Expr::Attribute(a) = &*c.func {
                if keywords.is_empty() {
                    self.expr(&a.value)?;
                    self.set_line(a.range);
                    let i = self.name_index(&a.attr);
                    self.emit(Instr::LoadMethod(i));
                    for arg in args.iter() {
                        self.expr(arg)?;
                    }
                    self.set_line(c.range);
                    self.emit(Instr::CallMethod(args.len() as u32));
                    return Ok(());
                }
            }
            self.expr(&c.func)?;
            for arg in args.iter() {
                self.expr(arg)?;
            }
            for k in keywords.iter() {
                self.expr(&k.value)?;
            }
            self.set_line(c.range);
            if keywords.is_empty() {
                self.emit(Instr::Call(args.len() as u32));
            } else {
                let names: Vec<Value> = keywords
                    .iter()
                    .map(|k| Value::str(k.arg.as_ref().map(|a| a.to_string()).unwrap_or_default()))
                    .collect();
                self.load_const(Value::tuple(names));
                self.emit(Instr::CallKw((args.len() + keywords.len()) as u32));
            }
            return Ok(());
        }
        self.expr(&c.func)?;
        self.emit(Instr::BuildList(0));
        for arg in args.iter() {
            match arg {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        let has_kw = !keywords.is_empty();
        if has_kw {
            self.emit(Instr::BuildMap(0));
            for k in keywords.iter() {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Value::str(name.to_string()));
                        self.expr(&k.value)?;
                        self.emit(Instr::BuildMap(1));
                        self.emit(Instr::DictUpdate(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictUpdate(1));
                    }
                }
            }
        }
        self.set_line(c.range);
        self.emit(Instr::CallEx(has_kw));
        Ok(())
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        generators: &'a [ast::Comprehension],
        kind: Comp<'a>,
    ) -> CResult<()> {
        let scope = self.table.scope_of(node);
        let qualname = self.qualname(name);
        let line = self.unit().line;
        // The first iterable is evaluated here and passed as the argument `.0`.
        self.expr(&generators[0].iter)?;
        self.emit(if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        let awaited = self.table.scopes[scope].is_async && !self.table.scopes[scope].is_generator;
        self.push_unit(scope, name.into(), qualname, CodeKind::Function, line);
        self.unit().line = line;
        self.unit().code.argcount = 1;
        let is_gen = matches!(kind, Comp::Gen(_));
        if !is_gen {
            self.emit(match kind {
                Comp::List(_) => Instr::BuildList(0),
                Comp::Set(_) => Instr::BuildSet(0),
                _ => Instr::BuildMap(0),
            });
        }
        self.comprehension_level(generators, 0, &kind)?;
        if is_gen {
            self.load_const(Value::None);
        }
        self.emit(Instr::Return);
        let code = self.pop_unit();
        self.emit_closure_and_code(code, 0)?;
        self.emit(Instr::RotTwo);
        self.emit(Instr::Call(1));
        if awaited {
            self.await_top();
        }
        Ok(())
    }

    fn comprehension_level(
        &mut self,
        generators: &'a [ast::Comprehension],
        level: usize,
        kind: &Comp<'a>,
    ) -> CResult<()> {
        let g = &generators[level];
        if level == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        let start = self.here();
        let exit = if g.is_async {
            self.async_for_next()
        } else {
            self.emit(Instr::ForIter(0))
        };
        self.assign(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if level + 1 < generators.len() {
            self.comprehension_level(generators, level + 1, kind)?;
        } else {
            // The result container sits below one iterator per level.
            let depth = (generators.len() + 1) as u32;
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::Yield);
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch_to(s, start);
        }
        self.emit(Instr::Jump(start));
        self.patch(exit);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}

enum FunctionBody<'a> {
    Stmts(&'a [Stmt]),
    Lambda(&'a Expr),
}

enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp as C;
    match op {
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        C::Is => CmpOp::Is,
        C::IsNot => CmpOp::IsNot,
        C::In => CmpOp::In,
        C::NotIn => CmpOp::NotIn,
    }
}

/// CPython's wording for an expression that cannot be assigned to.
fn describe(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_) => "literal",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::FString(_) => "f-string expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::If(_) => "conditional expression",
        _ => "expression",
    }
}

/// An int literal too big for i64, as the token text (maybe with prefix and underscores).
pub(crate) fn parse_int_literal(text: &str) -> BigInt {
    let t: String = text.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}
