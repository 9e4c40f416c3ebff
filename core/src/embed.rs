//! The embedder API: Python values in Rust ([`Object`]), Python exceptions in Rust
//! ([`Exception`]), functions and modules written in Rust ([`NativeModule`],
//! [`Object::function`]), and the [`Interpreter`] methods that use them (globals, calls).
//!
//! ```text
//!   Python: robot.move(3) ─► Builtin "move" (this = holder of the closure)
//!                                 │ call_native (one NativeFn for every embedder function)
//!                                 ▼
//!   Rust:   |call: &mut NativeCall, args: &[Object]| -> Result<Object, Exception>
//!                                 │ call.suspend(SuspendRequest::HostCall { .. })
//!                                 ▼
//!           Host::suspend ── the backend waits (blocks, JSPI, Asyncify, Atomics.wait)
//! ```
//!
//! Invariants:
//! 1. A native function reaches the outside world only through [`NativeCall`], whose
//!    [`NativeCall::suspend`] is the interpreter's one suspension point, so a function
//!    that blocks works unchanged on every backend.
//! 2. An [`Exception`] that came from Python keeps the raised exception object: a native
//!    function that returns it re-raises the very same exception (type, attributes,
//!    traceback so far), as a C extension's `return NULL` does.
//! 3. An [`Object`] holds a Python value of one interpreter; it is not `Send` (values are
//!    reference-counted with `Rc`), so it never leaves the thread that interpreter runs on.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::host::{HostValue, Reply, Stream, SuspendRequest};
use crate::interpreter::{uncaught, Interpreter};
use crate::objects::{Instance, Kwargs, NativeState, PyDict, Value};
use crate::vm::{PyErr, PyResult, Vm};
use crate::Error;

/// A Python value, as an embedder holds it: cheap to clone (it shares the object, as a
/// second Python reference would).
///
/// Plain data converts both ways without loss: `bool`, `i64` and [`BigInt`] (Python's
/// arbitrary-precision `int`), `f64`, `&str`/`String`, `Vec<Object>` (a `list`), and
/// [`HostValue`] ([`Object::to_host`] back). Anything else (instances, functions) can
/// be passed around, stored in globals and called, but not read as data.
#[derive(Clone)]
pub struct Object(pub(crate) Value);

impl Object {
    /// `None`.
    pub fn none() -> Object {
        Object(Value::None)
    }

    /// A `tuple` of `items`.
    pub fn tuple(items: Vec<Object>) -> Object {
        Object(Value::tuple(items.into_iter().map(|o| o.0).collect()))
    }

    /// A Python function implemented by `body` (see [`NativeModule::function`], which
    /// adds one to a module); `name` is its `__name__`, shown in errors and its repr.
    pub fn function<F>(name: &str, body: F) -> Object
    where
        F: Fn(&mut NativeCall<'_, '_>, &[Object]) -> Result<Object, Exception> + 'static,
    {
        let name = intern(name);
        let holder = Value::Instance(Rc::new(Instance {
            class: crate::vm::types::types().object.clone(),
            attrs: RefCell::default(),
            exc: None,
            native: Some(RefCell::new(NativeState::Embedded(Rc::new(
                NativeFunction {
                    name,
                    body: ManuallyDrop::new(Box::new(body)),
                },
            )))),
        }));
        Object(Value::Builtin(Rc::new(crate::objects::Builtin {
            name,
            func: call_native,
            this: Some(holder),
            method_of: None,
        })))
    }

    /// The name of the value's Python type (`"int"`, `"list"`, a class's name).
    pub fn type_name(&self) -> String {
        crate::vm::type_of(&self.0).name.to_string()
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// The value of a `bool`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.0 {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The value of an `int` (or `bool`) that fits an `i64`; [`Object::as_bigint`] reads any.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(i64::from(b)),
            _ => None,
        }
    }

    /// The value of any `int` (or `bool`), however large.
    pub fn as_bigint(&self) -> Option<BigInt> {
        match &self.0 {
            Value::BigInt(b) => Some((**b).clone()),
            _ => self.as_i64().map(BigInt::from),
        }
    }

    /// The value of a `float`, or of an `int` in i64 range or a `bool` rounded as
    /// Python's `float(n)` rounds it (ints pass where floats are expected, as in Python).
    pub fn as_f64(&self) -> Option<f64> {
        match &self.0 {
            Value::Float(f) => Some(*f),
            Value::Int(i) => Some(*i as f64),
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            _ => None,
        }
    }

    /// The text of a `str`.
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The items of a `list` or `tuple` (a snapshot: later changes to a list are not seen).
    pub fn as_list(&self) -> Option<Vec<Object>> {
        match &self.0 {
            Value::List(l) => Some(l.items.borrow().iter().cloned().map(Object).collect()),
            Value::Tuple(t) => Some(t.items.iter().cloned().map(Object).collect()),
            _ => None,
        }
    }

    /// The value as plain data for a host: `None`, `bool`, `int` (any size: `Int` or
    /// `BigInt`), `float`, `str`, `bytes`/`bytearray` (as `Bytes`), `list`/`tuple` (as a
    /// list) and `dict` with `str` keys, nested up to 100 deep. Anything else is the
    /// `TypeError` that `host.call()` raises for it.
    pub fn to_host(&self) -> Result<HostValue, Exception> {
        to_host_value(&self.0, 0).map_err(Exception::from_raised_plain)
    }

    /// The Python value of plain host data (`HostValue::Dict` becomes a `dict`).
    pub fn from_host(value: HostValue) -> Object {
        Object(crate::modules::from_host_value(value))
    }
}

impl fmt::Debug for Object {
    /// Plain data as its [`HostValue`]; anything else as `<type object>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.0, to_host_value(&self.0, 0)) {
            (Value::BigInt(b), _) => write!(f, "Int({b})"),
            (_, Ok(data)) => write!(f, "{data:?}"),
            (_, Err(_)) => write!(f, "<{} object>", self.type_name()),
        }
    }
}

impl From<bool> for Object {
    fn from(b: bool) -> Object {
        Object(Value::Bool(b))
    }
}

impl From<i64> for Object {
    fn from(i: i64) -> Object {
        Object(Value::Int(i))
    }
}

impl From<i32> for Object {
    fn from(i: i32) -> Object {
        Object(Value::Int(i64::from(i)))
    }
}

impl From<BigInt> for Object {
    fn from(i: BigInt) -> Object {
        Object(Value::from_bigint(i))
    }
}

impl From<f64> for Object {
    fn from(f: f64) -> Object {
        Object(Value::Float(f))
    }
}

impl From<&str> for Object {
    fn from(s: &str) -> Object {
        Object(Value::str(s))
    }
}

impl From<String> for Object {
    fn from(s: String) -> Object {
        Object(Value::str(s))
    }
}

impl From<Vec<Object>> for Object {
    /// A `list`.
    fn from(items: Vec<Object>) -> Object {
        Object(Value::list(items.into_iter().map(|o| o.0).collect()))
    }
}

impl From<HostValue> for Object {
    fn from(value: HostValue) -> Object {
        Object::from_host(value)
    }
}

impl From<()> for Object {
    /// `None`, so that a native function can end with `Ok(().into())`.
    fn from(_: ()) -> Object {
        Object::none()
    }
}

/// A Python exception on the Rust side: one a native function raises
/// (`Exception::new("ValueError", "...")`), or one Python code raised under a
/// [`NativeCall`] (kept whole: returning it re-raises that same exception).
pub struct Exception {
    type_name: String,
    message: String,
    /// The exception object, when Python raised it.
    raised: Option<PyErr>,
}

impl Exception {
    /// The built-in exception `type_name` (`"ValueError"`, `"TypeError"`, `"OSError"`,
    /// any class of CPython's `builtins`) with `message` as its argument (none if empty).
    /// An unknown name raises `SystemError` saying so, rather than a class that does not
    /// exist.
    pub fn new(type_name: impl Into<String>, message: impl Into<String>) -> Exception {
        Exception {
            type_name: type_name.into(),
            message: message.into(),
            raised: None,
        }
    }

    /// The exception's class name.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `str()` of the exception.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// An exception Python code raised, read while the interpreter runs.
    fn from_raised(vm: &mut Vm<'_>, e: PyErr) -> Exception {
        Exception {
            type_name: crate::vm::exception_type_name(e.class()),
            message: crate::builtins::exception_str(vm, &e.0).unwrap_or_default(),
            raised: Some(e),
        }
    }

    /// [`Exception::from_raised`] for the built-in exceptions of value conversion, whose
    /// message is their one string argument (no interpreter needed to read it).
    fn from_raised_plain(e: PyErr) -> Exception {
        let message = match &*e.data().args.borrow() {
            Value::Tuple(t) => match t.items.first() {
                Some(Value::Str(s)) => s.as_str().to_owned(),
                _ => String::new(),
            },
            _ => String::new(),
        };
        Exception {
            type_name: crate::vm::exception_type_name(e.class()),
            message,
            raised: Some(e),
        }
    }

    /// The exception to raise in Python.
    fn into_raised(self) -> PyErr {
        if let Some(raised) = self.raised {
            return raised;
        }
        match crate::vm::types::types().find_exc(&self.type_name) {
            Some(class) if self.message.is_empty() => PyErr::with_args(&class, Vec::new()),
            Some(class) => PyErr::with_args(&class, vec![Value::str(self.message)]),
            None => PyErr::new(
                "SystemError",
                format!(
                    "a native function raised '{}', which is not a built-in exception: {}",
                    self.type_name, self.message
                ),
            ),
        }
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.type_name)
        } else {
            write!(f, "{}: {}", self.type_name, self.message)
        }
    }
}

impl fmt::Debug for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Exception")
            .field("type_name", &self.type_name)
            .field("message", &self.message)
            .field("from_python", &self.raised.is_some())
            .finish()
    }
}

impl std::error::Error for Exception {}

/// What a native function can do while Python code calls it: suspend through the host,
/// write output, call back into Python.
pub struct NativeCall<'c, 'a> {
    vm: &'c mut Vm<'a>,
}

impl NativeCall<'_, '_> {
    /// Hand `request` to the host and wait for its reply, as `input()` and `time.sleep()`
    /// do: on every backend, however it waits. A host error comes back as its Python
    /// exception (`HostErrorKind::Interrupted` as `KeyboardInterrupt`...); return it to
    /// let it propagate. A run whose time limit passed while waiting ends here.
    pub fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, Exception> {
        match self.vm.suspend(request) {
            Ok(reply) => Ok(reply),
            Err(e) => Err(Exception::from_raised(self.vm, e)),
        }
    }

    /// `host.call(name, *args)` from Rust: a [`SuspendRequest::HostCall`] whose reply is
    /// the function's result as a Python value.
    pub fn host_call(&mut self, name: &str, args: Vec<HostValue>) -> Result<Object, Exception> {
        let request = SuspendRequest::HostCall {
            name: name.to_owned(),
            args,
        };
        match self.suspend(request)? {
            Reply::Value(value) => Ok(Object::from_host(value)),
            Reply::Done => Ok(Object::none()),
            Reply::Text(text) => Ok(Object::from(text)),
            Reply::Response(_) => Err(Exception::new(
                "OSError",
                "host call got an HTTP response as its reply",
            )),
        }
    }

    /// Write program output, as `print()` does (through the host, unbuffered by Python).
    pub fn write(&mut self, stream: Stream, text: &str) {
        self.vm.host.write(stream, text);
    }

    /// Call a Python callable (a callback the program passed in) with positional `args`.
    pub fn call(&mut self, callable: &Object, args: &[Object]) -> Result<Object, Exception> {
        let args = args.iter().map(|a| a.0.clone()).collect();
        match self.vm.call(&callable.0, args, Vec::new()) {
            Ok(value) => Ok(Object(value)),
            Err(e) => Err(Exception::from_raised(self.vm, e)),
        }
    }
}

/// A function written in Rust, as [`NativeState::Embedded`] holds it.
pub(crate) struct NativeFunction {
    name: &'static str,
    body: ManuallyDrop<NativeBody>,
}

/// An embedder function's closure.
type NativeBody = Box<dyn Fn(&mut NativeCall<'_, '_>, &[Object]) -> Result<Object, Exception>>;

impl Drop for NativeFunction {
    fn drop(&mut self) {
        drop_embedder_closure(&mut self.body);
    }
}

/// Drop an embedder's closure: its captures' destructors, which reach no host (and no
/// Python code runs on drop), so they never suspend. Out of line and named so that the
/// Asyncify build's remove-list says so (`asyncify.removelist`): the vtable call in here
/// would otherwise make every function that drops a `Value` one that may unwind.
#[inline(never)]
fn drop_embedder_closure(body: &mut ManuallyDrop<NativeBody>) {
    // SAFETY: called once, from `NativeFunction::drop`; `body` is not used afterwards.
    unsafe { ManuallyDrop::drop(body) }
}

/// The one `NativeFn` behind every embedder function: `args[0]` is the holder of its
/// closure (the `Builtin`'s bound `this`).
fn call_native(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut args = args.into_iter();
    let function = args.next().and_then(|holder| match &holder {
        Value::Instance(i) => match i.native.as_ref().map(|n| n.borrow()).as_deref() {
            Some(NativeState::Embedded(f)) => Some(f.clone()),
            _ => None,
        },
        _ => None,
    });
    let Some(function) = function else {
        return Err(PyErr::new(
            "SystemError",
            "native function without its body",
        ));
    };
    crate::builtins::no_kwargs(function.name, &kwargs)?;
    let args: Vec<Object> = args.map(Object).collect();
    let mut call = NativeCall { vm };
    (function.body)(&mut call, &args)
        .map(|o| o.0)
        .map_err(Exception::into_raised)
}

/// Whether `this`, a `Builtin`'s bound value, is the holder of an embedder function (which
/// then shows as `<built-in function name>`, as a C module's functions do).
pub(crate) fn is_native_holder(this: &Value) -> bool {
    matches!(this, Value::Instance(i)
        if i.native.as_ref().is_some_and(|n| matches!(&*n.borrow(), NativeState::Embedded(_))))
}

/// `name` as the `&'static str` a `Builtin` names itself with: each distinct name is
/// allocated once per thread and kept (an embedder has a handful).
fn intern(name: &str) -> &'static str {
    thread_local! {
        static NAMES: RefCell<HashSet<&'static str>> = RefCell::default();
    }
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(known) = names.get(name) {
            return *known;
        }
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        names.insert(leaked);
        leaked
    })
}

/// A module written in Rust, added with [`Interpreter::add_module`]: `import robot` then
/// gives it, as a built-in module (a program's own `robot.py` does not shadow it).
///
/// ```
/// use stackswitch_core::{Exception, NativeModule, Object};
/// let robot = NativeModule::new("robot")
///     .value("WHEELS", 4)
///     .function("double", |_call, args| match args {
///         [n] => n.as_i64().map(|n| Object::from(2 * n))
///             .ok_or_else(|| Exception::new("TypeError", "double() wants an int")),
///         _ => Err(Exception::new("TypeError", "double() takes one argument")),
///     });
/// ```
pub struct NativeModule {
    name: String,
    attributes: Vec<(String, Object)>,
}

impl NativeModule {
    /// An empty module that `import name` will give.
    pub fn new(name: &str) -> NativeModule {
        NativeModule {
            name: name.to_owned(),
            attributes: Vec::new(),
        }
    }

    /// Add the function `name`, implemented by `body`, which gets the positional
    /// arguments (keyword arguments raise `TypeError`) and returns the result or the
    /// exception to raise. It may block through [`NativeCall::suspend`].
    pub fn function<F>(self, name: &str, body: F) -> NativeModule
    where
        F: Fn(&mut NativeCall<'_, '_>, &[Object]) -> Result<Object, Exception> + 'static,
    {
        let function = Object::function(name, body);
        self.value(name, function)
    }

    /// Add the attribute `name` (a constant, a function made with [`Object::function`]).
    pub fn value(mut self, name: &str, value: impl Into<Object>) -> NativeModule {
        self.attributes.push((name.to_owned(), value.into()));
        self
    }
}

/// What [`Interpreter::call`] calls: a global of `__main__` by name, or a callable
/// [`Object`].
#[derive(Clone, Copy, Debug)]
pub enum Callee<'a> {
    /// The global of `__main__` with this name.
    Global(&'a str),
    /// This callable.
    Object(&'a Object),
}

impl<'a> From<&'a str> for Callee<'a> {
    fn from(name: &'a str) -> Callee<'a> {
        Callee::Global(name)
    }
}

impl<'a> From<&'a Object> for Callee<'a> {
    fn from(object: &'a Object) -> Callee<'a> {
        Callee::Object(object)
    }
}

impl Interpreter {
    /// Make `module` importable (`import robot`), replacing any module of that name the
    /// program imported before. Its functions run on the interpreter's thread, within the
    /// run that calls them. Deleting it from `sys.modules` makes it unimportable.
    pub fn add_module(&mut self, module: NativeModule) {
        let created = crate::builtins::new_module(&module.name);
        {
            let mut attrs = created.attrs.borrow_mut();
            for (name, value) in module.attributes {
                attrs.insert(name.into(), value.0);
            }
        }
        let rt = &mut self.rt;
        rt.modules.insert(module.name.clone(), created.clone());
        str_dict_insert(&rt.sys_modules, &module.name, Value::Module(created));
    }

    /// Bind the global `name` of `__main__` (what the program's code sees as a global).
    pub fn set_global(&mut self, name: &str, value: impl Into<Object>) {
        let main = self.rt.main.clone();
        let old = main.attrs.borrow_mut().insert(name.into(), value.into().0);
        drop(old); // after the borrow ends: dropping a value may run code that reads globals
    }

    /// The global `name` of `__main__`, if bound (builtins are not globals).
    pub fn global(&self, name: &str) -> Option<Object> {
        let main = self.rt.main.clone();
        let value = main.attrs.borrow().get(name).cloned();
        value.map(Object)
    }

    /// Call a Python callable — a global of `__main__` by name, or an [`Object`] — with
    /// positional `args`, blocking builtins calling `host`, as [`Interpreter::run`] does.
    ///
    /// Returns its result, or the [`Error`] for the exception it raised (with CPython's
    /// traceback), `NameError` for a name that is not a global.
    pub fn call<'c>(
        &mut self,
        callee: impl Into<Callee<'c>>,
        args: &[Object],
        host: &mut dyn crate::Host,
    ) -> Result<Object, Error> {
        let callable = match callee.into() {
            Callee::Object(object) => Ok(object.0.clone()),
            Callee::Global(name) => self
                .global(name)
                .map(|o| o.0)
                .ok_or_else(|| PyErr::new("NameError", format!("name '{name}' is not defined"))),
        };
        let args: Vec<Value> = args.iter().map(|a| a.0.clone()).collect();
        let mut vm = Vm::new(&mut self.rt, host);
        let result = callable.and_then(|callable| vm.call(&callable, args, Vec::new()));
        // As after a run: files left open are written back.
        let flushed = vm.flush_open_files();
        match result {
            Ok(value) => match flushed {
                Ok(()) => Ok(Object(value)),
                Err(e) => Err(uncaught(&mut vm, e)),
            },
            Err(e) => Err(uncaught(&mut vm, e)),
        }
    }
}

/// Insert `value` under the str key `name` (which needs no Python code to hash or compare).
pub(crate) fn str_dict_insert(dict: &PyDict, name: &str, value: Value) {
    let key = Value::str(name);
    let Value::Str(s) = &key else { return };
    let hash = s.hash();
    let old = dict.table.borrow_mut().insert_fast(
        key,
        hash,
        value,
        |a, b| matches!((a, b), (Value::Str(x), Value::Str(y)) if x.as_str() == y.as_str()),
    );
    drop(old);
}

/// Plain data for a host, as [`Object::to_host`] documents.
fn to_host_value(v: &Value, depth: usize) -> PyResult<HostValue> {
    if depth > 100 {
        return Err(crate::vm::value_error(
            "value too deeply nested to pass to the host",
        ));
    }
    let items = |items: &[Value]| -> PyResult<HostValue> {
        let converted: PyResult<Vec<HostValue>> =
            items.iter().map(|i| to_host_value(i, depth + 1)).collect();
        Ok(HostValue::List(converted?))
    };
    if let Some(plain) = crate::modules::scalar_host_value(v) {
        return Ok(plain);
    }
    Ok(match v {
        Value::List(l) => {
            let snapshot = l.items.borrow().clone();
            items(&snapshot)?
        }
        Value::Tuple(t) => items(&t.items)?,
        Value::Dict(d) => {
            let snapshot: Vec<(Value, Value)> = d
                .table
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut out = Vec::with_capacity(snapshot.len());
            for (k, val) in &snapshot {
                let Value::Str(k) = k else {
                    return Err(crate::vm::type_error(
                        "dict keys passed to the host must be str",
                    ));
                };
                out.push((k.as_str().to_owned(), to_host_value(val, depth + 1)?));
            }
            HostValue::Dict(out)
        }
        other => {
            return Err(crate::vm::type_error(format!(
                "cannot pass a '{}' object to the host",
                crate::vm::type_of(other).name
            )))
        }
    })
}
