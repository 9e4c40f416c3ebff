//! Methods of the smaller built-in types: `object`'s defaults, exceptions, generators,
//! properties, `int` and `float`, and the `sys.stdout`/`sys.stderr` streams.
//!
//! Invariant: `object`'s methods are found only after a class's own MRO (they are not
//! stored in `object`'s namespace), so `Class::lookup("__init__")` still tells whether
//! a user class defines an initializer.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{add_methods, check_method_args, native, no_kwargs};
use crate::objects::{Kwargs, NativeState, Value};
use crate::vm::types::BuiltinTypes;
use crate::vm::{type_error, PyErr, PyResult, Resume, Vm};

/// `object.__init__`, `object.__str__`... for attribute lookups that miss the MRO.
pub(crate) fn object_method(name: &str) -> Option<Value> {
    let f: crate::objects::NativeFn = match name {
        "__init__" => object_init,
        "__str__" => object_str,
        "__repr__" => object_repr,
        "__eq__" => object_eq,
        "__ne__" => object_ne,
        "__hash__" => object_hash,
        "__setattr__" => object_setattr,
        "__format__" => object_format,
        "__new__" => object_new,
        "__init_subclass__" => super::metaclass::object_init_subclass,
        _ => return None,
    };
    Some(native(static_name(name), f))
}

fn static_name(name: &str) -> &'static str {
    match name {
        "__init__" => "__init__",
        "__str__" => "__str__",
        "__repr__" => "__repr__",
        "__eq__" => "__eq__",
        "__ne__" => "__ne__",
        "__hash__" => "__hash__",
        "__setattr__" => "__setattr__",
        "__new__" => "__new__",
        "__init_subclass__" => "__init_subclass__",
        _ => "__format__",
    }
}

fn this(args: &[Value]) -> Value {
    args.first().cloned().unwrap_or(Value::None)
}

fn object_init(_vm: &mut Vm<'_>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_str(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let v = this(&args);
    if let Value::Instance(i) = &v {
        if i.exc.is_some() {
            return Ok(Value::str(exception_str(vm, &v)?));
        }
    }
    Ok(Value::str(vm.repr(&v)?))
}

fn object_repr(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::str(super::default_repr(vm, &this(&args))?))
}

fn object_eq(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    check_method_args("__eq__", &args, 1, 1)?;
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    check_method_args("__ne__", &args, 1, 1)?;
    let eq = vm.rich_compare(&args[0], &args[1], crate::compiler::CmpOp::Eq)?;
    Ok(match eq {
        Value::NotImplemented => Value::NotImplemented,
        v => Value::Bool(!vm.truthy(&v)?),
    })
}

fn object_hash(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(
        (this(&args).heap_addr().unwrap_or(0) >> 4) as i64,
    ))
}

fn object_setattr(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    check_method_args("__setattr__", &args, 2, 2)?;
    match (&args[0], &args[1]) {
        (Value::Instance(i), Value::Str(name)) => {
            let old = i
                .attrs
                .borrow_mut()
                .insert(Rc::from(name.as_str()), args[2].clone());
            drop(old);
            Ok(Value::None)
        }
        // `super().__setattr__(name, value)` in a metaclass.
        (Value::Class(c), Value::Str(name)) if c.builtin.is_none() => {
            let old = c
                .attrs
                .borrow_mut()
                .insert(Rc::from(name.as_str()), args[2].clone());
            drop(old);
            Ok(Value::None)
        }
        _ => Err(type_error("can't apply this __setattr__ to this object")),
    }
}

/// `object.__new__(cls, ...)`: a bare instance; the extra arguments are `__init__`'s.
fn object_new(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Class(c)) if c.builtin.is_none() || c.is_exception => {
            // `super().__new__(cls, value)` in a subclass of a built-in type builds the
            // built-in value too.
            match super::subclass::builtin_base(c) {
                Some(base) => {
                    super::subclass::new_instance(vm, c, &base, args[1..].to_vec(), _kw, false)
                }
                None => Ok(crate::vm::bare_instance(c, &args[1..])),
            }
        }
        Some(Value::Class(c)) => Err(type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            c.name, c.name
        ))),
        Some(other) => Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(other)
        ))),
        None => Err(type_error("object.__new__(): not enough arguments")),
    }
}

fn object_format(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    check_method_args("__format__", &args, 1, 1)?;
    let spec = match &args[1] {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(type_error("format spec must be a str")),
    };
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args[0])
        )));
    }
    Ok(Value::str(vm.to_str(&args[0])?))
}

fn exc_args(v: &Value) -> Vec<Value> {
    match v {
        Value::Instance(i) => match i.exc.as_ref().map(|e| e.args.borrow().clone()) {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// `str(exc)`: '' for no args, str(arg) for one (repr for KeyError), else str(args).
pub(crate) fn exception_str(vm: &mut Vm<'_>, v: &Value) -> PyResult<String> {
    if let Some(located) = syntax_error_str(v) {
        return Ok(located);
    }
    let args = exc_args(v);
    let is_key_error = matches!(v, Value::Instance(i) if i.class.is_subclass(&crate::vm::types::types().exc("KeyError")));
    match args.len() {
        0 => Ok(String::new()),
        1 if is_key_error => vm.repr(&args[0]),
        1 => vm.to_str(&args[0]),
        _ => vm.repr(&Value::tuple(args)),
    }
}

/// CPython's `SyntaxError.__str__`: `msg (file's basename, line N)` when `msg` is a str
/// and the location is known.
fn syntax_error_str(v: &Value) -> Option<String> {
    let Value::Instance(i) = v else { return None };
    if !i
        .class
        .is_subclass(&crate::vm::types::types().exc("SyntaxError"))
    {
        return None;
    }
    let attrs = i.attrs.borrow();
    let Some(Value::Str(msg)) = attrs.get("msg") else {
        return None;
    };
    let file = match attrs.get("filename") {
        Some(Value::Str(f)) => Some(f.as_str().rsplit('/').next().unwrap_or("").to_owned()),
        _ => None,
    };
    let line = match attrs.get("lineno") {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    };
    Some(match (file, line) {
        (Some(f), Some(n)) => format!("{} ({f}, line {n})", msg.as_str()),
        (Some(f), None) => format!("{} ({f})", msg.as_str()),
        (None, Some(n)) => format!("{} (line {n})", msg.as_str()),
        (None, None) => msg.as_str().to_owned(),
    })
}

/// `repr(exc)`: `ValueError('message')`.
pub(crate) fn exception_repr(vm: &mut Vm<'_>, v: &Value) -> PyResult<String> {
    let Value::Instance(i) = v else {
        return Ok(String::new());
    };
    let args = exc_args(v);
    let inner = match args.len() {
        1 => vm.repr(&args[0])?,
        _ => {
            let r = vm.repr(&Value::tuple(args.clone()))?;
            r.trim_start_matches('(')
                .trim_end_matches(')')
                .trim_end_matches(',')
                .to_string()
        }
    };
    Ok(format!("{}({inner})", i.class.qualname))
}

fn exc_init(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(exc) = &i.exc {
            *exc.args.borrow_mut() = Value::tuple(args[1..].to_vec());
        }
    }
    Ok(Value::None)
}

/// The OSError subclass CPython's `OSError(errno, ...)` makes for a Linux errno.
fn os_error_class_for(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError", // EAGAIN, EALREADY, EINPROGRESS
        10 => "ChildProcessError",           // ECHILD
        32 | 108 => "BrokenPipeError",       // EPIPE, ESHUTDOWN
        103 => "ConnectionAbortedError",     // ECONNABORTED
        111 => "ConnectionRefusedError",     // ECONNREFUSED
        104 => "ConnectionResetError",       // ECONNRESET
        17 => "FileExistsError",             // EEXIST
        2 => "FileNotFoundError",            // ENOENT
        4 => "InterruptedError",             // EINTR
        21 => "IsADirectoryError",           // EISDIR
        20 => "NotADirectoryError",          // ENOTDIR
        1 | 13 => "PermissionError",         // EPERM, EACCES
        3 => "ProcessLookupError",           // ESRCH
        110 => "TimeoutError",               // ETIMEDOUT
        _ => return None,
    })
}

/// `OSError(errno, strerror, ...)` called on OSError itself makes the subclass for the
/// errno, as CPython's `OSError.__new__` does; any other class is kept.
pub(crate) fn os_error_subclass(
    class: &Rc<crate::objects::Class>,
    args: &[Value],
) -> Rc<crate::objects::Class> {
    let t = crate::vm::types::types();
    if !Rc::ptr_eq(class, &t.exc("OSError")) || !(2..=5).contains(&args.len()) {
        return class.clone();
    }
    match args.first().and_then(|e| match e {
        Value::Int(n) => os_error_class_for(*n),
        _ => None,
    }) {
        Some(name) => t.exc(name),
        None => class.clone(),
    }
}

/// `OSError.__init__`: with 2 to 5 arguments, `errno`, `strerror`, `filename` (3rd),
/// `filename2` (5th) are set, and `args` keeps only `(errno, strerror)` once a filename
/// is given; otherwise those attributes are None, as in CPython.
fn os_error_init(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Instance(i)) = args.first() else {
        return Ok(Value::None);
    };
    let rest = &args[1..];
    let attr = |n: usize| rest.get(n).cloned().unwrap_or(Value::None);
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&rest.len()) {
        (attr(0), attr(1), attr(2), attr(4))
    } else {
        (Value::None, Value::None, Value::None, Value::None)
    };
    exc_init(vm, args.clone(), kw)?;
    if !filename.is_none() {
        if let Some(exc) = &i.exc {
            *exc.args.borrow_mut() = Value::tuple(rest[..2].to_vec());
        }
    }
    let mut attrs = i.attrs.borrow_mut();
    attrs.insert("errno".into(), errno);
    attrs.insert("strerror".into(), strerror);
    attrs.insert("filename".into(), filename);
    attrs.insert("filename2".into(), filename2);
    Ok(Value::None)
}

/// `str(OSError)`: `[Errno 2] No such file or directory: 'name'` (and ` -> 'other'`).
fn os_error_str(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let exc = this(&args);
    let get = |name: &str| match &exc {
        Value::Instance(i) => i.attrs.borrow().get(name).cloned().unwrap_or(Value::None),
        _ => Value::None,
    };
    let (errno, strerror) = (get("errno"), get("strerror"));
    let (filename, filename2) = (get("filename"), get("filename2"));
    let text = if !filename.is_none() {
        let mut text = format!(
            "[Errno {}] {}: {}",
            vm.to_str(&errno)?,
            vm.to_str(&strerror)?,
            vm.repr(&filename)?
        );
        if !filename2.is_none() {
            text.push_str(&format!(" -> {}", vm.repr(&filename2)?));
        }
        text
    } else if !errno.is_none() && !strerror.is_none() {
        format!("[Errno {}] {}", vm.to_str(&errno)?, vm.to_str(&strerror)?)
    } else {
        exception_str(vm, &exc)?
    };
    Ok(Value::str(text))
}

/// `ImportError.__init__(*args, name=None, path=None)`.
fn import_error_init(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let name = super::take_kwarg(&mut kw, "name").unwrap_or(Value::None);
    let path = super::take_kwarg(&mut kw, "path").unwrap_or(Value::None);
    if let Some((key, _)) = kw.first() {
        return Err(type_error(format!(
            "'{key}' is an invalid keyword argument for ImportError()"
        )));
    }
    exc_init(vm, args.clone(), kw)?;
    if let Some(Value::Instance(i)) = args.first() {
        let mut attrs = i.attrs.borrow_mut();
        attrs.insert("name".into(), name);
        attrs.insert("path".into(), path);
        attrs.insert("msg".into(), args.get(1).cloned().unwrap_or(Value::None));
    }
    Ok(Value::None)
}

fn exc_with_traceback(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(this(&args))
}

/// The first argument of an exception (`StopIteration.value`, `SystemExit.code`).
fn exc_first_arg(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let a = exc_args(&this(&args));
    Ok(match a.len() {
        0 => Value::None,
        1 => a[0].clone(),
        _ => Value::tuple(a),
    })
}

fn as_generator(v: &Value) -> PyResult<&Rc<crate::objects::Generator>> {
    match v {
        Value::Generator(g) => Ok(g),
        _ => Err(type_error("descriptor requires a 'generator' object")),
    }
}

fn finish(r: Result<Value, Value>) -> PyResult<Value> {
    match r {
        Ok(v) => Ok(v),
        Err(ret) => Err(crate::vm::stop_iteration(ret)),
    }
}

fn gen_send(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("send", &kw)?;
    check_method_args("send", &args, 1, 1)?;
    let g = as_generator(&args[0])?.clone();
    let r = vm.resume_generator(&g, args[1].clone())?;
    finish(r)
}

fn gen_next(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let g = as_generator(&this(&args))?.clone();
    let r = vm.resume_generator(&g, Value::None)?;
    finish(r)
}

fn gen_throw(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("throw", &kw)?;
    check_method_args("throw", &args, 1, 3)?;
    let g = as_generator(&args[0])?.clone();
    let mut exc = args[1].clone();
    if let (Value::Class(_), Some(v)) = (&exc, args.get(2)) {
        let class = exc.clone();
        exc = vm.call1(&class, v.clone())?;
    }
    let err = vm.make_exception(exc)?;
    let r = vm.resume_generator_with(&g, Resume::Throw(err))?;
    finish(r)
}

fn agen_anext(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("__anext__", &kw)?;
    check_method_args("__anext__", &args, 0, 0)?;
    let g = as_generator(&args[0])?;
    let first = Resume::Send(Value::None);
    Ok(crate::vm::async_gen_step(
        g,
        first,
        false,
        "async_generator_asend",
    ))
}

fn agen_asend(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("asend", &kw)?;
    check_method_args("asend", &args, 1, 1)?;
    let g = as_generator(&args[0])?;
    let first = Resume::Send(args[1].clone());
    Ok(crate::vm::async_gen_step(
        g,
        first,
        false,
        "async_generator_asend",
    ))
}

/// The exception `throw(type[, value])` / `athrow(...)` raise, from their arguments.
fn thrown_exception(vm: &mut Vm<'_>, args: &[Value]) -> PyResult<PyErr> {
    let mut exc = args[1].clone();
    if let (Value::Class(_), Some(v)) = (&exc, args.get(2)) {
        let class = exc.clone();
        exc = vm.call1(&class, v.clone())?;
    }
    vm.make_exception(exc)
}

fn agen_athrow(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("athrow", &kw)?;
    check_method_args("athrow", &args, 1, 3)?;
    let g = as_generator(&args[0])?.clone();
    let err = thrown_exception(vm, &args)?;
    Ok(crate::vm::async_gen_step(
        &g,
        Resume::Throw(err),
        false,
        "async_generator_athrow",
    ))
}

fn agen_aclose(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("aclose", &kw)?;
    check_method_args("aclose", &args, 0, 0)?;
    let g = as_generator(&args[0])?;
    let first = Resume::Throw(PyErr::new_empty("GeneratorExit"));
    Ok(crate::vm::async_gen_step(
        g,
        first,
        true,
        "async_generator_athrow",
    ))
}

fn as_step(v: &Value) -> PyResult<Rc<std::cell::RefCell<crate::objects::NativeIter>>> {
    match v {
        Value::Iterator(it) => Ok(it.clone()),
        _ => Err(type_error(
            "descriptor requires an 'async_generator_asend' object",
        )),
    }
}

fn step_send(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("send", &kw)?;
    check_method_args("send", &args, 1, 1)?;
    let step = as_step(&args[0])?;
    let r = vm.step_async_gen(&step, Resume::Send(args[1].clone()))?;
    finish(r)
}

fn step_throw(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("throw", &kw)?;
    check_method_args("throw", &args, 1, 3)?;
    let step = as_step(&args[0])?;
    let err = thrown_exception(vm, &args)?;
    let r = vm.step_async_gen(&step, Resume::Throw(err))?;
    finish(r)
}

fn step_close(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("close", &kw)?;
    check_method_args("close", &args, 0, 0)?;
    let step = as_step(&args[0])?;
    let name = step.borrow().type_name();
    *step.borrow_mut() = crate::objects::NativeIter::Exhausted(name);
    Ok(Value::None)
}

fn gen_close(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("close", &kw)?;
    check_method_args("close", &args, 0, 0)?;
    let g = as_generator(&args[0])?.clone();
    vm.close_generator(&g)?;
    Ok(Value::None)
}

fn self_iter(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(this(&args))
}

fn iter_next(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    match vm.next(&this(&args))? {
        Some(v) => Ok(v),
        None => Err(PyErr::new_empty("StopIteration")),
    }
}

fn property_setter(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("setter", &kw)?;
    check_method_args("setter", &args, 1, 1)?;
    match &args[0] {
        Value::Property(p) => Ok(crate::vm::new_property(
            p.getter.clone(),
            Some(args[1].clone()),
            p.deleter.clone(),
        )),
        _ => Err(type_error(
            "descriptor 'setter' requires a 'property' object",
        )),
    }
}

fn property_deleter(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("deleter", &kw)?;
    check_method_args("deleter", &args, 1, 1)?;
    match &args[0] {
        Value::Property(p) => Ok(crate::vm::new_property(
            p.getter.clone(),
            p.setter.clone(),
            Some(args[1].clone()),
        )),
        _ => Err(type_error(
            "descriptor 'deleter' requires a 'property' object",
        )),
    }
}

fn property_getter(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("getter", &kw)?;
    check_method_args("getter", &args, 1, 1)?;
    match &args[0] {
        Value::Property(p) => Ok(crate::vm::new_property(
            args[1].clone(),
            p.setter.clone(),
            p.deleter.clone(),
        )),
        _ => Err(type_error(
            "descriptor 'getter' requires a 'property' object",
        )),
    }
}

fn int_value(v: &Value) -> BigInt {
    crate::vm::ops::to_bigint(v).unwrap_or_default()
}

fn int_bit_length(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("bit_length", &kw)?;
    check_method_args("bit_length", &args, 0, 0)?;
    Ok(Value::Int(int_value(&args[0]).abs().bits() as i64))
}

fn int_bit_count(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("bit_count", &kw)?;
    check_method_args("bit_count", &args, 0, 0)?;
    let ones: u64 = int_value(&args[0])
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

/// `byteorder` of to_bytes/from_bytes: true for big-endian.
fn big_endian(order: Option<Value>) -> PyResult<bool> {
    match order {
        None => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "big" => Ok(true),
        Some(Value::Str(s)) if s.as_str() == "little" => Ok(false),
        Some(Value::Str(_)) => Err(crate::vm::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
        Some(_) => Err(type_error("to_bytes() argument 'byteorder' must be str")),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let length = super::take_kwarg(&mut kw, "length");
    let order = super::take_kwarg(&mut kw, "byteorder");
    let signed = super::take_kwarg(&mut kw, "signed");
    super::reject_kwargs("to_bytes", &kw)?;
    check_method_args("to_bytes", &args, 0, 2)?;
    let length = match args.get(1).cloned().or(length) {
        None => 1,
        Some(v) => vm.index_value(&v)?,
    };
    if length < 0 {
        return Err(crate::vm::value_error(
            "length argument must be non-negative",
        ));
    }
    let big = big_endian(args.get(2).cloned().or(order))?;
    let signed = match signed {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let n = int_value(&args[0]);
    if !signed && n.is_negative() {
        return Err(crate::vm::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(crate::vm::overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if big {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let source = super::take_kwarg(&mut kw, "bytes");
    let order = super::take_kwarg(&mut kw, "byteorder");
    let signed = super::take_kwarg(&mut kw, "signed");
    super::reject_kwargs("from_bytes", &kw)?;
    check_method_args("from_bytes", &args, 0, 2)?;
    let Some(source) = args.get(1).cloned().or(source) else {
        return Err(type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let big = big_endian(args.get(2).cloned().or(order))?;
    let signed = match signed {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let data = match source.bytes_like() {
        Some(b) => b.to_vec(),
        None => {
            let items = vm.collect(&source)?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match vm.index_value(&item)? {
                    b @ 0..=255 => out.push(b as u8),
                    _ => return Err(crate::vm::value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    let n = match (big, signed) {
        (true, true) => BigInt::from_signed_bytes_be(&data),
        (false, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

fn int_conjugate(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::from_bigint(int_value(&this(&args))))
}

fn int_is_integer(_vm: &mut Vm<'_>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn float_of(v: &Value) -> f64 {
    match v {
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

fn float_is_integer(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("is_integer", &kw)?;
    check_method_args("is_integer", &args, 0, 0)?;
    let f = float_of(&args[0]);
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("as_integer_ratio", &kw)?;
    check_method_args("as_integer_ratio", &args, 0, 0)?;
    let f = float_of(&args[0]);
    if f.is_nan() {
        return Err(crate::vm::value_error(
            "cannot convert NaN to integer ratio",
        ));
    }
    if f.is_infinite() {
        return Err(crate::vm::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if f == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exponent == 0 {
        (bits & 0xf_ffff_ffff_ffff) << 1
    } else {
        (bits & 0xf_ffff_ffff_ffff) | 0x10_0000_0000_0000
    };
    let mut num = BigInt::from(mantissa);
    let mut exp = exponent - 1075;
    while exp < 0 && (&num % 2u8).is_zero() {
        num /= 2u8;
        exp += 1;
    }
    let mut den = BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    if f < 0.0 {
        num = -num;
    }
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn stream_write(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("write", &kw)?;
    check_method_args("write", &args, 1, 1)?;
    let Value::Str(s) = &args[1] else {
        return Err(type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    if let Value::Instance(i) = &args[0] {
        if let Some(native) = &i.native {
            if let NativeState::Stream(stream) = &*native.borrow() {
                vm.host.write(*stream, s.as_str());
            }
        }
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm<'_>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    vm.host.flush();
    Ok(Value::None)
}

pub(super) fn install(t: &BuiltinTypes) {
    let base = t.exc("BaseException");
    add_methods(
        &base,
        &[
            ("__init__", exc_init),
            ("with_traceback", exc_with_traceback),
        ],
    );
    add_methods(
        &t.exc("OSError"),
        &[("__init__", os_error_init), ("__str__", os_error_str)],
    );
    add_methods(&t.exc("ImportError"), &[("__init__", import_error_init)]);
    for (class, attr) in [("StopIteration", "value"), ("SystemExit", "code")] {
        let getter = native(attr, exc_first_arg);
        t.exc(class)
            .attrs
            .borrow_mut()
            .insert(attr.into(), crate::vm::new_property(getter, None, None));
    }
    add_methods(
        &t.generator,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__next__", gen_next),
            ("__iter__", self_iter),
        ],
    );
    for class in t.iterators.values() {
        add_methods(class, &[("__next__", iter_next), ("__iter__", self_iter)]);
    }
    add_methods(
        &t.coroutine,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__await__", self_iter),
        ],
    );
    add_methods(
        &t.async_generator,
        &[
            ("__aiter__", self_iter),
            ("__anext__", agen_anext),
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    for name in ["async_generator_asend", "async_generator_athrow"] {
        add_methods(
            &t.iterator_class(name),
            &[
                ("send", step_send),
                ("throw", step_throw),
                ("close", step_close),
                ("__await__", self_iter),
            ],
        );
    }
    add_methods(
        &t.property,
        &[
            ("setter", property_setter),
            ("getter", property_getter),
            ("deleter", property_deleter),
        ],
    );
    let int_methods: &[(&'static str, crate::objects::NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_conjugate),
        ("is_integer", int_is_integer),
        ("to_bytes", int_to_bytes),
    ];
    add_methods(&t.int, int_methods);
    add_methods(&t.bool_, int_methods);
    t.int.attrs.borrow_mut().insert(
        "from_bytes".into(),
        Value::ClassMethod(Rc::new(native("from_bytes", int_from_bytes))),
    );
    add_methods(
        &t.float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
        ],
    );
    add_methods(
        &t.text_io,
        &[("write", stream_write), ("flush", stream_flush)],
    );
    let _ = ToPrimitive::to_i64(&BigInt::zero());
}
