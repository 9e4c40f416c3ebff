//! `bytearray` and `memoryview`: their methods, item access, and the conversions that let
//! every bytes method take any bytes-like argument.
//!
//! - The read-only bytes methods are written once in `str.rs` over `bytes`;
//!   [`call_as_bytes`] runs one of them on a snapshot of a bytearray (or with bytearray /
//!   memoryview arguments) and turns `bytes` results back into `bytearray`s.
//! - A memoryview ([`PyMemoryView`]) is a window on its source's bytes, not a copy: a
//!   write through a view of a bytearray changes the bytearray, and while a view is
//!   alive the bytearray's length is frozen (`exports`), so the window stays in range.
//!
//! Invariant: no `RefCell` borrow of a bytearray is held across a call that may run
//! Python code (iteration, `__index__`); values are collected first, then stored.

use std::rc::Rc;

use num_traits::ToPrimitive;

use super::{add_methods, check_method_args, native, no_kwargs, MAX_COLLECTION};
use crate::objects::{Kwargs, NativeFn, Property, PyByteArray, PyMemoryView, Value};
use crate::vm::ops::{slice_indices, to_bigint};
use crate::vm::types::BuiltinTypes;
use crate::vm::{index_error, memory_error, type_error, value_error, PyErr, PyResult, Vm};

/// Longest bytearray a method may build (as `str.rs`'s results).
const MAX_BYTES: usize = MAX_COLLECTION * 8;

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(
        &t.bytearray,
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("pop", pop),
            ("remove", remove),
            ("clear", clear),
            ("reverse", reverse),
            ("copy", copy),
            ("__alloc__", alloc),
        ],
    );
    for class in [&t.bytes, &t.bytearray] {
        let mut attrs = class.attrs.borrow_mut();
        attrs.insert(
            "fromhex".into(),
            Value::ClassMethod(Rc::new(native("fromhex", fromhex))),
        );
        attrs.insert(
            "maketrans".into(),
            Value::StaticMethod(Rc::new(native("maketrans", maketrans))),
        );
    }
    add_methods(
        &t.memoryview,
        &[
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
            ("cast", mv_cast),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
        ],
    );
    let props: &[(&'static str, NativeFn)] = &[
        ("readonly", mv_readonly),
        ("nbytes", mv_nbytes),
        ("format", mv_format),
        ("itemsize", mv_itemsize),
        ("ndim", mv_ndim),
        ("shape", mv_shape),
        ("strides", mv_strides),
        ("obj", mv_obj),
        ("contiguous", mv_contiguous),
        ("c_contiguous", mv_contiguous),
        ("f_contiguous", mv_contiguous),
    ];
    let mut attrs = t.memoryview.attrs.borrow_mut();
    for &(name, getter) in props {
        let p = Property {
            getter: native(name, getter),
            setter: None,
            deleter: None,
        };
        attrs.insert(name.into(), Value::Property(Rc::new(p)));
    }
}

// ---------------------------------------------------------------------------------------
// Shared with str.rs: bytes methods over any bytes-like object
// ---------------------------------------------------------------------------------------

/// A bytearray or memoryview as the bytes it holds; tuples (startswith's prefixes)
/// element-wise; anything else unchanged.
fn as_bytes_arg(v: Value) -> Value {
    match v {
        Value::ByteArray(_) | Value::MemoryView(_) => match v.bytes_like() {
            Some(b) => Value::Bytes(b),
            None => v,
        },
        Value::Tuple(t)
            if t.items
                .iter()
                .any(|x| matches!(x, Value::ByteArray(_) | Value::MemoryView(_))) =>
        {
            Value::tuple(t.items.iter().cloned().map(as_bytes_arg).collect())
        }
        other => other,
    }
}

/// A bytes result of a bytearray method as a bytearray (inside lists and tuples too).
fn as_bytearray_result(v: Value) -> Value {
    match v {
        Value::Bytes(b) => Value::bytearray((*b).clone()),
        Value::List(l) => {
            let items = std::mem::take(&mut *l.items.borrow_mut());
            Value::list(items.into_iter().map(as_bytearray_result).collect())
        }
        Value::Tuple(t) => Value::tuple(t.items.iter().cloned().map(as_bytearray_result).collect()),
        other => other,
    }
}

/// Run bytes method `inner` (named `name`) with bytes-like arguments seen as bytes; for
/// `on_bytearray` the receiver must be a bytearray and bytes results become bytearrays.
pub(super) fn call_as_bytes(
    vm: &mut Vm<'_>,
    inner: NativeFn,
    mut args: Vec<Value>,
    kwargs: Kwargs,
    on_bytearray: bool,
    name: &str,
) -> PyResult<Value> {
    if on_bytearray {
        match args.first() {
            Some(Value::ByteArray(_)) => {}
            Some(other) => {
                return Err(type_error(format!(
                    "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
                    vm.type_name(other)
                )))
            }
            None => {
                return Err(type_error(format!(
                    "unbound method bytearray.{name}() needs an argument"
                )))
            }
        }
    }
    if name == "join" {
        if let Some(iterable) = args.get(1).cloned() {
            if let Ok(items) = vm.collect(&iterable) {
                args[1] = Value::list(items.into_iter().map(as_bytes_arg).collect());
            }
        }
    }
    // A bytes method's receiver stays as given, so `bytes.upper(bytearray())` is still
    // the descriptor TypeError.
    let args: Vec<Value> = args
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            if i == 0 && !on_bytearray {
                v
            } else {
                as_bytes_arg(v)
            }
        })
        .collect();
    let kwargs: Kwargs = kwargs
        .into_iter()
        .map(|(k, v)| (k, as_bytes_arg(v)))
        .collect();
    // Each method walks its receiver (up to 512 MiB): charge the meter for that work (a
    // byte costs far less than a bytecode step), so a long run still yields and meets
    // its limits.
    if let Some(Value::Bytes(b)) = args.first() {
        vm.charge(b.len() / 16)?;
    }
    let result = inner(vm, args, kwargs);
    let result = match result {
        // The bytes method names itself in its messages; this is the bytearray's.
        Err(e) if on_bytearray => Err(rename_error(vm, e)),
        other => other,
    };
    if on_bytearray {
        result.map(as_bytearray_result)
    } else {
        result
    }
}

/// "bytes.upper() takes no arguments" said of a bytearray method.
fn rename_error(vm: &mut Vm<'_>, e: PyErr) -> PyErr {
    if !e.is("TypeError") {
        return e;
    }
    let message = super::exception_str(vm, &e.0).unwrap_or_default();
    match message.strip_prefix("bytes.") {
        Some(rest) => type_error(format!("bytearray.{rest}")),
        None => e,
    }
}

// ---------------------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------------------

/// An int argument as a byte, with CPython's errors.
pub(crate) fn byte_value(vm: &mut Vm<'_>, v: &Value) -> PyResult<u8> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(v),
        Value::Instance(_) => {
            let i = vm.index_value(v).map_err(|_| not_an_integer(vm, v))?;
            Some(i.into())
        }
        _ => None,
    };
    match n {
        Some(n) => n
            .to_u8()
            .ok_or_else(|| value_error("byte must be in range(0, 256)")),
        None => Err(not_an_integer(vm, v)),
    }
}

fn not_an_integer(vm: &Vm<'_>, v: &Value) -> PyErr {
    type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    ))
}

/// The bytes of an iterable of ints (bytes-like objects directly).
fn bytes_of_iterable(vm: &mut Vm<'_>, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.bytes_like() {
        return Ok((*b).clone());
    }
    let items = vm.collect(v)?;
    check_len(items.len())?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        out.push(byte_value(vm, item)?);
    }
    Ok(out)
}

fn check_len(n: usize) -> PyResult<()> {
    if n > MAX_BYTES {
        Err(memory_error())
    } else {
        Ok(())
    }
}

/// `bytearray(...)`: empty, a count of zeros, a str with an encoding, or the bytes of
/// an iterable of ints / a bytes-like object.
pub(crate) fn make_bytearray(
    vm: &mut Vm<'_>,
    source: Option<&Value>,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Value> {
    let Some(source) = source else {
        if encoding.is_some() {
            return Err(type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(type_error("errors without a string argument"));
        }
        return Ok(Value::bytearray(Vec::new()));
    };
    if let Value::Str(_) = source {
        let Some(encoding) = encoding else {
            return Err(type_error("string argument without an encoding"));
        };
        let mut args = vec![encoding.clone()];
        args.extend(errors.cloned());
        let encode = vm.getattr(source, "encode")?;
        let encoded = vm.call(&encode, args, Vec::new())?;
        return Ok(as_bytearray_result(encoded));
    }
    if encoding.is_some() {
        return Err(type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(type_error("errors without a string argument"));
    }
    match source {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = match source {
                Value::BigInt(_) => {
                    return Err(crate::vm::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ))
                }
                _ => vm.index_value(source)?,
            };
            if n < 0 {
                return Err(value_error("negative count"));
            }
            let n = usize::try_from(n).unwrap_or(usize::MAX);
            check_len(n)?;
            vm.reserve(n as u64, 1)?;
            Ok(Value::bytearray(vec![0; n]))
        }
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            let n = vm.index_value(source)?;
            make_bytearray(vm, Some(&Value::Int(n)), None, None)
        }
        _ => {
            if let Some(b) = source.bytes_like() {
                return Ok(Value::bytearray((*b).clone()));
            }
            if let Some(view) = exported_buffer(vm, source)? {
                return Ok(Value::bytearray(
                    view.bytes_like().unwrap_or_default().to_vec(),
                ));
            }
            let iterable = vm.get_iter(source).map_err(|_| {
                type_error(format!(
                    "cannot convert '{}' object to bytearray",
                    vm.type_name(source)
                ))
            })?;
            Ok(Value::bytearray(bytes_of_iterable(vm, &iterable)?))
        }
    }
}

// ---------------------------------------------------------------------------------------
// bytearray methods
// ---------------------------------------------------------------------------------------

fn this(vm: &Vm<'_>, args: &[Value], name: &str) -> PyResult<Rc<PyByteArray>> {
    match args.first() {
        Some(Value::ByteArray(b)) => Ok(b.clone()),
        other => Err(wrong_receiver(vm, "bytearray", name, other)),
    }
}

/// CPython's error for a method of `class` called on something else, or on nothing.
fn wrong_receiver(vm: &Vm<'_>, class: &str, name: &str, got: Option<&Value>) -> PyErr {
    match got {
        Some(other) => type_error(format!(
            "descriptor '{name}' for '{class}' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        )),
        None => type_error(format!("unbound method {class}.{name}() needs an argument")),
    }
}

/// A method's receiver after checking it takes `min..=max` arguments.
fn receiver(
    vm: &Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Rc<PyByteArray>> {
    let b = this(vm, args, name)?;
    let qualified = format!("bytearray.{name}");
    no_kwargs(&qualified, kwargs)?;
    if max == 1 && min == 1 && args.len() != 2 {
        return Err(type_error(format!(
            "bytearray.{name}() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    if args.len() - 1 > max || args.len() - 1 < min {
        let n = args.len() - 1;
        return Err(type_error(if max == 0 {
            format!("bytearray.{name}() takes no arguments ({n} given)")
        } else if n > max {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        }));
    }
    Ok(b)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// CPython refuses to resize a bytearray that a memoryview exports.
pub(crate) fn check_resizable(b: &PyByteArray) -> PyResult<()> {
    if b.exports.get() > 0 {
        Err(PyErr::new(
            "BufferError",
            "Existing exports of data: object cannot be re-sized",
        ))
    } else {
        Ok(())
    }
}

fn append(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "append", 1, 1)?;
    let byte = byte_value(vm, &args[1])?;
    check_resizable(&b)?;
    check_len(b.data.borrow().len() + 1)?;
    vm.check_growth(b.data.borrow().len(), 1)?;
    b.data.borrow_mut().push(byte);
    Ok(Value::None)
}

fn extend(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "extend", 1, 1)?;
    let source = &args[1];
    if let Value::Str(_) = source {
        return Err(not_an_integer(vm, source));
    }
    let new = if let Some(bytes) = source.bytes_like() {
        (*bytes).clone()
    } else {
        let iterable = vm.get_iter(source).map_err(|_| {
            type_error(format!(
                "can't extend bytearray with {}",
                vm.type_name(source)
            ))
        })?;
        bytes_of_iterable(vm, &iterable)?
    };
    vm.reserve(b.data.borrow().len() as u64 + new.len() as u64, 1)?;
    extend_with(&b, &new)?;
    Ok(Value::None)
}

/// Append `new` to `b` (the `+=` of bytearrays too).
pub(crate) fn extend_with(b: &PyByteArray, new: &[u8]) -> PyResult<()> {
    if new.is_empty() {
        return Ok(());
    }
    check_resizable(b)?;
    check_len(b.data.borrow().len().saturating_add(new.len()))?;
    b.data.borrow_mut().extend_from_slice(new);
    Ok(())
}

fn insert(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "insert", 2, 2)?;
    let index = super::str::ssize(vm, &args[1])?;
    let byte = byte_value(vm, &args[2])?;
    check_resizable(&b)?;
    let n = b.data.borrow().len() as i64;
    check_len(n as usize + 1)?;
    let at = if index < 0 {
        (index + n).max(0)
    } else {
        index.min(n)
    };
    b.data.borrow_mut().insert(at as usize, byte);
    Ok(Value::None)
}

fn pop(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "pop", 0, 1)?;
    let index = match args.get(1) {
        Some(v) => super::str::ssize(vm, v)?,
        None => -1,
    };
    let n = b.data.borrow().len() as i64;
    if n == 0 {
        return Err(index_error("pop from empty bytearray"));
    }
    let at = if index < 0 { index + n } else { index };
    if at < 0 || at >= n {
        return Err(index_error("pop index out of range"));
    }
    check_resizable(&b)?;
    let byte = b.data.borrow_mut().remove(at as usize);
    Ok(Value::Int(byte as i64))
}

fn remove(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "remove", 1, 1)?;
    let byte = byte_value(vm, &args[1])?;
    let at = b.data.borrow().iter().position(|&x| x == byte);
    let Some(at) = at else {
        return Err(value_error("value not found in bytearray"));
    };
    check_resizable(&b)?;
    b.data.borrow_mut().remove(at);
    Ok(Value::None)
}

fn clear(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "clear", 0, 0)?;
    if !b.data.borrow().is_empty() {
        check_resizable(&b)?;
    }
    b.data.borrow_mut().clear();
    Ok(Value::None)
}

fn reverse(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "reverse", 0, 0)?;
    b.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "copy", 0, 0)?;
    let data = b.data.borrow().clone();
    Ok(Value::bytearray(data))
}

fn alloc(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = receiver(vm, &args, &kwargs, "__alloc__", 0, 0)?;
    let n = b.data.borrow().capacity().max(b.data.borrow().len() + 1);
    Ok(Value::Int(n as i64))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits, spaces between.
fn fromhex(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let class = match args.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(type_error("fromhex() needs a class")),
    };
    no_kwargs("fromhex", &kwargs)?;
    check_method_args("fromhex", &args, 1, 1)?;
    let Value::Str(s) = &args[1] else {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let text = s.as_str();
    let mut out = Vec::with_capacity(text.len() / 2);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let bad = |at: usize| {
        value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {at}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let t = crate::vm::types::types();
    if Rc::ptr_eq(&class, &t.bytearray) {
        Ok(Value::bytearray(out))
    } else if Rc::ptr_eq(&class, &t.bytes) {
        Ok(Value::Bytes(Rc::new(out)))
    } else {
        vm.call(
            &Value::Class(class),
            vec![Value::Bytes(Rc::new(out))],
            Vec::new(),
        )
    }
}

// ---------------------------------------------------------------------------------------
// bytearray item access (from vm/ops.rs)
// ---------------------------------------------------------------------------------------

/// An index of a bytearray or memoryview subscript: an int, or None when `index` is
/// not one (the caller's TypeError).
fn int_index(vm: &mut Vm<'_>, index: &Value) -> PyResult<Option<i64>> {
    match index {
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(_) => Err(index_error("cannot fit 'int' into an index-sized integer")),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            Ok(Some(vm.index_value(index)?))
        }
        _ => Ok(None),
    }
}

fn resolve(i: i64, n: usize, message: &str) -> PyResult<usize> {
    let n = n as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        Err(index_error(message.to_owned()))
    } else {
        Ok(j as usize)
    }
}

fn index_type_error(vm: &Vm<'_>, index: &Value) -> PyErr {
    type_error(format!(
        "bytearray indices must be integers or slices, not {}",
        vm.type_name(index)
    ))
}

pub(crate) fn getitem(vm: &mut Vm<'_>, b: &PyByteArray, index: &Value) -> PyResult<Value> {
    if let Value::Slice(sl) = index {
        let len = b.data.borrow().len();
        let (start, _, step, count) = slice_indices(vm, sl, len)?;
        let data = b.data.borrow();
        let out: Vec<u8> = (0..count)
            .filter_map(|k| data.get((start + k as i64 * step) as usize).copied())
            .collect();
        return Ok(Value::bytearray(out));
    }
    let Some(i) = int_index(vm, index)? else {
        return Err(index_type_error(vm, index));
    };
    let data = b.data.borrow();
    let j = resolve(i, data.len(), "bytearray index out of range")?;
    Ok(Value::Int(data[j] as i64))
}

pub(crate) fn setitem(
    vm: &mut Vm<'_>,
    b: &PyByteArray,
    index: &Value,
    value: &Value,
) -> PyResult<()> {
    if let Value::Slice(sl) = index {
        let new = match value {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Str(_) => None,
            _ if value.bytes_like().is_some() => value.bytes_like().map(|b| (*b).clone()),
            _ => match vm.get_iter(value) {
                Ok(it) => Some(bytes_of_iterable(vm, &it)?),
                Err(_) => None,
            },
        };
        let Some(new) = new else {
            return Err(type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        };
        let len = b.data.borrow().len();
        let (start, stop, step, count) = slice_indices(vm, sl, len)?;
        if step == 1 {
            let start = start as usize;
            let stop = (stop.max(start as i64) as usize).max(start);
            if new.len() != stop - start {
                check_resizable(b)?;
                check_len(len - (stop - start) + new.len())?;
            }
            b.data.borrow_mut().splice(start..stop, new);
            return Ok(());
        }
        if new.len() != count {
            return Err(value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {count}",
                new.len()
            )));
        }
        let mut data = b.data.borrow_mut();
        for (k, byte) in new.into_iter().enumerate() {
            if let Some(slot) = data.get_mut((start + k as i64 * step) as usize) {
                *slot = byte;
            }
        }
        return Ok(());
    }
    let Some(i) = int_index(vm, index)? else {
        return Err(index_type_error(vm, index));
    };
    let byte = byte_value(vm, value)?;
    let mut data = b.data.borrow_mut();
    let j = resolve(i, data.len(), "bytearray index out of range")?;
    data[j] = byte;
    Ok(())
}

pub(crate) fn delitem(vm: &mut Vm<'_>, b: &PyByteArray, index: &Value) -> PyResult<()> {
    if let Value::Slice(sl) = index {
        let len = b.data.borrow().len();
        let (start, _, step, count) = slice_indices(vm, sl, len)?;
        if count == 0 {
            return Ok(());
        }
        check_resizable(b)?;
        let mut doomed = vec![false; len];
        for k in 0..count {
            if let Some(slot) = doomed.get_mut((start + k as i64 * step) as usize) {
                *slot = true;
            }
        }
        let mut data = b.data.borrow_mut();
        let mut k = 0;
        data.retain(|_| {
            k += 1;
            !doomed[k - 1]
        });
        return Ok(());
    }
    let Some(i) = int_index(vm, index)? else {
        return Err(index_type_error(vm, index));
    };
    let len = b.data.borrow().len();
    let j = resolve(i, len, "bytearray index out of range")?;
    check_resizable(b)?;
    b.data.borrow_mut().remove(j);
    Ok(())
}

/// `bytearray(b'...')`: as bytes' repr, except that CPython's bytearray escapes a single
/// quote even inside double quotes (`bytearray(b"it\'s")`).
pub(crate) fn bytearray_repr(b: &PyByteArray) -> String {
    let data = b.data.borrow();
    let repr = super::str::bytes_repr(&data);
    if repr.starts_with("b\"") {
        format!("bytearray({})", repr.replace('\'', "\\'"))
    } else {
        format!("bytearray({repr})")
    }
}

// ---------------------------------------------------------------------------------------
// memoryview
// ---------------------------------------------------------------------------------------

/// `memoryview(obj)`.
pub(crate) fn make_memoryview(vm: &mut Vm<'_>, obj: &Value) -> PyResult<Value> {
    let view = match obj {
        Value::Bytes(b) => PyMemoryView::new(obj.clone(), 0, 1, b.len(), b'B'),
        Value::ByteArray(b) => {
            let len = b.data.borrow().len();
            PyMemoryView::new(obj.clone(), 0, 1, len, b'B')
        }
        Value::MemoryView(m) => {
            live(m)?;
            PyMemoryView::new(m.source.clone(), m.start, m.step, m.len, m.format)
        }
        _ => {
            if let Some(view) = exported_buffer(vm, obj)? {
                return Ok(view);
            }
            return Err(type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(obj)
            )));
        }
    };
    Ok(Value::MemoryView(Rc::new(view)))
}

/// The buffer a class instance exports through `__buffer__(flags)` (PEP 688's hook, which
/// the Python-written `array.array` defines): the memoryview it returns, or None for an
/// object without the hook.
pub(crate) fn exported_buffer(vm: &mut Vm<'_>, obj: &Value) -> PyResult<Option<Value>> {
    let Value::Instance(i) = obj else {
        return Ok(None);
    };
    let Some(hook) = i.class.lookup("__buffer__") else {
        return Ok(None);
    };
    let view = vm.call(&hook, vec![obj.clone(), Value::Int(0)], Vec::new())?;
    match view {
        Value::MemoryView(_) => Ok(Some(view)),
        other => Err(type_error(format!(
            "__buffer__ returned non-memoryview object (type {})",
            vm.type_name(&other)
        ))),
    }
}

/// The view, unless released.
pub(crate) fn live(m: &PyMemoryView) -> PyResult<()> {
    if m.released.get() {
        Err(value_error(
            "operation forbidden on released memoryview object",
        ))
    } else {
        Ok(())
    }
}

fn readonly(m: &PyMemoryView) -> bool {
    !matches!(m.source, Value::ByteArray(_))
}

/// One item as Python sees it, from its bytes (little-endian) by the view's format.
fn item_value(format: u8, bytes: &[u8]) -> Value {
    let mut raw = [0u8; 8];
    let n = bytes.len().min(8);
    raw[..n].copy_from_slice(&bytes[..n]);
    let unsigned = u64::from_le_bytes(raw);
    let signed = |bits: u32| ((unsigned << (64 - bits)) as i64) >> (64 - bits);
    match format {
        b'b' => Value::Int(signed(8)),
        b'h' => Value::Int(signed(16)),
        b'i' => Value::Int(signed(32)),
        b'l' | b'q' | b'n' => Value::Int(unsigned as i64),
        b'L' | b'Q' | b'N' => Value::from_bigint(unsigned.into()),
        b'c' => Value::Bytes(Rc::new(vec![raw[0]])),
        b'?' => Value::Bool(unsigned != 0),
        b'f' => Value::Float(f32::from_bits(unsigned as u32) as f64),
        b'd' => Value::Float(f64::from_bits(unsigned)),
        _ => Value::Int(unsigned as i64),
    }
}

/// The bytes stored for `value` under `format`, with memoryview's errors.
fn item_bytes(vm: &mut Vm<'_>, format: u8, value: &Value) -> PyResult<Vec<u8>> {
    let name = format as char;
    let invalid = || value_error(format!("memoryview: invalid value for format '{name}'"));
    let wrong_type = || type_error(format!("memoryview: invalid type for format '{name}'"));
    match format {
        b'c' => match value {
            Value::Bytes(b) if b.len() == 1 => Ok(vec![b[0]]),
            Value::Bytes(_) => Err(invalid()),
            _ => Err(wrong_type()),
        },
        b'?' => Ok(vec![vm.truthy(value)? as u8]),
        b'f' | b'd' => {
            let x = match value {
                Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    crate::vm::ops::to_f64(value)?.unwrap_or(0.0)
                }
                _ => return Err(wrong_type()),
            };
            Ok(if format == b'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        _ => {
            let n = match value {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(value),
                _ => None,
            };
            let n = n.ok_or_else(wrong_type)?;
            let size = crate::objects::format_itemsize(format);
            let signed = matches!(format, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let fits = if signed {
                let half = num_bigint::BigInt::from(1) << (size * 8 - 1);
                n >= -half.clone() && n < half
            } else {
                n.sign() != num_bigint::Sign::Minus
                    && n < (num_bigint::BigInt::from(1) << (size * 8))
            };
            if !fits {
                return Err(invalid());
            }
            let bits = if signed {
                n.to_i64().unwrap_or(0) as u64
            } else {
                n.to_u64().unwrap_or(0)
            };
            Ok(bits.to_le_bytes()[..size].to_vec())
        }
    }
}

fn with_source<R>(m: &PyMemoryView, f: impl FnOnce(&[u8]) -> R) -> R {
    match &m.source {
        Value::Bytes(b) => f(b),
        Value::ByteArray(b) => f(&b.data.borrow()),
        _ => f(&[]),
    }
}

pub(crate) fn mv_getitem(vm: &mut Vm<'_>, m: &Rc<PyMemoryView>, index: &Value) -> PyResult<Value> {
    live(m)?;
    if let Value::Slice(sl) = index {
        let (start, _, step, count) = slice_indices(vm, sl, m.len)?;
        let first = if count == 0 {
            0
        } else {
            m.offset(start as usize)
        };
        // With two or more items |step| < len, so the product cannot overflow an isize
        // (a huge step selects at most one item, whose step is irrelevant).
        let step = if count <= 1 {
            1
        } else {
            m.step * step as isize
        };
        let view = PyMemoryView::new(m.source.clone(), first, step, count, m.format);
        return Ok(Value::MemoryView(Rc::new(view)));
    }
    if let Value::Tuple(t) = index {
        if t.items.is_empty() {
            return Err(type_error("invalid indexing of 0-dim memory"));
        }
        return Err(not_implemented(
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let Some(i) = int_index(vm, index)? else {
        return Err(type_error("memoryview: invalid slice key"));
    };
    let j = resolve(i, m.len, "index out of bounds on dimension 1")?;
    let (at, size) = (m.offset(j), m.itemsize());
    let bytes = with_source(m, |data| data.get(at..at + size).map(<[u8]>::to_vec));
    Ok(item_value(m.format, &bytes.unwrap_or_default()))
}

pub(crate) fn mv_setitem(
    vm: &mut Vm<'_>,
    m: &Rc<PyMemoryView>,
    index: &Value,
    value: &Value,
) -> PyResult<()> {
    live(m)?;
    let Value::ByteArray(target) = &m.source else {
        return Err(type_error("cannot modify read-only memory"));
    };
    if let Value::Slice(sl) = index {
        let (start, _, step, count) = slice_indices(vm, sl, m.len)?;
        let size = m.itemsize();
        if size > 1 || m.format == b'?' {
            // Only a view of the same format and length fits (CPython's "structure").
            let source = match value {
                Value::MemoryView(v) if v.format == m.format && v.len == count => {
                    live(v)?;
                    v.to_vec()
                }
                _ if value.bytes_like().is_some() || matches!(value, Value::MemoryView(_)) => {
                    return Err(value_error(
                        "memoryview assignment: lvalue and rvalue have different structures",
                    ))
                }
                _ => {
                    return Err(type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(value)
                    )))
                }
            };
            let mut data = target.data.borrow_mut();
            for (k, item) in source.chunks(size).enumerate() {
                let at = m.offset((start + k as i64 * step) as usize);
                if let Some(slot) = data.get_mut(at..at + size) {
                    slot.copy_from_slice(item);
                }
            }
            return Ok(());
        }
        let Some(new) = value.bytes_like() else {
            return Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(value)
            )));
        };
        if new.len() != count {
            return Err(value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut data = target.data.borrow_mut();
        for (k, &byte) in new.iter().enumerate() {
            let at = m.offset((start + k as i64 * step) as usize);
            if let Some(slot) = data.get_mut(at) {
                *slot = byte;
            }
        }
        return Ok(());
    }
    let Some(i) = int_index(vm, index)? else {
        return Err(type_error("memoryview: invalid slice key"));
    };
    let j = resolve(i, m.len, "index out of bounds on dimension 1")?;
    let bytes = item_bytes(vm, m.format, value)?;
    let at = m.offset(j);
    if let Some(slot) = target.data.borrow_mut().get_mut(at..at + bytes.len()) {
        slot.copy_from_slice(&bytes);
    }
    Ok(())
}

/// Items of a view, for iteration and `tolist()`.
pub(crate) fn mv_items(m: &PyMemoryView) -> PyResult<Vec<Value>> {
    live(m)?;
    let size = m.itemsize();
    Ok(m.to_vec()
        .chunks(size)
        .map(|item| item_value(m.format, item))
        .collect())
}

/// `hash(view)`: a read-only view hashes as its bytes.
pub(crate) fn mv_hash(m: &PyMemoryView) -> PyResult<i64> {
    live(m)?;
    if !readonly(m) {
        return Err(value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.format, b'B' | b'b' | b'c') {
        return Err(value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    Ok(crate::objects::hash::hash_bytes(&m.to_vec()))
}

/// `view == other` for bytes-like `other` (item values compared; a released view
/// equals only itself).
pub(crate) fn mv_eq(a: &PyMemoryView, b: &Value) -> Option<bool> {
    if a.released.get() {
        return Some(false);
    }
    let theirs = match b {
        Value::MemoryView(m) if m.released.get() => return Some(false),
        Value::MemoryView(m) => mv_values(m),
        _ => {
            let other = b.bytes_like()?;
            other.iter().map(|&x| Item::Int(x as i128)).collect()
        }
    };
    Some(mv_values(a) == theirs)
}

/// An item as compared by `==`: ints and floats by value (1 == 1.0), `c` items as bytes,
/// so a `c` view equals no numeric one.
#[derive(PartialEq)]
enum Item {
    Int(i128),
    Float(f64),
    Char(u8),
}

fn mv_values(m: &PyMemoryView) -> Vec<Item> {
    let size = m.itemsize();
    m.to_vec()
        .chunks(size)
        .map(|bytes| match item_value(m.format, bytes) {
            Value::Int(i) => Item::Int(i as i128),
            Value::Bool(b) => Item::Int(b as i128),
            Value::BigInt(n) => Item::Int(n.to_i128().unwrap_or(0)),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e30 => Item::Int(f as i128),
            Value::Float(f) => Item::Float(f),
            _ => Item::Char(bytes.first().copied().unwrap_or(0)),
        })
        .collect()
}

fn view_arg(vm: &Vm<'_>, args: &[Value], name: &str) -> PyResult<Rc<PyMemoryView>> {
    match args.first() {
        Some(Value::MemoryView(m)) => Ok(m.clone()),
        other => Err(wrong_receiver(vm, "memoryview", name, other)),
    }
}

/// A live view's method receiver, with no arguments beyond `max`.
fn view(
    vm: &Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    max: usize,
) -> PyResult<Rc<PyMemoryView>> {
    let m = view_arg(vm, args, name)?;
    if max == 0 {
        no_kwargs(&format!("memoryview.{name}"), kwargs)?;
    }
    if args.len() - 1 > max {
        return Err(type_error(format!(
            "memoryview.{name}() takes {} ({} given)",
            if max == 0 {
                "no arguments".to_owned()
            } else {
                format!("at most {max} arguments")
            },
            args.len() - 1
        )));
    }
    Ok(m)
}

fn mv_tobytes(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let m = view_arg(vm, &args, "tobytes")?;
    let _ = kwargs;
    live(&m)?;
    Ok(Value::Bytes(Rc::new(m.to_vec())))
}

fn mv_tolist(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let m = view(vm, &args, &kwargs, "tolist", 0)?;
    Ok(Value::list(mv_items(&m)?))
}

fn mv_hex(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let m = view_arg(vm, &args, "hex")?;
    live(&m)?;
    let mut args = args;
    args[0] = Value::Bytes(Rc::new(m.to_vec()));
    let hex = crate::vm::types::types()
        .bytes
        .lookup("hex")
        .unwrap_or(Value::None);
    vm.call(&hex, args, kwargs)
}

fn mv_release(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let m = view(vm, &args, &kwargs, "release", 0)?;
    m.release();
    Ok(Value::None)
}

fn mv_enter(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let m = view(vm, &args, &kwargs, "__enter__", 0)?;
    live(&m)?;
    Ok(args[0].clone())
}

fn mv_exit(vm: &mut Vm<'_>, args: Vec<Value>, _kwargs: Kwargs) -> PyResult<Value> {
    let m = view_arg(vm, &args, "__exit__")?;
    m.release();
    Ok(Value::None)
}

/// `view.cast(format)` between a byte format (`B`, `b`, `c`) and any native format.
fn mv_cast(vm: &mut Vm<'_>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let m = view_arg(vm, &args, "cast")?;
    let format = args
        .get(1)
        .cloned()
        .or_else(|| super::take_kwarg(&mut kwargs, "format"));
    if args.len() > 3 || args.len() + kwargs.len() > 3 {
        return Err(type_error("cast() takes at most 2 arguments"));
    }
    let Some(format) = format else {
        return Err(type_error(
            "cast() missing required argument 'format' (pos 1)",
        ));
    };
    live(&m)?;
    let Value::Str(f) = &format else {
        return Err(type_error(format!(
            "cast() argument 'format' must be str, not {}",
            vm.type_name(&format)
        )));
    };
    if args.len() > 2 || !kwargs.is_empty() {
        return Err(not_implemented(
            "memoryview: cast with a shape is not implemented",
        ));
    }
    if !m.contiguous() {
        return Err(type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let code = f.as_str().strip_prefix('@').unwrap_or(f.as_str());
    let target = match code.as_bytes() {
        [c @ (b'B' | b'b' | b'c' | b'?' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q'
        | b'Q' | b'n' | b'N' | b'f' | b'd')] => *c,
        [b'P'] => {
            return Err(not_implemented(format!(
                "memoryview: cast to '{code}' is not implemented"
            )))
        }
        _ => {
            return Err(value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    let is_byte = |f: u8| matches!(f, b'B' | b'b' | b'c');
    if !is_byte(m.format) && !is_byte(target) {
        return Err(type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let nbytes = m.len * m.itemsize();
    let size = crate::objects::format_itemsize(target);
    if nbytes % size != 0 {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let view = PyMemoryView::new(
        m.source.clone(),
        m.start,
        size as isize,
        nbytes / size,
        target,
    );
    Ok(Value::MemoryView(Rc::new(view)))
}

fn mv_getter(vm: &Vm<'_>, args: &[Value], name: &str) -> PyResult<Rc<PyMemoryView>> {
    let m = view_arg(vm, args, name)?;
    live(&m)?;
    Ok(m)
}

fn mv_readonly(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let m = mv_getter(vm, &args, "readonly")?;
    Ok(Value::Bool(readonly(&m)))
}

fn mv_nbytes(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let m = mv_getter(vm, &args, "nbytes")?;
    Ok(Value::Int((m.len * m.itemsize()) as i64))
}

fn mv_format(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let m = mv_getter(vm, &args, "format")?;
    Ok(Value::str((m.format as char).to_string()))
}

fn mv_itemsize(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    Ok(Value::Int(
        mv_getter(vm, &args, "itemsize")?.itemsize() as i64
    ))
}

fn mv_ndim(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    mv_getter(vm, &args, "ndim")?;
    Ok(Value::Int(1))
}

fn mv_shape(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let m = mv_getter(vm, &args, "shape")?;
    Ok(Value::tuple(vec![Value::Int(m.len as i64)]))
}

fn mv_strides(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let m = mv_getter(vm, &args, "strides")?;
    Ok(Value::tuple(vec![Value::Int(m.step as i64)]))
}

fn mv_obj(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    Ok(mv_getter(vm, &args, "obj")?.source.clone())
}

fn mv_contiguous(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    let m = mv_getter(vm, &args, "contiguous")?;
    Ok(Value::Bool(m.contiguous()))
}

fn not_implemented(message: impl Into<String>) -> PyErr {
    PyErr::new("NotImplementedError", message)
}

// ---------------------------------------------------------------------------------------
// The ASCII-only bytes methods str.rs has no shared code for (bytes and bytearray both
// reach them through `call_as_bytes`, so the receiver here is always bytes)
// ---------------------------------------------------------------------------------------

/// The bytes receiver of a bytes method taking `min..=max` positional arguments and no
/// keywords.
fn bytes_receiver(
    vm: &Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<Rc<Vec<u8>>> {
    let b = match args.first() {
        Some(Value::Bytes(b)) => b.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
                vm.type_name(other)
            )))
        }
        None => {
            return Err(type_error(format!(
                "unbound method bytes.{name}() needs an argument"
            )))
        }
    };
    let qualified = format!("bytes.{name}");
    no_kwargs(&qualified, kwargs)?;
    let n = args.len() - 1;
    if n < min || n > max {
        return Err(type_error(if max == 0 {
            format!("{qualified}() takes no arguments ({n} given)")
        } else if min == max && min == 1 {
            format!("{qualified}() takes exactly one argument ({n} given)")
        } else if n > max {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        }));
    }
    Ok(b)
}

fn new_bytes(vm: &mut Vm<'_>, out: Vec<u8>) -> PyResult<Value> {
    check_len(out.len())?;
    vm.reserve(out.len() as u64, 1)?;
    Ok(Value::Bytes(Rc::new(out)))
}

/// Byte predicates: `name: test over the bytes;`.
macro_rules! byte_tests {
    ($($name:ident: $test:expr;)*) => {
        $(
            pub(super) fn $name(
                vm: &mut Vm<'_>,
                args: Vec<Value>,
                kwargs: Kwargs,
            ) -> PyResult<Value> {
                let b = bytes_receiver(vm, &args, &kwargs, &stringify!($name)[2..], 0, 0)?;
                let test: fn(&[u8]) -> bool = $test;
                Ok(Value::Bool(test(&b)))
            }
        )*
    };
}

byte_tests! {
    b_isascii: |b| b.is_ascii();
    b_islower: |b| b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase);
    b_isupper: |b| b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase);
    b_istitle: istitle;
}

/// CPython's `_Py_bytes_istitle`: cased runs start upper-case, and there is one.
fn istitle(b: &[u8]) -> bool {
    crate::builtins::str::is_title_cased(b.iter().map(|c| {
        if c.is_ascii_uppercase() {
            Some(true)
        } else if c.is_ascii_lowercase() {
            Some(false)
        } else {
            None
        }
    }))
}

/// Byte-to-bytes case mappings: `name: mapping;`.
macro_rules! byte_maps {
    ($($name:ident: $map:expr;)*) => {
        $(
            pub(super) fn $name(
                vm: &mut Vm<'_>,
                args: Vec<Value>,
                kwargs: Kwargs,
            ) -> PyResult<Value> {
                let b = bytes_receiver(vm, &args, &kwargs, &stringify!($name)[2..], 0, 0)?;
                let map: fn(&[u8]) -> Vec<u8> = $map;
                new_bytes(vm, map(&b))
            }
        )*
    };
}

byte_maps! {
    b_capitalize: |b| b
        .iter()
        .enumerate()
        .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
        .collect();
    b_swapcase: |b| b
        .iter()
        .map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
        .collect();
    b_title: |b| {
        let mut previous_cased = false;
        b.iter()
            .map(|&c| {
                let out = if previous_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                previous_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    };
}

/// A bytes-like argument of `name`, with bytes methods' TypeError.
fn bytes_like_arg(vm: &Vm<'_>, v: &Value) -> PyResult<Rc<Vec<u8>>> {
    v.bytes_like().ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

pub(super) fn b_removeprefix(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = bytes_receiver(vm, &args, &kwargs, "removeprefix", 1, 1)?;
    let prefix = bytes_like_arg(vm, &args[1])?;
    match b.strip_prefix(prefix.as_slice()) {
        Some(rest) if !prefix.is_empty() => new_bytes(vm, rest.to_vec()),
        _ => Ok(Value::Bytes(b)),
    }
}

pub(super) fn b_removesuffix(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = bytes_receiver(vm, &args, &kwargs, "removesuffix", 1, 1)?;
    let suffix = bytes_like_arg(vm, &args[1])?;
    match b.strip_suffix(suffix.as_slice()) {
        Some(rest) if !suffix.is_empty() => new_bytes(vm, rest.to_vec()),
        _ => Ok(Value::Bytes(b)),
    }
}

/// `center`/`ljust`/`rjust(width[, fillchar])`; `left` picks the left padding from the
/// total padding (CPython's `pad` rules).
fn justify(
    vm: &mut Vm<'_>,
    args: Vec<Value>,
    kwargs: Kwargs,
    name: &str,
    left: fn(usize, usize) -> usize,
) -> PyResult<Value> {
    let b = bytes_receiver(vm, &args, &kwargs, name, 1, 2)?;
    let width = super::str::ssize(vm, &args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match v {
            Value::Bytes(f) if f.len() == 1 => f[0],
            Value::ByteArray(f) if f.data.borrow().len() == 1 => f.data.borrow()[0],
            other => {
                return Err(type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(other)
                )))
            }
        },
    };
    let width = usize::try_from(width).unwrap_or(0);
    if width <= b.len() {
        return Ok(Value::Bytes(b));
    }
    check_len(width)?;
    let pad = width - b.len();
    let l = left(pad, width);
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.resize(width, fill);
    new_bytes(vm, out)
}

pub(super) fn b_center(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    justify(vm, args, kwargs, "center", |pad, width| {
        pad / 2 + (pad & width & 1)
    })
}

pub(super) fn b_ljust(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    justify(vm, args, kwargs, "ljust", |_, _| 0)
}

pub(super) fn b_rjust(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    justify(vm, args, kwargs, "rjust", |pad, _| pad)
}

pub(super) fn b_zfill(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = bytes_receiver(vm, &args, &kwargs, "zfill", 1, 1)?;
    let width = usize::try_from(super::str::ssize(vm, &args[1])?).unwrap_or(0);
    if width <= b.len() {
        return Ok(Value::Bytes(b));
    }
    check_len(width)?;
    let mut out = vec![b'0'; width - b.len()];
    out.extend_from_slice(&b);
    let fill = width - b.len();
    if let Some(&sign @ (b'+' | b'-')) = b.first() {
        out[0] = sign;
        out[fill] = b'0';
    }
    new_bytes(vm, out)
}

/// `expandtabs(tabsize=8)`.
pub(super) fn b_expandtabs(
    vm: &mut Vm<'_>,
    args: Vec<Value>,
    mut kwargs: Kwargs,
) -> PyResult<Value> {
    let keyword = super::take_kwarg(&mut kwargs, "tabsize");
    let b = bytes_receiver(vm, &args, &kwargs, "expandtabs", 0, 1)?;
    let tabsize = match args.get(1).or(keyword.as_ref()) {
        Some(v) => super::str::ssize(vm, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut column: i64 = 0;
    for &c in b.iter() {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize;
                    check_len(out.len().saturating_add(spaces as usize))?;
                    out.extend(std::iter::repeat_n(b' ', spaces as usize));
                    column += spaces;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    new_bytes(vm, out)
}

/// `splitlines(keepends=False)`: at `\n`, `\r` and `\r\n`.
pub(super) fn b_splitlines(
    vm: &mut Vm<'_>,
    args: Vec<Value>,
    mut kwargs: Kwargs,
) -> PyResult<Value> {
    let keyword = super::take_kwarg(&mut kwargs, "keepends");
    if args.len() > 2 {
        return Err(type_error(format!(
            "splitlines() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let b = bytes_receiver(vm, &args, &kwargs, "splitlines", 0, 1)?;
    let keepends = match args.get(1).or(keyword.as_ref()) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let end = i;
        let next = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => i + 2,
            b'\r' | b'\n' => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let stop = if keepends { next } else { end };
        lines.push(Value::Bytes(Rc::new(b[start..stop].to_vec())));
        start = next;
        i = next;
    }
    if start < b.len() {
        lines.push(Value::Bytes(Rc::new(b[start..].to_vec())));
    }
    Ok(Value::list(lines))
}

/// `translate(table, /, delete=b'')`: map each byte through a 256-byte table (None keeps
/// it) after dropping the bytes in `delete`.
pub(super) fn b_translate(
    vm: &mut Vm<'_>,
    args: Vec<Value>,
    mut kwargs: Kwargs,
) -> PyResult<Value> {
    let keyword = super::take_kwarg(&mut kwargs, "delete");
    if args.len() < 2 {
        return Err(type_error(format!(
            "translate() takes at least 1 positional argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    if args.len() > 3 {
        return Err(type_error(format!(
            "translate() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let b = bytes_receiver(vm, &args[..2], &kwargs, "translate", 1, 1)?;
    let table = match &args[1] {
        Value::None => None,
        v => {
            let t = bytes_like_arg(vm, v)?;
            if t.len() != 256 {
                return Err(value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match args.get(2).or(keyword.as_ref()) {
        Some(v) => bytes_like_arg(vm, v)?.as_ref().clone(),
        None => Vec::new(),
    };
    let mut dropped = [false; 256];
    for &d in &delete {
        dropped[d as usize] = true;
    }
    let out: Vec<u8> = b
        .iter()
        .filter(|&&c| !dropped[c as usize])
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    new_bytes(vm, out)
}

/// `bytes.maketrans(from, to)` / `bytearray.maketrans`: the 256-byte table mapping each
/// byte of `from` to the byte of `to` at the same position.
fn maketrans(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("maketrans", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "maketrans expected 2 arguments, got {}",
            args.len()
        )));
    }
    let from = bytes_like_arg(vm, &args[0])?;
    let to = bytes_like_arg(vm, &args[1])?;
    if from.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to.iter()) {
        table[f as usize] = t;
    }
    Ok(Value::Bytes(Rc::new(table)))
}
