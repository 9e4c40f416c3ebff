//! Calling a built-in class: `int(x)`, `str(x)`, `list(it)`, `dict(...)`, `range(...)`,
//! `type(x)`, `property(f)`, `super(C, obj)`...
//!
//! Invariant: conversions follow CPython's order of attempts (`__int__`/`__index__`,
//! `__float__`, `__str__`) and its error messages; no conversion allocates more than
//! [`super::MAX_COLLECTION`] items.

use std::rc::Rc;

use num_traits::ToPrimitive;

use super::{check_args, no_kwargs, reject_kwargs, take_kwarg};
use crate::objects::{BuiltinType, Class, Kwargs, PyDict, PyRange, PySlice, Value};
use crate::text::format as fmt;
use crate::vm::ops::{bigint_from_f64, format_error, to_bigint};
use crate::vm::{memory_error, overflow_error, type_error, value_error, PyResult, Vm};

/// Dispatch a call of built-in class `class`.
pub(crate) fn construct(
    vm: &mut Vm<'_>,
    class: &Rc<Class>,
    kind: BuiltinType,
    args: Vec<Value>,
    mut kw: Kwargs,
) -> PyResult<Value> {
    use BuiltinType as B;
    let name = &*class.name;
    match kind {
        B::Int => {
            let base = take_kwarg(&mut kw, "base");
            reject_kwargs("int", &kw)?;
            check_args("int", &args, 0, 2)?;
            let base = args.get(1).cloned().or(base);
            let value = args.first().map(|v| unwrap_number(v, "__int__"));
            make_int(vm, value.as_ref(), base.as_ref())
        }
        B::Float => {
            no_kwargs("float", &kw)?;
            check_args("float", &args, 0, 1)?;
            let value = args.first().map(|v| unwrap_number(v, "__float__"));
            make_float(vm, value.as_ref())
        }
        B::Str => make_str(vm, args, kw),
        B::Bool => {
            no_kwargs("bool", &kw)?;
            check_args("bool", &args, 0, 1)?;
            Ok(Value::Bool(match args.first() {
                Some(v) => vm.truthy(v)?,
                None => false,
            }))
        }
        B::List => {
            no_kwargs("list", &kw)?;
            check_args("list", &args, 0, 1)?;
            Ok(Value::list(match args.first() {
                Some(v) => vm.collect(v)?,
                None => Vec::new(),
            }))
        }
        B::Tuple => {
            no_kwargs("tuple", &kw)?;
            check_args("tuple", &args, 0, 1)?;
            Ok(match args.first() {
                Some(t @ Value::Tuple(_)) => t.clone(),
                Some(v) => Value::tuple(vm.collect(v)?),
                None => Value::tuple(Vec::new()),
            })
        }
        B::Dict => {
            check_args("dict", &args, 0, 1)?;
            let d = Value::Dict(Rc::new(PyDict::new()));
            if let Some(src) = args.first() {
                vm.dict_update(&d, src)?;
            }
            for (k, v) in kw {
                vm.dict_set(&d, Value::str(&*k), v)?;
            }
            Ok(d)
        }
        B::Set | B::FrozenSet => {
            no_kwargs(name, &kw)?;
            check_args(name, &args, 0, 1)?;
            let frozen = kind == B::FrozenSet;
            match args.first() {
                Some(v @ Value::Set(s)) if frozen && s.frozen => Ok(v.clone()),
                Some(v) => {
                    let table = super::set::table_from(vm, v)?;
                    Ok(Value::Set(Rc::new(crate::objects::PySet::new(
                        table, frozen,
                    ))))
                }
                None => vm.new_set(Vec::new(), frozen),
            }
        }
        B::Range => {
            no_kwargs("range", &kw)?;
            make_range(vm, &args)
        }
        B::Slice => {
            no_kwargs("slice", &kw)?;
            check_args("slice", &args, 1, 3)?;
            let (start, stop, step) = match args.len() {
                1 => (Value::None, args[0].clone(), Value::None),
                2 => (args[0].clone(), args[1].clone(), Value::None),
                _ => (args[0].clone(), args[1].clone(), args[2].clone()),
            };
            Ok(Value::Slice(Rc::new(PySlice { start, stop, step })))
        }
        B::Type => {
            if args.len() == 1 && kw.is_empty() {
                return Ok(Value::Class(vm.type_of(&args[0])));
            }
            if args.len() != 3 {
                return Err(type_error("type() takes 1 or 3 arguments"));
            }
            super::metaclass::new_type(vm, args, kw)
        }
        B::Object => {
            if !args.is_empty() || !kw.is_empty() {
                return Err(type_error("object() takes no arguments"));
            }
            Ok(Value::Instance(Rc::new(crate::objects::Instance {
                class: class.clone(),
                attrs: Default::default(),
                exc: None,
                native: None,
            })))
        }
        B::Bytes => {
            let encoding = take_kwarg(&mut kw, "encoding");
            reject_kwargs("bytes", &kw)?;
            check_args("bytes", &args, 0, 2)?;
            make_bytes(vm, args.first(), args.get(1).or(encoding.as_ref()))
        }
        B::Complex => super::complex::construct(vm, class, args, kw),
        B::ByteArray => {
            let source = take_kwarg(&mut kw, "source");
            let encoding = take_kwarg(&mut kw, "encoding");
            let errors = take_kwarg(&mut kw, "errors");
            reject_kwargs("bytearray", &kw)?;
            if args.len() > 3 {
                return Err(type_error(format!(
                    "bytearray() takes at most 3 arguments ({} given)",
                    args.len()
                )));
            }
            let source = args.first().cloned().or(source);
            let encoding = args.get(1).cloned().or(encoding);
            let errors = args.get(2).cloned().or(errors);
            super::bytearray::make_bytearray(
                vm,
                source.as_ref(),
                encoding.as_ref(),
                errors.as_ref(),
            )
        }
        B::MemoryView => {
            let object = take_kwarg(&mut kw, "object");
            reject_kwargs("memoryview", &kw)?;
            match (args.as_slice(), object) {
                ([obj], None) => super::bytearray::make_memoryview(vm, &obj.clone()),
                ([], Some(obj)) => super::bytearray::make_memoryview(vm, &obj),
                ([], None) => Err(type_error(
                    "memoryview() missing required argument 'object' (pos 1)",
                )),
                _ => Err(type_error(format!(
                    "memoryview() takes at most 1 argument ({} given)",
                    args.len()
                ))),
            }
        }
        B::Property => {
            let fget = take_kwarg(&mut kw, "fget");
            let fset = take_kwarg(&mut kw, "fset");
            let fdel = take_kwarg(&mut kw, "fdel");
            take_kwarg(&mut kw, "doc");
            reject_kwargs("property", &kw)?;
            let getter = args.first().cloned().or(fget).unwrap_or(Value::None);
            let setter = args.get(1).cloned().or(fset).filter(|s| !s.is_none());
            let deleter = args.get(2).cloned().or(fdel).filter(|s| !s.is_none());
            Ok(crate::vm::new_property(getter, setter, deleter))
        }
        B::StaticMethod | B::ClassMethod => {
            no_kwargs(name, &kw)?;
            check_args(name, &args, 1, 1)?;
            let f = Rc::new(args[0].clone());
            Ok(if kind == B::StaticMethod {
                Value::StaticMethod(f)
            } else {
                Value::ClassMethod(f)
            })
        }
        B::Super => {
            no_kwargs("super", &kw)?;
            match args.as_slice() {
                [Value::Class(c), this] => Ok(Value::Super(Rc::new(crate::objects::SuperObj {
                    after: c.clone(),
                    this: this.clone(),
                }))),
                [] => Err(crate::vm::runtime_error("super(): no arguments")),
                _ => Err(type_error("super() argument 1 must be a type")),
            }
        }
        B::Exception => unreachable_exception(vm, class),
        _ => Err(type_error(format!(
            "cannot create '{}' instances",
            class.qualname
        ))),
    }
}

fn unreachable_exception(_vm: &mut Vm<'_>, class: &Rc<Class>) -> PyResult<Value> {
    Err(type_error(format!(
        "cannot create '{}' instances here",
        class.name
    )))
}

/// `int(x)`, `int(s, base)`.
fn make_int(vm: &mut Vm<'_>, x: Option<&Value>, base: Option<&Value>) -> PyResult<Value> {
    let Some(x) = x else { return Ok(Value::Int(0)) };
    if let Some(base) = base {
        let b = vm.index_value(base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match x {
            Value::Str(s) => parse_int(s.as_str(), b as u32, x, vm),
            Value::Bytes(bs) => parse_int(&String::from_utf8_lossy(bs), b as u32, x, vm),
            Value::ByteArray(_) | Value::MemoryView(_) if x.bytes_like().is_some() => {
                let bs = x.bytes_like().unwrap_or_default();
                parse_int(&String::from_utf8_lossy(&bs), b as u32, x, vm)
            }
            _ => Err(type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(overflow_error("cannot convert float infinity to integer"));
            }
            Ok(Value::from_bigint(bigint_from_f64(f.trunc())))
        }
        Value::Str(s) => parse_int(s.as_str(), 10, x, vm),
        Value::Bytes(bs) => parse_int(&String::from_utf8_lossy(bs), 10, x, vm),
        Value::ByteArray(_) | Value::MemoryView(_) if x.bytes_like().is_some() => {
            let bs = x.bytes_like().unwrap_or_default();
            parse_int(&String::from_utf8_lossy(&bs), 10, x, vm)
        }
        Value::Instance(i) => {
            for hook in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = i.class.lookup(hook) {
                    let r = vm.call1(&f, x.clone())?;
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(type_error(format!(
                            "{hook} returned non-int (type {})",
                            vm.type_name(&other)
                        ))),
                    };
                }
            }
            Err(int_type_error(vm, x))
        }
        _ => Err(int_type_error(vm, x)),
    }
}

fn int_type_error(vm: &Vm<'_>, x: &Value) -> crate::vm::PyErr {
    type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    ))
}

fn parse_int(s: &str, base: u32, original: &Value, vm: &mut Vm<'_>) -> PyResult<Value> {
    match fmt::parse_int_limited(s, base).map_err(format_error)? {
        Some(b) => Ok(Value::from_bigint(b)),
        None => {
            let r = vm.repr(original)?;
            Err(value_error(format!(
                "invalid literal for int() with base {base}: {r}"
            )))
        }
    }
}

/// `float(x)`.
fn make_float(vm: &mut Vm<'_>, x: Option<&Value>) -> PyResult<Value> {
    let Some(x) = x else {
        return Ok(Value::Float(0.0));
    };
    match x {
        Value::Float(_) => Ok(x.clone()),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Ok(Value::Float(crate::vm::ops::to_f64(x)?.unwrap_or(0.0)))
        }
        Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_)
            if x.bytes_like().is_some() =>
        {
            let bytes = x.bytes_like().unwrap_or_default();
            let parsed = std::str::from_utf8(&bytes).ok().and_then(fmt::parse_float);
            match parsed {
                Some(f) => Ok(Value::Float(f)),
                None => {
                    let r = vm.repr(x)?;
                    Err(value_error(format!(
                        "could not convert string to float: {r}"
                    )))
                }
            }
        }
        Value::Str(s) => match fmt::parse_float(s.as_str()) {
            Some(f) => Ok(Value::Float(f)),
            None => {
                let r = vm.repr(x)?;
                Err(value_error(format!(
                    "could not convert string to float: {r}"
                )))
            }
        },
        Value::Instance(i) => {
            for hook in ["__float__", "__index__"] {
                if let Some(f) = i.class.lookup(hook) {
                    let r = vm.call1(&f, x.clone())?;
                    return match r {
                        Value::Float(_) => Ok(r),
                        Value::Int(_) | Value::BigInt(_) if hook == "__index__" => {
                            Ok(Value::Float(crate::vm::ops::to_f64(&r)?.unwrap_or(0.0)))
                        }
                        other => Err(type_error(format!(
                            "{}.{hook} returned non-float (type {})",
                            i.class.name,
                            vm.type_name(&other)
                        ))),
                    };
                }
            }
            Err(float_type_error(vm, x))
        }
        _ => Err(float_type_error(vm, x)),
    }
}

fn float_type_error(vm: &Vm<'_>, x: &Value) -> crate::vm::PyErr {
    type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(x)
    ))
}

/// `str(x)`, `str(b, encoding)`.
fn make_str(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let encoding = take_kwarg(&mut kw, "encoding");
    let errors = take_kwarg(&mut kw, "errors");
    reject_kwargs("str", &kw)?;
    check_args("str", &args, 0, 3)?;
    let Some(x) = args.first() else {
        return Ok(Value::str(""));
    };
    let encoding = args.get(1).cloned().or(encoding);
    let errors = args.get(2).cloned().or(errors);
    if encoding.is_some() || errors.is_some() {
        let bytes;
        let x = match x.bytes_like() {
            Some(b) => {
                bytes = Value::Bytes(b);
                &bytes
            }
            None => x,
        };
        return match x {
            Value::Bytes(_) => {
                let mut dargs = vec![x.clone()];
                dargs.extend(encoding);
                dargs.extend(errors);
                let decode = vm.getattr(x, "decode")?;
                let rest = dargs.split_off(1);
                vm.call(&decode, rest, Vec::new())
            }
            Value::Str(_) => Err(type_error("decoding str is not supported")),
            other => Err(type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(other)
            ))),
        };
    }
    Ok(match x {
        Value::Str(_) => x.clone(),
        other => Value::str(vm.to_str(other)?),
    })
}

/// `range(stop)`, `range(start, stop[, step])`.
fn make_range(vm: &mut Vm<'_>, args: &[Value]) -> PyResult<Value> {
    let ints = super::str::ssize;
    let (start, stop, step) = match args.len() {
        1 => (0, ints(vm, &args[0])?, 1),
        2 => (ints(vm, &args[0])?, ints(vm, &args[1])?, 1),
        3 => (
            ints(vm, &args[0])?,
            ints(vm, &args[1])?,
            ints(vm, &args[2])?,
        ),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )))
        }
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(PyRange { start, stop, step })))
}

/// `bytes(x)`, `bytes(s, encoding)`.
fn make_bytes(vm: &mut Vm<'_>, x: Option<&Value>, encoding: Option<&Value>) -> PyResult<Value> {
    let Some(x) = x else {
        return Ok(Value::Bytes(Rc::new(Vec::new())));
    };
    match (x, encoding) {
        (Value::Str(s), Some(_)) => Ok(Value::Bytes(Rc::new(s.as_str().as_bytes().to_vec()))),
        (Value::Str(_), None) => Err(type_error("string argument without an encoding")),
        (Value::Bytes(_), _) => Ok(x.clone()),
        (Value::ByteArray(_) | Value::MemoryView(_), _) if x.bytes_like().is_some() => {
            Ok(Value::Bytes(x.bytes_like().unwrap_or_default()))
        }
        (Value::MemoryView(m), _) => {
            super::bytearray::live(m)?;
            Ok(Value::Bytes(Rc::new(Vec::new())))
        }
        (Value::Int(n), _) => {
            if *n < 0 {
                return Err(value_error("negative count"));
            }
            let n = usize::try_from(*n).unwrap_or(usize::MAX);
            if n > super::MAX_COLLECTION * 8 {
                return Err(memory_error());
            }
            Ok(Value::Bytes(Rc::new(vec![0; n])))
        }
        _ => {
            if let Some(view) = super::bytearray::exported_buffer(vm, x)? {
                return Ok(Value::Bytes(view.bytes_like().unwrap_or_default()));
            }
            let mut out = Vec::new();
            for item in vm.collect(x)? {
                let b = to_bigint(&item).ok_or_else(|| {
                    type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(&item)
                    ))
                })?;
                match b.to_u8() {
                    Some(byte) => out.push(byte),
                    None => return Err(value_error("bytes must be in range(0, 256)")),
                }
            }
            Ok(Value::Bytes(Rc::new(out)))
        }
    }
}

/// `int(x)`/`float(x)` of a subclass of a built-in type without its own conversion hook:
/// the conversion of the value inside.
fn unwrap_number(v: &Value, hook: &str) -> Value {
    super::subclass::base_for(v, hook).unwrap_or_else(|| v.clone())
}
