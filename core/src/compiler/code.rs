//! Bytecode: the instruction set and the code object the compiler produces.
//!
//! A stack machine in CPython's style. Each frame has a value stack, fast locals
//! (`varnames`), cells (`cellvars` then `freevars`) and a block stack of active
//! exception handlers. Jump targets are instruction indices.
//!
//! Exception handling (see `vm::eval`):
//! ```text
//!   SetupExcept(H)   push handler block {H, stack level}
//!   ...body...       an exception here: pop value stack to the level, push the
//!   PopBlock         exception, push an except-handler block, jump to H
//!   Jump(END)
//! H: ...clauses...   end normally with PopExcept (restores the previously handled
//!   Reraise          exception) or leave by Reraise / a new raise
//! ```

use std::rc::Rc;

use crate::objects::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

/// One instruction. Operands index the code object's tables or the instruction list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Instr {
    Pop,
    Dup,
    DupTwo,
    RotTwo,
    RotThree,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: index into `cellvars` ++ `freevars`.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell itself (to build a closure).
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push `[callable, self]` or `[bound, Absent]`; CallMethod(n) consumes them.
    LoadMethod(u32),
    CallMethod(u32),
    Subscript,
    StoreSubscript,
    DeleteSubscript,
    Binary(BinOp),
    InPlace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Push the next item, or pop the iterator and jump when exhausted.
    ForIter(u32),
    /// `yield from`: with [iterator, sent] on the stack, send `sent` into the iterator;
    /// push what it yields (a `Yield` follows), or replace the iterator by its return
    /// value and jump when it is exhausted.
    YieldFromSend(u32),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// n key/value pairs.
    BuildMap(u32),
    /// 2 or 3 operands.
    BuildSlice(u32),
    BuildString(u32),
    /// Comprehension helpers: the container is `n` items below the top.
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    ListToTuple,
    UnpackSequence(u32),
    /// Starred unpacking: (count before the star, count after).
    UnpackEx(u16, u16),
    /// Conversion (0 none, b's', b'r', b'a') and whether a format spec is on the stack.
    FormatValue(u8, bool),
    /// Flags: 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple (popped in that order
    /// below the code constant).
    MakeFunction(u8),
    Call(u32),
    /// The top of the stack is a tuple of keyword names for the last arguments.
    CallKw(u32),
    /// Positional tuple and (if true) a kwargs dict.
    CallEx(bool),
    Return,
    Yield,
    /// `await`: replace the top by the iterator that awaiting it runs (a coroutine
    /// itself, or what `__await__` returns).
    GetAwaitable,
    /// `async for`: replace the top by its `__aiter__()`.
    GetAIter,
    /// `async for`: push the awaitable `__anext__()` of the async iterator on top.
    GetANext,
    /// An `async for` handler: `[aiter, exc]`; on StopAsyncIteration pop both and end
    /// the handler (the loop is over), otherwise re-raise.
    EndAsyncFor,
    /// `async with`: `[mgr]` -> `[__aexit__, __aenter__()]` (the latter to be awaited).
    BeforeAsyncWith,
    /// After `__aenter__()` was awaited: push the handler block under its result.
    SetupAsyncWith(u32),
    /// `[exit]` -> `[exit(None, None, None)]` (the result of `__aexit__` is awaited).
    WithExitCall,
    SetupExcept(u32),
    PopBlock,
    PopExcept,
    /// 0: bare `raise`, 1: `raise exc`, 2: `raise exc from cause`.
    Raise(u8),
    Reraise,
    /// Pops the class (or tuple), peeks at the exception, pushes a bool.
    CheckExcMatch,
    /// Calls `__enter__`, pushes `__exit__` below the result, pushes a handler block.
    SetupWith(u32),
    /// Normal exit of a `with`: call `__exit__(None, None, None)` and pop it.
    WithExitNormal,
    /// In the handler: `[exit, exc]` -> `[exit, exc, exit(type, exc, tb)]`.
    WithExceptStart,
    /// Pops the body function and `n` bases; the name is a constant index.
    BuildClass(u32, u32),
    /// As BuildClass, with a dict of the class keywords (`metaclass=`, ...) above the bases.
    BuildClassKw(u32, u32),
    /// `import a.b` pushes module `a` (after loading `a.b`).
    ImportTop(u32),
    /// `from a.b import x` / `import a.b as c` push module `a.b`.
    ImportLeaf(u32),
    /// Push attribute `name` of the module on top (which stays).
    ImportFrom(u32),
    /// `from m import *` into the current namespace; pops the module.
    ImportStar,
    /// Zero-argument `super()`: from the current function's class and first argument.
    LoadSuper,
    LoadAssertionError,
    /// An interactive input's top-level expression statement: pops the value and, unless
    /// it is `None`, prints its repr and binds `builtins._` (CPython's `PRINT_EXPR`).
    PrintExpr,
    /// Move the top of the stack `n - 1` places down (`[a, b, c] Rotate(3)` -> `[c, a, b]`).
    Rotate(u32),
    /// `match`: `[x]` -> `[x, len(x)]`.
    GetLen,
    /// `match`: `[subject]` -> `[subject, is it a sequence]` (list, tuple, range, deque;
    /// not str, bytes or mappings).
    MatchSequence,
    /// `match`: `[subject]` -> `[subject, is it a mapping]`.
    MatchMapping,
    /// `match`: `[subject, keys]` -> `[subject, keys, values tuple or None]`.
    MatchKeys,
    /// `match`: `[subject, class, keyword names]` -> `[attributes tuple or None]`, for
    /// `n` positional sub-patterns.
    MatchClass(u32),
    /// `match`: `[subject, keys]` -> `[dict of subject's other items]` (`**rest`).
    DictWithoutKeys,
}

/// A compiled function, module or class body.
pub(crate) struct Code {
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) filename: Rc<str>,
    pub(crate) instrs: Vec<Instr>,
    /// Source line of each instruction.
    pub(crate) lines: Vec<u32>,
    pub(crate) consts: Vec<Value>,
    pub(crate) names: Vec<Rc<str>>,
    /// Fast locals; parameters first, in signature order.
    pub(crate) varnames: Vec<Rc<str>>,
    pub(crate) cellvars: Vec<Rc<str>>,
    pub(crate) freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter: (cell index, varname index).
    pub(crate) cell_params: Vec<(u32, u32)>,
    pub(crate) argcount: u32,
    pub(crate) posonlycount: u32,
    pub(crate) kwonlycount: u32,
    pub(crate) has_varargs: bool,
    pub(crate) has_varkw: bool,
    pub(crate) is_generator: bool,
    /// `async def` (with `is_generator`: an async generator).
    pub(crate) is_coroutine: bool,
    pub(crate) kind: CodeKind,
    pub(crate) first_line: u32,
    /// The module's source, so tracebacks can show lines.
    pub(crate) source: Rc<str>,
    /// A function's docstring: its body's first statement, when that is a string literal.
    pub(crate) doc: Option<Rc<str>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum CodeKind {
    Module,
    Class,
    Function,
}
