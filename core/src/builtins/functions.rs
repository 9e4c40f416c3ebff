//! The functions of the `builtins` module: print, input, len, sorted, min, max, ...
//!
//! Invariant: argument errors use CPython's wording; `input()` is the only function
//! here that suspends (through [`crate::Host::suspend`]).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{check_args, no_kwargs, reject_kwargs, take_kwarg};
use crate::compiler::{BinOp, CmpOp};
use crate::host::{Reply, Stream, SuspendRequest};
use crate::objects::{
    CodeMode, DictViewKind, Instance, Kwargs, NativeFn, NativeIter, NativeState, Value,
};
use crate::text::format as fmt;
use crate::vm::bignum;
use crate::vm::ops::to_bigint;
use crate::vm::types::types;
use crate::vm::{overflow_error, type_error, value_error, PyErr, PyResult, Vm};

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("input", input),
    ("open", open),
    ("len", len),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("any", any),
    ("all", all),
    ("round", round),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("repr", repr),
    ("ascii", ascii),
    ("ord", ord),
    ("chr", chr),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("divmod", divmod),
    ("pow", pow),
    ("iter", iter),
    ("next", next),
    ("aiter", aiter),
    ("anext", anext),
    ("hash", hash),
    ("id", id),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("format", format),
    ("vars", vars),
    ("dir", dir),
    ("globals", globals),
    ("locals", frame_builtin_locals),
    ("exec", frame_builtin_exec),
    ("compile", compile),
    ("eval", frame_builtin_eval),
];

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

/// Write to `sys.stdout`/`sys.stderr` or call `file.write(text)`.
pub(crate) fn write_to(vm: &mut Vm<'_>, file: &Value, text: &str) -> PyResult<()> {
    if let Value::Instance(i) = file {
        if let Some(native) = &i.native {
            if let NativeState::Stream(stream) = &*native.borrow() {
                vm.host.write(*stream, text);
                return Ok(());
            }
        }
    }
    if file.is_none() {
        vm.host.write(Stream::Stdout, text);
        return Ok(());
    }
    let write = vm.getattr(file, "write")?;
    vm.call1(&write, Value::str(text))?;
    Ok(())
}

fn print(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let text_arg =
        |vm: &mut Vm<'_>, v: Option<Value>, name: &str, default: &str| -> PyResult<String> {
            match v {
                None | Some(Value::None) => Ok(default.to_string()),
                Some(Value::Str(s)) => Ok(s.as_str().to_string()),
                Some(other) => Err(type_error(format!(
                    "{name} must be None or a string, not {}",
                    vm.type_name(&other)
                ))),
            }
        };
    let sep = take_kwarg(&mut kw, "sep");
    let sep = text_arg(vm, sep, "sep", " ")?;
    let end = take_kwarg(&mut kw, "end");
    let end = text_arg(vm, end, "end", "\n")?;
    let file = take_kwarg(&mut kw, "file").unwrap_or(Value::None);
    let flush = take_kwarg(&mut kw, "flush");
    reject_kwargs("print", &kw)?;
    // CPython prints to whatever `sys.stdout` is now, so a program may replace it.
    let file = match file {
        Value::None => vm
            .rt
            .modules
            .get("sys")
            .and_then(|m| m.attrs.borrow().get("stdout").cloned())
            .unwrap_or(Value::None),
        f => f,
    };
    let is_stream = match &file {
        Value::None => true,
        Value::Instance(i) => i
            .native
            .as_ref()
            .is_some_and(|n| matches!(&*n.borrow(), NativeState::Stream(_))),
        _ => false,
    };
    if is_stream {
        let mut out = String::new();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&vm.to_str(a)?);
        }
        out.push_str(&end);
        write_to(vm, &file, &out)?;
    } else {
        // A Python file object sees one write per piece, as CPython's print makes them.
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                write_to(vm, &file, &sep)?;
            }
            let piece = vm.to_str(a)?;
            write_to(vm, &file, &piece)?;
        }
        write_to(vm, &file, &end)?;
    }
    if let Some(flush) = flush {
        if vm.truthy(&flush)? {
            vm.host.flush();
        }
    }
    Ok(Value::None)
}

/// `open(...)`: the file objects are Python (`modules/py/_fileio.py`), imported on the
/// first call, over the interpreter's filesystem.
fn open(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let module = vm.import_module("_fileio")?;
    let open = module.attrs.borrow().get("open").cloned();
    match open {
        Some(open) => vm.call(&open, args, kw),
        None => Err(PyErr::new("SystemError", "_fileio.open is missing")),
    }
}

fn input(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("input", &kw)?;
    check_args("input", &args, 0, 1)?;
    let prompt = match args.first() {
        Some(p) => vm.to_str(p)?,
        None => String::new(),
    };
    match vm.suspend(SuspendRequest::Input { prompt })? {
        Reply::Text(line) => Ok(Value::str(line)),
        _ => Err(PyErr::new(
            "RuntimeError",
            "host answered input() with a non-text reply",
        )),
    }
}

fn len(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("len", &kw)?;
    check_args("len", &args, 1, 1)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn abs(vm: &mut Vm<'_>, mut args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("abs", &kw)?;
    check_args("abs", &args, 1, 1)?;
    if let Some(base) = super::subclass::base_for(&args[0], "__abs__") {
        args[0] = base;
    }
    match &args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        }),
        Value::BigInt(b) => Ok(Value::from_bigint(b.abs())),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::Complex(z) => Ok(Value::Float(super::complex::abs(**z)?)),
        Value::Instance(i) if i.class.lookup("__abs__").is_some() => {
            let f = i.class.lookup("__abs__").unwrap_or(Value::None);
            vm.call1(&f, args[0].clone())
        }
        other => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            vm.type_name(other)
        ))),
    }
}

/// min() and max(): one iterable or several arguments, `key=`, `default=`.
fn extreme(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    mut kw: Kwargs,
    op: CmpOp,
) -> PyResult<Value> {
    let key = take_kwarg(&mut kw, "key").filter(|k| !k.is_none());
    let default = take_kwarg(&mut kw, "default");
    reject_kwargs(name, &kw)?;
    let items = match args.len() {
        0 => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.collect(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call1(f, item.clone())?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let r = vm.rich_compare(&k, bk, op)?;
                vm.truthy(&r)?
            }
        };
        if better {
            best = Some((k, item));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    extreme(vm, "min", args, kw, CmpOp::Lt)
}

fn max(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    extreme(vm, "max", args, kw, CmpOp::Gt)
}

fn sum(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let start_kw = take_kwarg(&mut kw, "start");
    reject_kwargs("sum", &kw)?;
    check_args("sum", &args, 1, 2)?;
    let mut acc = args.get(1).cloned().or(start_kw).unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    let it = vm.get_iter(&args[0])?;
    // Floats are summed with CPython's compensated algorithm only in 3.12+; 3.11 adds plainly.
    while let Some(item) = vm.next(&it)? {
        acc = vm.binary_op(BinOp::Add, &acc, &item)?;
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let key = take_kwarg(&mut kw, "key").filter(|k| !k.is_none());
    let reverse = match take_kwarg(&mut kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    reject_kwargs("sort", &kw)?;
    let items = vm.collect(&args[0])?;
    let out = super::sequence::sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(out))
}

fn native_iter(it: NativeIter) -> Value {
    Value::Iterator(Rc::new(RefCell::new(it)))
}

fn reversed(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("reversed", &kw)?;
    check_args("reversed", &args, 1, 1)?;
    let v = &args[0];
    // The type CPython's reverse iterator over `v` has.
    let name = match v {
        Value::List(_) => "list_reverseiterator",
        Value::Dict(_) => "dict_reversekeyiterator",
        Value::Instance(i) => match i.native.as_ref().map(|n| match &*n.borrow() {
            NativeState::DictView(_, kind) => Some(*kind),
            _ => None,
        }) {
            Some(Some(DictViewKind::Keys)) => "dict_reversekeyiterator",
            Some(Some(DictViewKind::Values)) => "dict_reversevalueiterator",
            Some(Some(DictViewKind::Items)) => "dict_reverseitemiterator",
            _ => "reversed",
        },
        _ => "reversed",
    };
    let items = match v {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.clone(),
        Value::Str(_) | Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
            vm.collect(v)?
        }
        Value::Range(r) => {
            let n = r.len();
            let last = if n == 0 { r.start } else { r.get(n - 1) };
            return Ok(native_iter(NativeIter::Range {
                next: last,
                step: r.step.wrapping_neg(),
                remaining: n,
            }));
        }
        Value::Dict(_) => vm.collect(v)?,
        Value::Instance(i) if i.native.is_some() => vm.collect(v)?,
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup("__reversed__") {
                return vm.call1(&f, v.clone());
            }
            if i.class.lookup("__len__").is_some() && i.class.lookup("__getitem__").is_some() {
                let n = vm.len(v)?;
                let mut out = Vec::with_capacity(n);
                for k in 0..n {
                    out.push(vm.getitem(v, &Value::Int(k as i64))?);
                }
                out
            } else {
                return Err(type_error(format!(
                    "'{}' object is not reversible",
                    i.class.name
                )));
            }
        }
        other => {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                vm.type_name(other)
            )))
        }
    };
    let mut items = items;
    items.reverse();
    Ok(native_iter(NativeIter::Seq {
        items: Rc::new(crate::objects::PyTuple::new(items)),
        index: 0,
        name,
    }))
}

fn enumerate(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let start_kw = take_kwarg(&mut kw, "start");
    reject_kwargs("enumerate", &kw)?;
    check_args("enumerate", &args, 1, 2)?;
    let start = args.get(1).cloned().or(start_kw).unwrap_or(Value::Int(0));
    if !matches!(start, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&start)
        )));
    }
    let inner = vm.get_iter(&args[0])?;
    Ok(native_iter(NativeIter::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let strict = match take_kwarg(&mut kw, "strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    reject_kwargs("zip", &kw)?;
    let mut inners = Vec::with_capacity(args.len());
    // CPython 3.11 lets iter()'s own TypeError through ("'int' object is not iterable").
    for a in &args {
        inners.push(vm.get_iter(a)?);
    }
    Ok(native_iter(NativeIter::Zip { inners, strict }))
}

fn map(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("map", &kw)?;
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        inners.push(vm.get_iter(a)?);
    }
    Ok(native_iter(NativeIter::Map {
        func: args[0].clone(),
        inners,
    }))
}

fn filter(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("filter", &kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len()
        )));
    }
    let inner = vm.get_iter(&args[1])?;
    Ok(native_iter(NativeIter::Filter {
        func: args[0].clone(),
        inner,
    }))
}

fn any_all(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    kw: Kwargs,
    want: bool,
) -> PyResult<Value> {
    no_kwargs(name, &kw)?;
    check_args(name, &args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(item) = vm.next(&it)? {
        if vm.truthy(&item)? == want {
            return Ok(Value::Bool(want));
        }
    }
    Ok(Value::Bool(!want))
}

fn any(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    any_all(vm, "any", args, kw, true)
}

fn all(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    any_all(vm, "all", args, kw, false)
}

/// `round(int, n)` for negative n: round half to even at 10**-n.
fn round_int(v: &BigInt, ndigits: i64) -> Value {
    if ndigits >= 0 {
        return Value::from_bigint(v.clone());
    }
    // |v| < 10**digits, so at 10**exp with exp past that, v rounds to 0. (`unsigned_abs`:
    // -i64::MIN overflows, and a huge negative ndigits arrives as i64::MIN.)
    let digits = v.bits() * 30_103 / 100_000 + 2;
    let Some(exp) = u32::try_from(ndigits.unsigned_abs())
        .ok()
        .filter(|e| u64::from(*e) <= digits)
    else {
        return Value::Int(0);
    };
    let pow = num_traits::pow(BigInt::from(10), exp as usize);
    let (q, r) = v.div_mod_floor(&pow);
    let twice = &r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) {
        q + 1
    } else {
        q
    };
    Value::from_bigint(q * pow)
}

fn round(vm: &mut Vm<'_>, mut args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let nd_kw = take_kwarg(&mut kw, "ndigits");
    reject_kwargs("round", &kw)?;
    check_args("round", &args, 1, 2)?;
    if let Some(base) = super::subclass::base_for(&args[0], "__round__") {
        args[0] = base;
    }
    let ndigits = args.get(1).cloned().or(nd_kw).filter(|n| !n.is_none());
    // As CPython: a class's own __round__ gets ndigits unchecked (decimal's raises its own
    // TypeError for a non-integer).
    if let Value::Instance(i) = &args[0] {
        if let Some(f) = i.class.lookup("__round__") {
            let mut call_args = vec![args[0].clone()];
            call_args.extend(ndigits);
            return vm.call(&f, call_args, Vec::new());
        }
    }
    let nd = match &ndigits {
        Some(n @ (Value::Int(_) | Value::Bool(_))) => Some(vm.index_value(n)?),
        Some(Value::BigInt(b)) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Some(other) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
        None => None,
    };
    match (&args[0], nd) {
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(overflow_error("cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            Ok(Value::from_bigint(crate::vm::ops::bigint_from_f64(r)))
        }
        (Value::Float(f), Some(n)) => match fmt::round_float(*f, n) {
            Some(r) => Ok(Value::Float(r)),
            None => Err(overflow_error("rounded value too large to represent")),
        },
        (v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)), n) => {
            let b = to_bigint(v).unwrap_or_default();
            Ok(round_int(&b, n.unwrap_or(0)))
        }
        (other, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(other)
        ))),
    }
}

/// Is `v` an instance of the class (or tuple of classes) `spec`?
pub(crate) fn is_instance(vm: &mut Vm<'_>, v: &Value, spec: &Value, fname: &str) -> PyResult<bool> {
    match spec {
        Value::Class(c) => Ok(vm.type_of(v).is_subclass(c)),
        Value::Tuple(t) => {
            for s in t.items.iter() {
                if is_instance(vm, v, s, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        other if super::metaclass::is_generic_alias(other) => Err(type_error(format!(
            "{fname}() argument 2 cannot be a parameterized generic"
        ))),
        other => match super::metaclass::union_classes(other) {
            // Members in order, as CPython: a generic alias fails only when reached.
            Some(members) => {
                for m in &members {
                    if is_instance(vm, v, m, fname)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            None => Err(type_error(format!(
                "{fname}() arg 2 must be a type, a tuple of types, or a union"
            ))),
        },
    }
}

fn isinstance(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("isinstance", &kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    }
    Ok(Value::Bool(is_instance(
        vm,
        &args[0],
        &args[1],
        "isinstance",
    )?))
}

fn issubclass(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("issubclass", &kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        )));
    }
    let Value::Class(c) = &args[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    let classes: Vec<Value> = match &args[1] {
        Value::Tuple(t) => t.items.clone(),
        other => vec![other.clone()],
    };
    for k in classes {
        match k {
            Value::Class(k) => {
                if c.is_subclass(&k) {
                    return Ok(Value::Bool(true));
                }
            }
            _ => {
                return Err(type_error(
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                ))
            }
        }
    }
    let _ = vm;
    Ok(Value::Bool(false))
}

fn repr(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("repr", &kw)?;
    check_args("repr", &args, 1, 1)?;
    Ok(Value::str(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("ascii", &kw)?;
    check_args("ascii", &args, 1, 1)?;
    let r = vm.repr(&args[0])?;
    Ok(Value::str(crate::vm::ops::ascii_escape(&r)))
}

fn ord(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("ord", &kw)?;
    check_args("ord", &args, 1, 1)?;
    match &args[0] {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        Value::Bytes(b) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn chr(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("chr", &kw)?;
    check_args("chr", &args, 1, 1)?;
    let code = match &args[0] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(overflow_error("Python int too large to convert to C int")),
        other => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    // chr() takes a C int first: past 32 bits the conversion fails before the range check.
    if i32::try_from(code).is_err() {
        return Err(overflow_error("Python int too large to convert to C int"));
    }
    if !(0..0x110000).contains(&code) {
        return Err(value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(code as u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        // Lone surrogates cannot be stored in a Rust string.
        None => Err(value_error(
            "chr() of a surrogate code point is not supported",
        )),
    }
}

fn radix(vm: &mut Vm<'_>, name: &str, args: Vec<Value>, kw: Kwargs, base: u32) -> PyResult<Value> {
    no_kwargs(name, &kw)?;
    check_args(name, &args, 1, 1)?;
    let v = match &args[0] {
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            let f = i.class.lookup("__index__").unwrap_or(Value::None);
            vm.call1(&f, args[0].clone())?
        }
        other => other.clone(),
    };
    match to_bigint(&v) {
        Some(b) => Ok(Value::str(fmt::int_to_str_radix(&b, base, true))),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&v)
        ))),
    }
}

fn hex(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    radix(vm, "hex", args, kw, 16)
}

fn oct(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    radix(vm, "oct", args, kw, 8)
}

fn bin(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    radix(vm, "bin", args, kw, 2)
}

fn divmod(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("divmod", &kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.len()
        )));
    }
    let (a, b) = (&args[0], &args[1]);
    if let Value::Instance(i) = a {
        if let Some(f) = i.class.lookup("__divmod__") {
            return vm.call(&f, vec![a.clone(), b.clone()], Vec::new());
        }
    }
    let numeric = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    };
    if !numeric(a) || !numeric(b) {
        return Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        )));
    }
    // A big int's quotient and remainder come from one long division (which can take
    // seconds), not from `//` and `%` each doing it again.
    if matches!(a, Value::BigInt(_)) || matches!(b, Value::BigInt(_)) {
        if let (Some(x), Some(y)) = (to_bigint(a), to_bigint(b)) {
            if y.is_zero() {
                return Err(PyErr::new(
                    "ZeroDivisionError",
                    "integer division or modulo by zero",
                ));
            }
            let (q, r) = bignum::div_mod_floor(vm, &x, &y)?;
            return Ok(Value::tuple(vec![
                Value::from_bigint(q),
                Value::from_bigint(r),
            ]));
        }
    }
    let q = vm.binary_op(BinOp::FloorDiv, a, b)?;
    let r = vm.binary_op(BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    let mut args = args;
    for name in ["base", "exp", "mod"] {
        if let Some(v) = take_kwarg(&mut kw, name) {
            args.push(v);
        }
    }
    reject_kwargs("pow", &kw)?;
    check_args("pow", &args, 2, 3)?;
    let modulus = args.get(2).cloned().filter(|m| !m.is_none());
    let Some(m) = modulus else {
        return vm.binary_op(BinOp::Pow, &args[0], &args[1]);
    };
    if [&args[0], &args[1], &m]
        .iter()
        .any(|v| matches!(v, Value::Complex(_)))
    {
        return Err(crate::vm::value_error("complex modulo"));
    }
    let (Some(base), Some(exp), Some(m)) =
        (to_bigint(&args[0]), to_bigint(&args[1]), to_bigint(&m))
    else {
        return Err(type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if m.is_zero() {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let base = if exp.is_negative() {
        match mod_inverse(&base, &m) {
            Some(inv) => inv,
            None => return Err(value_error("base is not invertible for the given modulus")),
        }
    } else {
        base
    };
    let modulus = m.abs();
    let r = bignum::modpow(vm, &base.mod_floor(&modulus), &exp.abs(), &modulus)?;
    // Python's result takes the sign of the modulus.
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if !e.gcd.is_one_value() {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

trait IsOne {
    fn is_one_value(&self) -> bool;
}

impl IsOne for BigInt {
    fn is_one_value(&self) -> bool {
        self.to_i64() == Some(1)
    }
}

fn iter(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("iter", &kw)?;
    check_args("iter", &args, 1, 2)?;
    if args.len() == 2 {
        return Ok(native_iter(NativeIter::Callable {
            func: args[0].clone(),
            sentinel: args[1].clone(),
        }));
    }
    vm.get_iter(&args[0])
}

/// `aiter(obj)`: `obj.__aiter__()`.
fn aiter(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("aiter", &kw)?;
    check_args("aiter", &args, 1, 1)?;
    let Some(method) = vm.type_of(&args[0]).lookup("__aiter__") else {
        return Err(type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(&args[0])
        )));
    };
    vm.call1(&method, args[0].clone())
}

/// `anext(aiter)`: the awaitable `aiter.__anext__()` (the default form is not supported).
fn anext(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("anext", &kw)?;
    check_args("anext", &args, 1, 1)?;
    let Some(method) = vm.type_of(&args[0]).lookup("__anext__") else {
        return Err(type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(&args[0])
        )));
    };
    vm.call1(&method, args[0].clone())
}

fn next(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("next", &kw)?;
    check_args("next", &args, 1, 2)?;
    let it = &args[0];
    let is_iterator = match it {
        Value::Iterator(_) => true,
        Value::Generator(g) => g.kind == crate::objects::GenKind::Generator,
        Value::Instance(i) => i.class.lookup("__next__").is_some(),
        _ => false,
    };
    if !is_iterator {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    }
    if let Value::Generator(g) = it {
        return match vm.resume_generator(g, Value::None)? {
            Ok(v) => Ok(v),
            Err(ret) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::vm::stop_iteration(ret)),
            },
        };
    }
    if let (Value::Instance(i), None) = (it, args.get(1)) {
        let f = i.class.lookup("__next__").unwrap_or(Value::None);
        return vm.call1(&f, it.clone());
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::new_empty("StopIteration")),
        },
    }
}

fn hash(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("hash", &kw)?;
    check_args("hash", &args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn id(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("id", &kw)?;
    check_args("id", &args, 1, 1)?;
    let v = &args[0];
    Ok(Value::Int(match v.heap_addr() {
        Some(a) => a as i64,
        // Immediate values: a stable number derived from the value itself.
        None => match v {
            Value::Int(i) => 0x1000_0000 + i.wrapping_mul(32),
            Value::Float(f) => 0x2000_0000 + (f.to_bits() >> 8) as i64,
            Value::Bool(b) => 0x100 + *b as i64 * 32,
            _ => 0x80,
        },
    }))
}

fn callable(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("callable", &kw)?;
    check_args("callable", &args, 1, 1)?;
    let _ = vm;
    Ok(Value::Bool(match &args[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }))
}

fn attr_name(vm: &Vm<'_>, v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(type_error(format!(
            "{fname}(): attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn getattr(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("getattr", &kw)?;
    check_args("getattr", &args, 2, 3)?;
    let name = attr_name(vm, &args[1], "getattr")?;
    match vm.getattr(&args[0], &name) {
        Err(e) if e.is("AttributeError") && args.len() == 3 => Ok(args[2].clone()),
        r => r,
    }
}

#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn setattr(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("setattr", &kw)?;
    check_args("setattr", &args, 3, 3)?;
    let name = attr_name(vm, &args[1], "setattr")?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("hasattr", &kw)?;
    check_args("hasattr", &args, 2, 2)?;
    let name = attr_name(vm, &args[1], "hasattr")?;
    match vm.getattr(&args[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is("AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn delattr(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("delattr", &kw)?;
    check_args("delattr", &args, 2, 2)?;
    let name = attr_name(vm, &args[1], "delattr")?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

fn format(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("format", &kw)?;
    check_args("format", &args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    Ok(Value::str(vm.format(&arg(&args, 0), &spec)?))
}

/// A new dict of a namespace's bindings.
pub(crate) fn namespace_dict(attrs: &crate::objects::AttrMap) -> Value {
    super::dict_from_str_pairs(attrs.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

fn vars(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("vars", &kw)?;
    check_args("vars", &args, 1, 1)?;
    match &args[0] {
        Value::Instance(i)
            if i.native.is_none() || super::subclass::base_value(&args[0]).is_some() =>
        {
            Ok(namespace_dict(&i.attrs.borrow()))
        }
        Value::Module(m) => Ok(namespace_dict(&m.attrs.borrow())),
        Value::Class(c) => Ok(namespace_dict(&c.attrs.borrow())),
        _ => Err(type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("dir", &kw)?;
    check_args("dir", &args, 1, 1)?;
    let mut names: Vec<String> = Vec::new();
    match &args[0] {
        Value::Module(m) => names.extend(m.attrs.borrow().keys().map(|k| k.to_string())),
        Value::Instance(i) => {
            names.extend(i.attrs.borrow().keys().map(|k| k.to_string()));
            for c in i.class.mro.borrow().iter() {
                names.extend(c.attrs.borrow().keys().map(|k| k.to_string()));
            }
        }
        other => {
            for c in vm.type_of(other).mro.borrow().iter() {
                names.extend(c.attrs.borrow().keys().map(|k| k.to_string()));
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

// Called directly, these are handed the caller's frame by the eval loop
// (`vm/namespaces.rs`); called any other way they see `__main__`.
fn globals(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    vm.call_frame_builtin(None, "globals", args, kw)
}

fn frame_builtin_locals(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    vm.call_frame_builtin(None, "locals", args, kw)
}

fn frame_builtin_exec(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    vm.call_frame_builtin(None, "exec", args, kw)
}

fn frame_builtin_eval(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    vm.call_frame_builtin(None, "eval", args, kw)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`: a code
/// object for `exec`/`eval` (flags and optimize are accepted and ignored).
fn compile(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    const PARAMS: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    if args.len() > PARAMS.len() {
        return Err(type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            args.len()
        )));
    }
    let mut slots: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    slots.resize(PARAMS.len(), None);
    for (key, value) in kwargs {
        let Some(i) = PARAMS.iter().position(|p| *p == &*key) else {
            return Err(type_error(format!(
                "compile() got an unexpected keyword argument '{key}'"
            )));
        };
        if slots[i].is_some() {
            return Err(type_error(format!(
                "argument for compile() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
        slots[i] = Some(value);
    }
    for (i, name) in PARAMS.iter().enumerate().take(3) {
        if slots[i].is_none() {
            return Err(type_error(format!(
                "compile() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let source = match slots[0].take() {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(v) => match v.bytes_like() {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(type_error(
                    "compile() arg 1 must be a string, bytes or AST object",
                ))
            }
        },
        None => String::new(),
    };
    let filename = match slots[1].take() {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(v) => match v.bytes_like() {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(type_error(format!(
                    "compile() argument 'filename' must be str, bytes or os.PathLike, not {}",
                    vm.type_name(&v)
                )))
            }
        },
        None => String::new(),
    };
    let mode = match slots[2].take() {
        Some(Value::Str(s)) => match s.as_str() {
            "exec" => CodeMode::Exec,
            "eval" => CodeMode::Eval,
            "single" => CodeMode::Single,
            _ => {
                return Err(value_error(
                    "compile() mode must be 'exec', 'eval' or 'single'",
                ))
            }
        },
        Some(v) => {
            return Err(type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                vm.type_name(&v)
            )))
        }
        None => CodeMode::Exec,
    };
    let compiled = match mode {
        CodeMode::Eval => crate::syntax::compile_eval(&source, &filename),
        CodeMode::Exec => crate::syntax::compile_exec(&source, &filename),
        // Expression statements print their values, as the REPL's do.
        CodeMode::Single => crate::syntax::compile_interactive(&source, &filename),
    };
    compiled
        .map(|code| code_object(code, mode))
        .map_err(|e| crate::vm::located_syntax_error(e, &filename, &source))
}

fn code_object(code: Rc<crate::compiler::Code>, mode: CodeMode) -> Value {
    let attrs = [
        ("co_name", Value::str(&*code.name)),
        ("co_filename", Value::str(&*code.filename)),
    ]
    .into_iter()
    .map(|(k, v)| (Rc::from(k), v))
    .collect();
    Value::Instance(Rc::new(Instance {
        class: types().code.clone(),
        attrs: std::cell::RefCell::new(attrs),
        exc: None,
        native: Some(std::cell::RefCell::new(NativeState::Code(code, mode))),
    }))
}
