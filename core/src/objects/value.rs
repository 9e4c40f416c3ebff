//! The Python object model: [`Value`] and the heap objects it points to.
//!
//! - Immutable small values (None, bool, int that fits i64, float) are stored inline;
//!   everything else is reference-counted (`Rc`), mutable containers behind `RefCell`.
//! - An `int` is `Value::Int` whenever it fits an i64 and `Value::BigInt` only otherwise
//!   (see [`Value::from_bigint`]); code may rely on that normal form.
//! - Containers release their contents through the [`trashcan`](super::trashcan), so dropping
//!   a 100,000-deep nested list never recurses 100,000 times on the native stack.
//!
//! Invariant: no `RefCell` borrow of an object is held across a call that can run Python
//! code (the VM re-enters through `__eq__`, `__hash__`, `__repr__`...); such code takes a
//! snapshot (clones the `Rc`s it needs) first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::dict_table::DictTable;
use super::set_table::SetTable;
use super::trashcan;
use crate::compiler::Code;

/// Attribute namespaces (instances, classes, modules), keyed by interned names.
pub(crate) type AttrMap = indexmap::IndexMap<Rc<str>, Value, rustc_hash::FxBuildHasher>;

/// A Python value.
#[derive(Clone)]
pub(crate) enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// An int in i64 range.
    Int(i64),
    /// An int outside i64 range (never one that fits).
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    /// `bytearray`: mutable bytes.
    ByteArray(Rc<PyByteArray>),
    /// `memoryview` over a bytes or bytearray.
    MemoryView(Rc<PyMemoryView>),
    /// `complex`.
    Complex(Rc<Complex>),
    List(Rc<PyList>),
    Tuple(Rc<PyTuple>),
    Dict(Rc<PyDict>),
    /// `set` and `frozenset` (see [`PySet::frozen`]).
    Set(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    /// A function bound to its first argument (`obj.method`).
    Method(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Generator(Rc<Generator>),
    Iterator(Rc<RefCell<NativeIter>>),
    Property(Rc<Property>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Super(Rc<SuperObj>),
    /// Internal: a closure cell on the stack while a closure is built.
    Cell(CellRef),
    /// Internal: a compiled code object (a constant of `MakeFunction`).
    Code(Rc<Code>),
    /// Internal: "no value" in the method-call protocol; never visible to Python code.
    Absent,
}

impl Value {
    pub(crate) fn str(s: impl Into<String>) -> Value {
        Value::Str(Rc::new(PyStr::new(s.into())))
    }

    pub(crate) fn from_bigint(v: BigInt) -> Value {
        match v.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(v)),
        }
    }

    pub(crate) fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(PyList::new(items)))
    }

    pub(crate) fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(PyTuple::new(items)))
    }

    pub(crate) fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same object, or same immediate value for the inline kinds.
    pub(crate) fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis)
            | (Absent, Absent) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_addr(), other.heap_addr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, for identity and `id()`.
    pub(crate) fn heap_addr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            ByteArray(r) => Rc::as_ptr(r) as *const u8 as usize,
            MemoryView(r) => Rc::as_ptr(r) as *const u8 as usize,
            Complex(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iterator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Property(r) => Rc::as_ptr(r) as *const u8 as usize,
            StaticMethod(r) | ClassMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Super(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return Option::None,
        })
    }
}

/// A `str`: UTF-8 text plus its length in code points (equal to the byte length when ASCII,
/// which makes indexing O(1) for the common case).
pub(crate) struct PyStr {
    text: Box<str>,
    chars: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub(crate) fn new(text: String) -> PyStr {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text: text.into_boxed_str(),
            chars,
            hash: Cell::new(None),
        }
    }
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }
    pub(crate) fn char_len(&self) -> usize {
        self.chars
    }
    pub(crate) fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }
    /// The code point at `index` (0-based, in range).
    pub(crate) fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[index] as char
        } else {
            self.text.chars().nth(index).unwrap_or('\0')
        }
    }
    pub(crate) fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = super::hash::hash_str(&self.text);
        self.hash.set(Some(h));
        h
    }
}

/// A `bytearray`. `exports` counts the live memoryviews over it: while any exist its
/// length may not change (CPython's BufferError), so a view's offsets stay valid.
pub(crate) struct PyByteArray {
    pub(crate) data: RefCell<Vec<u8>>,
    pub(crate) exports: Cell<usize>,
}

impl PyByteArray {
    pub(crate) fn new(data: Vec<u8>) -> PyByteArray {
        PyByteArray {
            data: RefCell::new(data),
            exports: Cell::new(0),
        }
    }
}

/// A `memoryview`: `len` items of [`PyMemoryView::itemsize`] bytes each, item `i` at byte
/// `start + i*step` of `source` (a `Value::Bytes` or `Value::ByteArray`). While not
/// released it holds one export of a bytearray source (see [`PyByteArray::exports`]).
pub(crate) struct PyMemoryView {
    pub(crate) source: Value,
    pub(crate) start: usize,
    pub(crate) step: isize,
    pub(crate) len: usize,
    /// The struct format of the items (native sizes of x86-64 Linux): `B b c ? h H i I l
    /// L q Q n N f d`.
    pub(crate) format: u8,
    pub(crate) released: Cell<bool>,
}

impl PyMemoryView {
    /// A view of `len` items from `start` by `step` on `source`, taking an export.
    pub(crate) fn new(source: Value, start: usize, step: isize, len: usize, format: u8) -> Self {
        if let Value::ByteArray(b) = &source {
            b.exports.set(b.exports.get() + 1);
        }
        PyMemoryView {
            source,
            start,
            step,
            len,
            format,
            released: Cell::new(false),
        }
    }

    /// Give the export back (idempotent).
    pub(crate) fn release(&self) {
        if !self.released.replace(true) {
            if let Value::ByteArray(b) = &self.source {
                b.exports.set(b.exports.get().saturating_sub(1));
            }
        }
    }

    /// Byte offset in the source of item `i` (< len).
    pub(crate) fn offset(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// Bytes per item.
    pub(crate) fn itemsize(&self) -> usize {
        format_itemsize(self.format)
    }

    /// Whether the items are adjacent (C-contiguous).
    pub(crate) fn contiguous(&self) -> bool {
        self.step == self.itemsize() as isize || self.len <= 1
    }

    /// A copy of the bytes the view shows.
    pub(crate) fn to_vec(&self) -> Vec<u8> {
        let size = self.itemsize();
        let read = |data: &[u8]| -> Vec<u8> {
            if self.contiguous() {
                data.get(self.start..self.start + self.len * size)
                    .map(<[u8]>::to_vec)
                    .unwrap_or_default()
            } else {
                (0..self.len)
                    .filter_map(|i| data.get(self.offset(i)..self.offset(i) + size))
                    .flatten()
                    .copied()
                    .collect()
            }
        };
        match &self.source {
            Value::Bytes(b) => read(b),
            Value::ByteArray(b) => read(&b.data.borrow()),
            _ => Vec::new(),
        }
    }
}

/// The size of one item of memoryview format `format`.
pub(crate) fn format_itemsize(format: u8) -> usize {
    match format {
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' => 8,
        _ => 1,
    }
}

impl Drop for PyMemoryView {
    fn drop(&mut self) {
        self.release();
    }
}

/// A `complex` number.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) struct Complex {
    pub(crate) re: f64,
    pub(crate) im: f64,
}

impl Value {
    pub(crate) fn complex(re: f64, im: f64) -> Value {
        Value::Complex(Rc::new(Complex { re, im }))
    }

    pub(crate) fn bytearray(data: Vec<u8>) -> Value {
        Value::ByteArray(Rc::new(PyByteArray::new(data)))
    }

    /// The bytes of a bytes-like object (bytes, bytearray, memoryview), copied for the
    /// mutable ones; None for anything else.
    pub(crate) fn bytes_like(&self) -> Option<Rc<Vec<u8>>> {
        match self {
            Value::Bytes(b) => Some(b.clone()),
            Value::ByteArray(b) => Some(Rc::new(b.data.borrow().clone())),
            Value::MemoryView(m) if !m.released.get() => Some(Rc::new(m.to_vec())),
            _ => Option::None,
        }
    }
}

pub(crate) struct PyList {
    pub(crate) items: RefCell<Vec<Value>>,
}

impl PyList {
    pub(crate) fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }
}

impl Drop for PyList {
    fn drop(&mut self) {
        trashcan::release(std::mem::take(self.items.get_mut()));
    }
}

pub(crate) struct PyTuple {
    pub(crate) items: Vec<Value>,
}

impl PyTuple {
    pub(crate) fn new(items: Vec<Value>) -> PyTuple {
        PyTuple { items }
    }
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        trashcan::release(std::mem::take(&mut self.items));
    }
}

/// A `dict`. Keys carry their hash; equality is Python equality (may run code).
pub(crate) struct PyDict {
    pub(crate) table: RefCell<DictTable<Value, Value>>,
}

impl PyDict {
    pub(crate) fn new() -> PyDict {
        PyDict {
            table: RefCell::new(DictTable::new()),
        }
    }
}

impl Drop for PyDict {
    fn drop(&mut self) {
        let table = std::mem::take(self.table.get_mut());
        let mut items = Vec::with_capacity(table.len() * 2);
        for (k, v) in table.iter() {
            items.push(k.clone());
            items.push(v.clone());
        }
        drop(table);
        trashcan::release(items);
    }
}

pub(crate) struct PySet {
    pub(crate) table: RefCell<SetTable<Value>>,
    pub(crate) frozen: bool,
}

impl PySet {
    pub(crate) fn new(table: SetTable<Value>, frozen: bool) -> PySet {
        PySet {
            table: RefCell::new(table),
            frozen,
        }
    }
}

impl Drop for PySet {
    fn drop(&mut self) {
        let table = std::mem::take(self.table.get_mut());
        let items: Vec<Value> = table.iter().map(|(_, k)| k.clone()).collect();
        drop(table);
        trashcan::release(items);
    }
}

/// `range(start, stop, step)` over i64.
pub(crate) struct PyRange {
    pub(crate) start: i64,
    pub(crate) stop: i64,
    pub(crate) step: i64,
}

impl PyRange {
    /// The number of items, in u64: `range(10**10)` has more than a 32-bit usize holds.
    pub(crate) fn len(&self) -> u64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as u64
    }
    pub(crate) fn get(&self, i: u64) -> i64 {
        self.start + (i as i64) * self.step
    }
}

pub(crate) struct PySlice {
    pub(crate) start: Value,
    pub(crate) stop: Value,
    pub(crate) step: Value,
}

/// A cell holding a variable shared between a function and the closures defined in it.
pub(crate) type CellRef = Rc<RefCell<Option<Value>>>;

/// A Python function: code plus what it closed over.
pub(crate) struct Function {
    pub(crate) code: Rc<Code>,
    pub(crate) globals: Rc<Module>,
    pub(crate) defaults: Vec<Value>,
    pub(crate) kwdefaults: Vec<(Rc<str>, Value)>,
    pub(crate) closure: Vec<CellRef>,
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    /// The class whose body defined this function, for zero-argument `super()`.
    pub(crate) owner: RefCell<Option<std::rc::Weak<Class>>>,
    /// Attributes set by Python code (`f.cache = {}`, `functools.wraps`' `__name__`,
    /// `__doc__`, `__wrapped__`); they take precedence over the built-in ones.
    pub(crate) attrs: RefCell<AttrMap>,
}

/// Signature of every native function: the VM, then positional and keyword arguments.
pub(crate) type NativeFn =
    fn(&mut crate::vm::Vm<'_>, Vec<Value>, Kwargs) -> crate::vm::PyResult<Value>;

/// Keyword arguments in call order.
pub(crate) type Kwargs = Vec<(Rc<str>, Value)>;

pub(crate) struct Builtin {
    pub(crate) name: &'static str,
    pub(crate) func: NativeFn,
    /// Bound first argument (the module or object a native method belongs to), if any.
    pub(crate) this: Option<Value>,
    /// For a method of a built-in class, the class's name: called unbound without a
    /// receiver (`list.copy()`) it raises TypeError instead of reading a missing `args[0]`.
    pub(crate) method_of: Option<Rc<str>>,
}

pub(crate) struct BoundMethod {
    pub(crate) this: Value,
    pub(crate) func: Value,
}

/// Which built-in type a class object stands for (None for user classes).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum BuiltinType {
    Object,
    Type,
    NoneType,
    NotImplementedType,
    Ellipsis,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    MemoryView,
    Complex,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Generator,
    Iterator,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    /// `BaseException` and the other built-in exception classes.
    Exception,
    /// Native classes with instances (`TextIOWrapper`, `HTTPResponse`).
    Native,
}

pub(crate) struct Class {
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) module: Rc<str>,
    pub(crate) bases: Vec<Rc<Class>>,
    /// Method resolution order, starting with the class itself (C3 linearisation).
    pub(crate) mro: RefCell<Vec<Rc<Class>>>,
    pub(crate) attrs: RefCell<AttrMap>,
    pub(crate) builtin: Option<BuiltinType>,
    /// True for BaseException and its subclasses: instances carry [`ExcData`].
    pub(crate) is_exception: bool,
    /// The metaclass when it is a user class (`class M(type)`); None means `type`.
    pub(crate) meta: Option<Rc<Class>>,
}

impl Class {
    /// Look `name` up along the MRO.
    pub(crate) fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.borrow().get(name) {
            return Some(v.clone());
        }
        let mro = self.mro.borrow();
        for class in mro.iter().skip(1) {
            if let Some(v) = class.attrs.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Look `name` up along the user part of the metaclass's MRO (what `type` itself
    /// provides is the interpreter's own behaviour, not looked up).
    pub(crate) fn meta_lookup(&self, name: &str) -> Option<Value> {
        let meta = self.meta.as_ref()?;
        let mro = meta.mro.borrow();
        mro.iter()
            .filter(|c| c.builtin.is_none())
            .find_map(|c| c.attrs.borrow().get(name).cloned())
    }

    pub(crate) fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.borrow().iter().any(|c| std::ptr::eq(&**c, other))
    }
}

pub(crate) struct Instance {
    pub(crate) class: Rc<Class>,
    pub(crate) attrs: RefCell<AttrMap>,
    /// Present for exception instances.
    pub(crate) exc: Option<Box<ExcData>>,
    /// State of native classes (a response body, a stream).
    pub(crate) native: Option<RefCell<NativeState>>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let attrs = std::mem::take(self.attrs.get_mut());
        let mut children: Vec<Value> = attrs.into_values().collect();
        // An exception's __context__ chain grows by one per handler it was raised in
        // (thousands, when a run limit re-raises in every handler): through the trashcan too.
        if let Some(exc) = self.exc.as_deref_mut() {
            children.extend(exc.context.get_mut().take());
            children.extend(exc.cause.get_mut().take());
            children.push(std::mem::replace(exc.args.get_mut(), Value::None));
        }
        trashcan::release(children);
    }
}

/// One line of a traceback.
#[derive(Clone)]
pub(crate) struct TracebackEntry {
    pub(crate) filename: Rc<str>,
    pub(crate) line: u32,
    pub(crate) name: Rc<str>,
    /// The module source the line is taken from.
    pub(crate) source: Rc<str>,
}

/// What an exception instance carries beyond its attributes.
pub(crate) struct ExcData {
    pub(crate) args: RefCell<Value>,
    /// Innermost frame last.
    pub(crate) traceback: RefCell<Vec<TracebackEntry>>,
    pub(crate) cause: RefCell<Option<Value>>,
    pub(crate) context: RefCell<Option<Value>>,
    pub(crate) suppress_context: Cell<bool>,
    /// CPython's "Did you mean" hint, shown after the message in tracebacks only.
    pub(crate) suggestion: RefCell<Option<String>>,
}

impl ExcData {
    pub(crate) fn new(args: Value) -> ExcData {
        ExcData {
            args: RefCell::new(args),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            suggestion: RefCell::new(None),
        }
    }
}

/// State behind native classes' instances.
pub(crate) enum NativeState {
    /// `sys.stdout` / `sys.stderr`.
    Stream(crate::host::Stream),
    /// `dict.keys()`, `.values()`, `.items()`: live views of a dict.
    DictView(Rc<PyDict>, DictViewKind),
    /// The built-in value an instance of a subclass of a built-in type extends
    /// (`builtins/subclass.rs`).
    Base(Value),
    /// A `random.Random` instance's generator (None until first seeded or used).
    Random(Option<crate::modules::mersenne::MersenneTwister>),
    /// A code object made by `compile()`, run by `exec`/`eval`.
    Code(Rc<crate::compiler::Code>, CodeMode),
    /// The body of a function an embedder wrote in Rust (`embed.rs`).
    Embedded(Rc<crate::embed::NativeFunction>),
}

/// How `compile()` was asked to compile a code object.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeMode {
    /// Statements (`'exec'`): running it gives None.
    Exec,
    /// One expression (`'eval'`): running it gives its value.
    Eval,
    /// One interactive input (`'single'`): expression statements print their values as
    /// the REPL's do.
    Single,
}

pub(crate) struct Module {
    pub(crate) name: Rc<str>,
    pub(crate) attrs: RefCell<AttrMap>,
    /// True while an import runs the module's code (CPython's `__spec__._initializing`):
    /// a missing attribute then reads "partially initialized module".
    pub(crate) initializing: std::cell::Cell<bool>,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum GeneratorState {
    /// Created, body not started: only `send(None)` is allowed.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is executing (re-entry raises ValueError).
    Running,
    /// Returned or raised; further `next()` raises StopIteration.
    Finished,
}

/// Which kind of resumable frame a [`Generator`] runs: CPython's three types over one
/// mechanism (a heap frame resumed by `send`/`throw`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum GenKind {
    /// A `def` with `yield`: `generator`, iterable.
    Generator,
    /// An `async def` without `yield`: `coroutine`, awaitable, not iterable.
    Coroutine,
    /// An `async def` with `yield`: `async_generator`, driven by `__anext__`/`asend`.
    AsyncGenerator,
}

impl GenKind {
    /// CPython's type name for this kind.
    pub(crate) fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }
}

pub(crate) struct Generator {
    pub(crate) frame: RefCell<Option<Box<crate::vm::Frame>>>,
    pub(crate) state: Cell<GeneratorState>,
    pub(crate) kind: GenKind,
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    /// Where dropping this generator while suspended queues its frame to be closed.
    pub(crate) abandoned: Rc<super::AbandonedFrames>,
    /// An async generator already handed to the loop's finalizer once (dropped again,
    /// it is closed in place, so a finalizer that keeps failing cannot loop), or a
    /// coroutine already warned about as never awaited.
    pub(crate) reported: Cell<bool>,
}

/// Iterators over built-in objects; each variant keeps its own position.
pub(crate) enum NativeIter {
    /// Over a list (sees appends made during iteration, as CPython's does).
    List {
        list: Rc<PyList>,
        index: usize,
    },
    /// Over a bytearray (sees changes made during iteration, as CPython's does).
    ByteArray {
        data: Rc<PyByteArray>,
        index: usize,
    },
    /// Over a fixed sequence of values (tuples, sets, bytes, `reversed` snapshots);
    /// `name` is the type CPython's iterator over the same has.
    Seq {
        items: Rc<PyTuple>,
        index: usize,
        name: &'static str,
    },
    Str {
        s: Rc<PyStr>,
        byte_pos: usize,
    },
    Range {
        next: i64,
        step: i64,
        remaining: u64,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A dict's keys/values/items, erroring if the dict changes size.
    Dict {
        dict: Rc<PyDict>,
        index: usize,
        len: usize,
        kind: DictViewKind,
    },
    /// Over an object with `__getitem__` only.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// One step of an async generator (`__anext__()`, `asend(v)`, `athrow(e)`,
    /// `aclose()`): an awaitable that passes the generator's awaits through and returns
    /// the value it yields (see `vm/coroutines.rs`).
    AsyncGenStep {
        agen: Rc<Generator>,
        /// How to resume the generator on the first step (then what is sent in).
        first: Option<crate::vm::Resume>,
        /// `aclose()`: the generator must not yield a value again.
        closing: bool,
        name: &'static str,
    },
    /// Done; keeps the type name the iterator had.
    Exhausted(&'static str),
}

impl NativeIter {
    /// The name of this iterator's type in CPython 3.11 (`type(it).__name__`).
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            NativeIter::List { .. } => "list_iterator",
            NativeIter::ByteArray { .. } => "bytearray_iterator",
            NativeIter::Seq { name, .. } | NativeIter::Exhausted(name) => name,
            NativeIter::Str { s, .. } if s.as_str().is_ascii() => "str_ascii_iterator",
            NativeIter::Str { .. } => "str_iterator",
            NativeIter::Range { .. } => "range_iterator",
            NativeIter::Enumerate { .. } => "enumerate",
            NativeIter::Zip { .. } => "zip",
            NativeIter::Map { .. } => "map",
            NativeIter::Filter { .. } => "filter",
            NativeIter::Callable { .. } => "callable_iterator",
            NativeIter::Dict { kind, .. } => match kind {
                DictViewKind::Keys => "dict_keyiterator",
                DictViewKind::Values => "dict_valueiterator",
                DictViewKind::Items => "dict_itemiterator",
            },
            NativeIter::GetItem { .. } => "iterator",
            NativeIter::AsyncGenStep { name, .. } => name,
        }
    }

    /// This iterator once exhausted.
    pub(crate) fn exhausted(&self) -> NativeIter {
        NativeIter::Exhausted(self.type_name())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DictViewKind {
    Keys,
    Values,
    Items,
}

pub(crate) struct Property {
    pub(crate) getter: Value,
    pub(crate) setter: Option<Value>,
    pub(crate) deleter: Option<Value>,
}

/// `super()` bound to a class position in an object's MRO.
pub(crate) struct SuperObj {
    pub(crate) after: Rc<Class>,
    pub(crate) this: Value,
}
