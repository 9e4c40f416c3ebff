//! The importable built-in modules and the import machinery.
//!
//! ```text
//!   sys     argv, stdout, stderr, exit, version_info, maxsize, recursion limit, modules
//!           (registry.rs: the sys.modules dict every import goes through)
//!   time    sleep (suspends), time, monotonic, perf_counter (+ py/time.py: struct_time,
//!           gmtime, localtime, mktime, strftime; local time is UTC)
//!   math    math.rs          random  random.rs (+ mersenne.rs, CPython's MT19937)
//!   cmath   cmath.rs (CPython's special-value tables and branch cuts)
//!   struct  packing.rs (+ py/struct.py)
//!   json    json.rs          urllib.request / urllib.error  urllib.rs (urlopen suspends)
//!   host    call(name, *args): a blocking function registered by the embedder (suspends)
//!   collections itertools functools operator heapq bisect string copy textwrap io
//!           enum dataclasses abc typing decimal fractions statistics datetime _strptime array
//!           Python source in py/, compiled and run on first import ([`PYTHON_MODULES`])
//!   re      py/re.py + py/_re_parser.py (CPython's parser) over _sre (sre.rs, the matcher)
//!   asyncio py/asyncio.py: the event loop, futures, tasks, queues, locks; it sleeps
//!           with time.sleep (suspends) and reads time.monotonic
//! ```
//! Invariant: a module is created when an import finds its name missing from
//! `sys.modules` (`Runtime::sys_modules`, see `registry`) and is then listed there and in
//! `Runtime::modules`; the only ways out to the host are [`Host::suspend`] (blocking)
//! and `Host::write`/`Host::now` (non-blocking). Host failures map to Python exceptions in
//! [`host_error`], never to panics.
//!
//! [`Host::suspend`]: crate::Host::suspend

pub(crate) mod cmath;
pub(crate) mod files;
pub(crate) mod json;
pub(crate) mod math;
pub(crate) mod mersenne;
pub(crate) mod packing;
pub(crate) mod random;
pub(crate) mod registry;
pub(crate) mod sre;
pub(crate) mod urllib;

use std::rc::Rc;

/// The standard modules written in Python (each file's header says why), by name; the
/// source is `py/<name>.py`. A program pays for one only when it imports it: its source is
/// compiled at that moment, and without the `frozen-stdlib` feature (the web builds) it is
/// not even in the interpreter: the first import asks the host for it
/// ([`SuspendRequest::ModuleSource`]), so a page downloads only what its programs import.
macro_rules! python_modules {
    ($($name:literal),* $(,)?) => {
        const PYTHON_MODULES: &[(&str, Option<&str>)] = &[$(($name, frozen_source!($name))),*];
    };
}

#[cfg(feature = "frozen-stdlib")]
macro_rules! frozen_source {
    ($name:literal) => {
        Some(include_str!(concat!("py/", $name, ".py")))
    };
}

#[cfg(not(feature = "frozen-stdlib"))]
macro_rules! frozen_source {
    ($name:literal) => {
        None
    };
}

python_modules![
    "collections",
    "itertools",
    "functools",
    "operator",
    "heapq",
    "bisect",
    "string",
    "copy",
    "_fileio",
    "os",
    "posixpath",
    "textwrap",
    "io",
    "enum",
    "dataclasses",
    "abc",
    "typing",
    "decimal",
    "fractions",
    "statistics",
    "datetime",
    "_strptime",
    "re",
    "_re_parser",
    "asyncio",
    "array",
    "contextlib",
    "calendar",
];

use crate::builtins::{check_args, native, new_module, no_kwargs};
use crate::host::{Clock, HostError, HostErrorKind, HostValue, Reply, Stream, SuspendRequest};
use crate::objects::{Instance, Kwargs, Module, NativeState, Value};
use crate::vm::types::{types, BuiltinTypes};
use crate::vm::{overflow_error, type_error, value_error, PyErr, PyResult, Vm};

/// Install the methods of the modules' native classes (streams, HTTP responses).
pub(crate) fn install_methods(t: &BuiltinTypes) {
    urllib::install(t);
}

/// repr of native-class instances that have a special one.
pub(crate) fn native_repr(_vm: &mut Vm<'_>, i: &Instance) -> PyResult<Option<String>> {
    let Some(native) = &i.native else {
        return Ok(None);
    };
    Ok(match &*native.borrow() {
        NativeState::Stream(Stream::Stdout) => {
            Some("<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>".into())
        }
        NativeState::Stream(Stream::Stderr) => {
            Some("<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>".into())
        }
        _ => None,
    })
}

/// The Python exception for a host failure.
pub(crate) fn host_error(e: HostError) -> PyErr {
    match e.kind {
        HostErrorKind::Interrupted => PyErr::new_empty("KeyboardInterrupt"),
        HostErrorKind::EndOfInput => PyErr::new("EOFError", "EOF when reading a line"),
        HostErrorKind::Network => urllib::url_error(Value::str(e.message)),
        HostErrorKind::UnknownFunction => PyErr::new("LookupError", e.message),
        HostErrorKind::Failed => PyErr::new("OSError", e.message),
        // Vm::suspend ends the run before this is ever raised.
        HostErrorKind::TimedOut => PyErr::new("TimeoutError", e.message),
    }
}

/// The modules a plain CPython 3.11 has in `sys.modules` before the program's first
/// line (built into the executable, or imported by `site`), which a program's file of the
/// same name therefore never shadows; of them, the ones this interpreter provides.
const CPYTHON_PRELOADED: &[&str] = &[
    "sys",
    "builtins",
    "time",
    "itertools",
    "os",
    "os.path",
    "posixpath",
    "io",
    "abc",
];

impl Vm<'_> {
    /// `import name` for the interpreter's own use: the module `sys.modules` lists, or
    /// the one created for the name when a program listed something else there.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn import_module(&mut self, name: &str) -> PyResult<Rc<Module>> {
        match self.import_value(name)? {
            Value::Module(m) => Ok(m),
            _ => match self.rt.modules.get(name) {
                Some(m) => Ok(m.clone()),
                None => self.create_module(name),
            },
        }
    }

    pub(crate) fn create_module(&mut self, name: &str) -> PyResult<Rc<Module>> {
        // The program's own files come first on CPython's sys.path: its `random.py`
        // shadows the standard library's `random` (the classic "partially initialized
        // module" surprise), except for the modules CPython has loaded before any
        // program runs.
        if !CPYTHON_PRELOADED.contains(&name) && !name.starts_with('_') && name != "host" {
            if let Some(source) = self.find_source(name) {
                return self.import_source(name, source);
            }
        }
        let module = match name {
            "sys" => match self.rt.modules.get("sys") {
                Some(sys) => sys.clone(),
                None => sys_module(self)?,
            },
            "__main__" => self.rt.main.clone(),
            "builtins" => self.rt.builtins.clone(),
            "time" => return time_module(self),
            "math" => math::module(),
            "cmath" => cmath::module(),
            "random" => random::module(self)?,
            "json" => json::module(),
            "struct" => return packing::module(self),
            "urllib" => new_module("urllib"),
            "urllib.request" => urllib::request_module(self)?,
            "urllib.error" => urllib::error_module(),
            "host" => host_module(),
            "__future__" => future_module(),
            "_fs" => files::module(),
            "_sre" => sre::module(),
            "_coroutines" => coroutines_module(),
            "os.path" => self.import_module("posixpath")?,
            _ => {
                if let Some((_, frozen)) = PYTHON_MODULES.iter().find(|(n, _)| *n == name) {
                    return match frozen {
                        Some(source) => self.python_module(name, source),
                        None => {
                            let source = self.standard_module_source(name)?;
                            self.python_module(name, &source)
                        }
                    };
                }
                if let Some(source) = self.find_source(name) {
                    return self.import_source(name, source);
                }
                let err = registry::module_not_found(name, format!("No module named '{name}'"));
                return Err(err);
            }
        };
        self.register_module(name, &module);
        Ok(module)
    }
}

impl Vm<'_> {
    /// The source of the standard module `name`, from the host (see [`PYTHON_MODULES`]).
    /// A host that cannot give it makes the import fail with `ImportError`; an interrupt
    /// or a time limit ends the wait as in any suspension.
    fn standard_module_source(&mut self, name: &str) -> PyResult<String> {
        let failure = |why: &str| {
            let err = PyErr::new(
                "ImportError",
                format!("cannot load the standard module '{name}': {why}"),
            );
            err.instance()
                .attrs
                .borrow_mut()
                .insert("name".into(), Value::str(name));
            err
        };
        match self.suspend_for_reply(SuspendRequest::ModuleSource { name: name.into() })? {
            Ok(Reply::Text(source)) => Ok(source),
            Ok(_) => Err(failure("the host's reply is not source text")),
            Err(e) if e.kind == HostErrorKind::Interrupted => Err(host_error(e)),
            Err(e) => Err(failure(&e.message)),
        }
    }

    /// A module written in Python: registered before its code runs (as CPython does), so
    /// modules that import each other see the partly built module rather than recursing;
    /// removed again if its code fails.
    fn python_module(&mut self, name: &str, source: &str) -> PyResult<Rc<Module>> {
        let module = new_module(name);
        module
            .attrs
            .borrow_mut()
            .insert("__name__".into(), Value::str(name));
        self.register_module(name, &module);
        let filename = format!("<frozen {name}>");
        if let Err(e) = self.exec_builtin_source(&module, source, &filename) {
            self.unregister_module(name);
            return Err(e);
        }
        Ok(module)
    }
}

/// `sys.stdout` / `sys.stderr`.
fn stream(s: Stream) -> Value {
    Value::Instance(Rc::new(Instance {
        class: types().text_io.clone(),
        attrs: Default::default(),
        exc: None,
        native: Some(std::cell::RefCell::new(NativeState::Stream(s))),
    }))
}

/// The Python half of `sys`: `sys.stdin` (see the file's header).
const SYS_STDIN_SOURCE: &str = include_str!("py/sys_stdin.py");

fn sys_module(vm: &mut Vm<'_>) -> PyResult<Rc<Module>> {
    let m = new_module("sys");
    let argv: Vec<Value> = vm.rt.config.argv.iter().map(Value::str).collect();
    {
        let mut a = m.attrs.borrow_mut();
        a.insert("argv".into(), Value::list(argv));
        a.insert("stdout".into(), stream(Stream::Stdout));
        a.insert("stderr".into(), stream(Stream::Stderr));
        a.insert("maxsize".into(), Value::Int(i64::MAX));
        a.insert("platform".into(), Value::str("stackswitch"));
        a.insert("byteorder".into(), Value::str("little"));
        a.insert("version".into(), Value::str("3.11 (stackswitch)"));
        let info = vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ];
        a.insert("version_info".into(), Value::tuple(info));
        for (name, f) in [
            ("exit", sys_exit as crate::objects::NativeFn),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ] {
            a.insert(name.into(), native(name, f));
        }
        for (name, s) in [
            ("__stdout__", Stream::Stdout),
            ("__stderr__", Stream::Stderr),
        ] {
            let same = a
                .get(if s == Stream::Stdout {
                    "stdout"
                } else {
                    "stderr"
                })
                .cloned();
            a.insert(name.into(), same.unwrap_or_else(|| stream(s)));
        }
        let main_dir = files::main_dir(&vm.rt.config.filename);
        a.insert("path".into(), Value::list(vec![Value::str(main_dir)]));
        a.insert("modules".into(), Value::Dict(vm.rt.sys_modules.clone()));
    }
    vm.exec_builtin_source(&m, SYS_STDIN_SOURCE, "<frozen sys>")?;
    Ok(m)
}

fn sys_exit(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("exit", &kw)?;
    check_args("exit", &args, 0, 1)?;
    Err(PyErr::with_args(&types().exc("SystemExit"), args))
}

/// `exc_info()`: `(type, value, traceback)` of the exception being handled, or three
/// Nones. There are no traceback objects here: the third item is always None.
fn sys_exc_info(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("exc_info", &kw)?;
    check_args("exc_info", &args, 0, 0)?;
    Ok(match vm.handled.clone() {
        Some(Value::Instance(exc)) => Value::tuple(vec![
            Value::Class(exc.class.clone()),
            Value::Instance(exc),
            Value::None,
        ]),
        _ => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn sys_get_int_max_str_digits(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    if !args.is_empty() || !kw.is_empty() {
        return Err(type_error(format!(
            "sys.get_int_max_str_digits() takes no arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    Ok(Value::Int(vm.rt.int_max_str_digits as i64))
}

/// `set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640, as CPython.
fn sys_set_int_max_str_digits(
    vm: &mut Vm<'_>,
    mut args: Vec<Value>,
    mut kw: Kwargs,
) -> PyResult<Value> {
    if let Some(pos) = kw.iter().position(|(k, _)| &**k == "maxdigits") {
        if args.is_empty() {
            args.push(kw.remove(pos).1);
        }
    }
    if !args.is_empty() && !kw.is_empty() {
        return Err(type_error(format!(
            "set_int_max_str_digits() takes at most 1 argument ({} given)",
            args.len() + kw.len()
        )));
    }
    let n = match args.as_slice() {
        [] => {
            return Err(type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
        [v] => match v {
            Value::Int(n) => *n,
            Value::Bool(b) => i64::from(*b),
            Value::BigInt(_) => {
                return Err(overflow_error("Python int too large to convert to C int"))
            }
            other => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(other)
                )))
            }
        },
        _ => {
            return Err(type_error(format!(
                "set_int_max_str_digits() takes at most 1 argument ({} given)",
                args.len()
            )))
        }
    };
    if n > i64::from(i32::MAX) || n < i64::from(i32::MIN) {
        return Err(overflow_error("Python int too large to convert to C int"));
    }
    if n < 0 || (0 < n && n < 640) {
        return Err(value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.rt.int_max_str_digits = n as usize;
    crate::text::format::install_int_max_str_digits(n as usize);
    Ok(Value::None)
}

fn sys_getrecursionlimit(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("getrecursionlimit", &kw)?;
    check_args("getrecursionlimit", &args, 0, 0)?;
    Ok(Value::Int(vm.rt.config.recursion_limit as i64))
}

/// Raising the limit is allowed; the native stack budget still bounds real depth.
fn sys_setrecursionlimit(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("setrecursionlimit", &kw)?;
    check_args("setrecursionlimit", &args, 1, 1)?;
    let n = match &args[0] {
        Value::Int(n) => *n,
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.rt.config.recursion_limit = n as usize;
    Ok(Value::None)
}

/// `time`: the clock functions here, then struct_time, gmtime/localtime, mktime, strftime
/// and asctime/ctime from `py/time.py`.
fn time_module(vm: &mut Vm<'_>) -> PyResult<Rc<Module>> {
    let m = new_module("time");
    for (name, f) in [
        ("sleep", time_sleep as crate::objects::NativeFn),
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("monotonic", time_monotonic),
        ("perf_counter", time_monotonic),
        ("process_time", time_monotonic),
    ] {
        m.attrs.borrow_mut().insert(name.into(), native(name, f));
    }
    vm.register_module("time", &m);
    if let Err(e) = vm.exec_builtin_source(&m, include_str!("py/time.py"), "<frozen time>") {
        vm.unregister_module("time");
        return Err(e);
    }
    Ok(m)
}

fn time_sleep(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("sleep", &kw)?;
    check_args("sleep", &args, 1, 1)?;
    let seconds = match &args[0] {
        Value::Float(f) => *f,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            crate::vm::ops::to_f64(&args[0])?.unwrap_or(0.0)
        }
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if seconds.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if seconds < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    if !seconds.is_finite() || seconds > 9.2e9 {
        return Err(overflow_error("sleep length is too large"));
    }
    vm.suspend(SuspendRequest::Sleep { seconds })?;
    Ok(Value::None)
}

fn time_time(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("time", &kw)?;
    check_args("time", &args, 0, 0)?;
    Ok(Value::Float(vm.host.now(Clock::Wall)))
}

fn time_time_ns(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("time_ns", &kw)?;
    check_args("time_ns", &args, 0, 0)?;
    Ok(Value::Int((vm.host.now(Clock::Wall) * 1e9) as i64))
}

fn time_monotonic(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("monotonic", &kw)?;
    check_args("monotonic", &args, 0, 0)?;
    Ok(Value::Float(vm.host.now(Clock::Monotonic)))
}

/// `__future__`: every feature of 3.11 is already on (annotations are never evaluated
/// here), so importing one only has to succeed; each feature is named by a string.
fn future_module() -> Rc<Module> {
    const FEATURES: [&str; 10] = [
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    ];
    let m = new_module("__future__");
    let mut attrs = m.attrs.borrow_mut();
    for name in FEATURES {
        attrs.insert(name.into(), Value::str(name));
    }
    let names = FEATURES.iter().map(|n| Value::str(*n)).collect();
    attrs.insert("all_feature_names".into(), Value::list(names));
    drop(attrs);
    m
}

/// `_coroutines.iscoroutinefunction(f)`: whether `f` (or the function a method wraps)
/// is an `async def` without `yield` — what CPython reads from `co_flags`.
fn coroutines_module() -> Rc<Module> {
    let m = new_module("_coroutines");
    m.attrs.borrow_mut().insert(
        "iscoroutinefunction".into(),
        native("iscoroutinefunction", is_coroutine_function),
    );
    m.attrs.borrow_mut().insert(
        "set_asyncgen_finalizer".into(),
        native("set_asyncgen_finalizer", set_asyncgen_finalizer),
    );
    m
}

/// `_coroutines.set_asyncgen_finalizer(f)`: what is called with each async generator
/// dropped while suspended (None: close it in place); returns the previous one.
fn set_asyncgen_finalizer(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("set_asyncgen_finalizer", &kw)?;
    check_args("set_asyncgen_finalizer", &args, 1, 1)?;
    let new = (!args[0].is_none()).then(|| args[0].clone());
    let old = std::mem::replace(&mut vm.rt.asyncgen_finalizer, new);
    Ok(old.unwrap_or(Value::None))
}

fn is_coroutine_function(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("iscoroutinefunction", &kw)?;
    check_args("iscoroutinefunction", &args, 1, 1)?;
    let mut f = &args[0];
    if let Value::Method(m) = f {
        f = &m.func;
    }
    Ok(Value::Bool(matches!(
        f,
        Value::Function(func) if func.code.is_coroutine && !func.code.is_generator
    )))
}

fn host_module() -> Rc<Module> {
    let m = new_module("host");
    m.attrs
        .borrow_mut()
        .insert("call".into(), native("call", host_call));
    m
}

/// `host.call(name, *args)`: hand a named request to the embedder and wait for its value.
fn host_call(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("call", &kw)?;
    let Some(Value::Str(name)) = args.first() else {
        return Err(type_error(
            "host.call() needs the function name as a str first argument",
        ));
    };
    let mut host_args = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        host_args.push(to_host_value(vm, a, 0)?);
    }
    match vm.suspend(SuspendRequest::HostCall {
        name: name.as_str().to_string(),
        args: host_args,
    })? {
        Reply::Value(v) => Ok(from_host_value(v)),
        Reply::Done => Ok(Value::None),
        Reply::Text(t) => Ok(Value::str(t)),
        Reply::Response(_) => Err(PyErr::new(
            "OSError",
            "host.call() got an HTTP response as its reply",
        )),
    }
}

/// A Python value as data for the host (JSON-like; depth-limited). Containers are read
/// through the VM (a list subclass's items, a dict's in order).
pub(crate) fn to_host_value(vm: &mut Vm<'_>, v: &Value, depth: usize) -> PyResult<HostValue> {
    if depth > 100 {
        return Err(value_error("value too deeply nested to pass to the host"));
    }
    if let Some(plain) = scalar_host_value(v) {
        return Ok(plain);
    }
    Ok(match v {
        Value::List(_) | Value::Tuple(_) => {
            let items = vm.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                out.push(to_host_value(vm, item, depth + 1)?);
            }
            HostValue::List(out)
        }
        Value::Dict(_) => {
            let mut out = Vec::new();
            for (k, val) in vm.dict_items(v) {
                let Value::Str(k) = k else {
                    return Err(type_error("dict keys passed to the host must be str"));
                };
                out.push((k.as_str().to_string(), to_host_value(vm, &val, depth + 1)?));
            }
            HostValue::Dict(out)
        }
        other => {
            return Err(type_error(format!(
                "cannot pass a '{}' object to the host",
                vm.type_name(other)
            )));
        }
    })
}

/// The host form of a value that is not a container (None, bool, int of any size, float,
/// str, bytes, bytearray), or `None` for anything else. Shared by the `host` module and
/// the embedder API, so both map values the same way.
pub(crate) fn scalar_host_value(v: &Value) -> Option<HostValue> {
    Some(match v {
        Value::None => HostValue::None,
        Value::Bool(b) => HostValue::Bool(*b),
        Value::Int(i) => HostValue::Int(*i),
        Value::BigInt(n) => {
            let (sign, magnitude) = n.to_bytes_le();
            HostValue::BigInt {
                negative: sign == num_bigint::Sign::Minus,
                magnitude,
            }
        }
        Value::Float(f) => HostValue::Float(*f),
        Value::Str(s) => HostValue::Str(s.as_str().to_string()),
        Value::Bytes(b) => HostValue::Bytes(b.to_vec()),
        Value::ByteArray(b) => HostValue::Bytes(b.data.borrow().clone()),
        _ => return None,
    })
}

/// The host's reply as a Python value (no Python code runs: dict keys are str).
pub(crate) fn from_host_value(v: HostValue) -> Value {
    match v {
        HostValue::None => Value::None,
        HostValue::Bool(b) => Value::Bool(b),
        HostValue::Int(i) => Value::Int(i),
        HostValue::BigInt {
            negative,
            magnitude,
        } => {
            let sign = if negative {
                num_bigint::Sign::Minus
            } else {
                num_bigint::Sign::Plus
            };
            Value::from_bigint(num_bigint::BigInt::from_bytes_le(sign, &magnitude))
        }
        HostValue::Float(f) => Value::Float(f),
        HostValue::Str(s) => Value::str(s),
        HostValue::Bytes(b) => Value::Bytes(Rc::new(b)),
        HostValue::List(items) => Value::list(items.into_iter().map(from_host_value).collect()),
        HostValue::Dict(pairs) => {
            let dict = crate::objects::PyDict::new();
            for (k, val) in pairs {
                crate::embed::str_dict_insert(&dict, &k, from_host_value(val));
            }
            Value::Dict(Rc::new(dict))
        }
    }
}
