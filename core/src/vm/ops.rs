//! Operators with CPython semantics: arithmetic, comparison, truth, hashing, containment,
//! subscripts, and `repr()`/`str()`/`format()`.
//!
//! Built-in types take fast paths; instances dispatch to their dunder methods (with the
//! reflected `__radd__`-style fallback), and anything else is the TypeError CPython gives.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::bignum;
use super::{
    index_error, key_error, overflow_error, type_error, value_error, zero_division, PyErr,
    PyResult, Vm,
};
use crate::compiler::{BinOp, CmpOp, UnaryOp};
use crate::memory::ITEM_BYTES;
use crate::objects::hash;
use crate::objects::{Class, Value};
use crate::text::format as fmt;

/// Largest int result (in bits) the interpreter computes before raising MemoryError.
const MAX_INT_BITS: u64 = 1 << 26;

/// Is `e` the "unsupported operand type(s)" TypeError of [`Vm::binary_op`]?
fn is_unsupported_operand(e: &PyErr) -> bool {
    let args = e.data().args.borrow();
    matches!(&*args, Value::Tuple(t)
        if matches!(t.items.first(), Some(Value::Str(m)) if m.as_str().starts_with("unsupported operand")))
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::MatMul => "@",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

/// The metaclass's method `name` for an operation on a class (`iter(Color)`, `len(Color)`).
fn meta_hook(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Class(c) if c.meta.is_some() => c.meta_lookup(name),
        _ => None,
    }
}

/// `cls[item]`: the metaclass's `__getitem__`, the class's `__class_getitem__`, or a
/// `types.GenericAlias` for the built-in containers (`list[int]`).
fn class_getitem(vm: &mut Vm<'_>, c: &Rc<Class>, obj: &Value, index: &Value) -> PyResult<Value> {
    if let Some(f) = meta_hook(obj, "__getitem__") {
        return vm.call(&f, vec![obj.clone(), index.clone()], Vec::new());
    }
    use crate::objects::BuiltinType as B;
    match c.builtin {
        Some(B::List | B::Dict | B::Tuple | B::Set | B::FrozenSet | B::Type) => {
            return Ok(crate::builtins::metaclass::generic_alias(obj, index))
        }
        Some(_) => {}
        None => {
            if let Some(f) = c.lookup("__class_getitem__") {
                let f = match f {
                    Value::ClassMethod(inner) => (*inner).clone(),
                    other => other,
                };
                return vm.call(&f, vec![obj.clone(), index.clone()], Vec::new());
            }
        }
    }
    Err(type_error(format!(
        "type '{}' is not subscriptable",
        c.name
    )))
}

/// An int operand as a BigInt (bools count as ints).
pub(crate) fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

/// `del x[i]` on a type without item deletion, worded as CPython's PyObject_DelItem: an
/// int index on a type with sequence slots reaches PySequence_DelItem ("doesn't"),
/// anything else its generic message ("does not").
fn no_item_deletion(type_name: &str, sequence_index: bool) -> PyErr {
    let verb = if sequence_index {
        "doesn't"
    } else {
        "does not"
    };
    type_error(format!("'{type_name}' object {verb} support item deletion"))
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

/// An int or float operand as f64, with CPython's OverflowError for huge ints.
pub(crate) fn to_f64(v: &Value) -> PyResult<Option<f64>> {
    Ok(match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                return Err(overflow_error("int too large to convert to float"));
            }
            Some(f)
        }
        _ => None,
    })
}

fn float_floor_mod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0f64.copysign(a / b)
    };
    (floordiv, m)
}

fn check_bits(bits: u64) -> PyResult<()> {
    if bits > MAX_INT_BITS {
        Err(super::memory_error())
    } else {
        Ok(())
    }
}

fn int_op(vm: &mut Vm<'_>, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    // Fast path: both fit in i64.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(zero_division("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(zero_division("integer modulo by zero"));
                }
                x.checked_rem(y).map(|_| x.mod_floor(&y))
            }
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::Pow if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
            BinOp::LShift if y >= 0 => {
                if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift if y >= 0 => Some(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Some(Value::Int(r)));
        }
    }
    let (Some(x), Some(y)) = (to_bigint(a), to_bigint(b)) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            check_bits(x.bits() + y.bits())?;
            bignum::mul(vm, &x, &y)?
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            bignum::div_mod_floor(vm, &x, &y)?.0
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            bignum::div_mod_floor(vm, &x, &y)?.1
        }
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(zero_division("division by zero"));
            }
            return Ok(Some(Value::Float(int_true_div(&x, &y)?)));
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (fx, fy) = (to_f64(a)?.unwrap_or(0.0), to_f64(b)?.unwrap_or(0.0));
                if fx == 0.0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                return Ok(Some(Value::Float(fx.powf(fy))));
            }
            let e = y.to_u64().unwrap_or(u64::MAX);
            if x.bits() > 1 || x.is_negative() && x.bits() > 1 {
                check_bits(x.bits().saturating_mul(e))?;
            }
            if x.bits() <= 1 {
                // 0, 1, -1: any exponent.
                if x.is_zero() {
                    if e == 0 {
                        BigInt::from(1)
                    } else {
                        BigInt::zero()
                    }
                } else if x.is_negative() && e % 2 == 1 {
                    BigInt::from(-1)
                } else {
                    BigInt::from(1)
                }
            } else {
                bignum::pow(vm, &x, e)?
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX);
            if !x.is_zero() {
                check_bits(x.bits().saturating_add(s))?;
            }
            x << (s as usize)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(value_error("negative shift count"));
            }
            let s = y.to_u64().unwrap_or(u64::MAX);
            if s >= x.bits() {
                if x.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }
            } else {
                x >> (s as usize)
            }
        }
        BinOp::MatMul => return Ok(None),
    };
    Ok(Some(Value::from_bigint(r)))
}

/// Correctly rounded int / int (as CPython's long_true_divide) for the common range.
fn int_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1u64 << 53) && b.unsigned_abs() < (1u64 << 53) {
            return Ok(a as f64 / b as f64);
        }
    }
    // Scale so the quotient has 55+ significant bits, divide exactly, then round once.
    let shift = 55i64 - (x.bits() as i64 - y.bits() as i64);
    let (num, den) = if shift > 0 {
        (x << (shift as usize), y.clone())
    } else {
        (x.clone(), y << ((-shift) as usize))
    };
    let (q, r) = num.abs().div_rem(&den.abs());
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::from(1);
    } else {
        q <<= 1usize;
    }
    let mut f = q.to_f64().unwrap_or(f64::INFINITY);
    let exp = -shift - 1;
    f = libm_ldexp(f, exp);
    if f.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(if x.is_negative() != y.is_negative() {
        -f
    } else {
        f
    })
}

fn libm_ldexp(x: f64, exp: i64) -> f64 {
    let mut x = x;
    let mut e = exp;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}

fn float_op(op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_floor_mod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_floor_mod(x, y).1
        }
        BinOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(zero_division("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return Err(value_error("complex numbers are not supported"));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(overflow_error("(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(Value::Float(r)))
}

/// Python's slice index normalisation: (start, stop, step, length).
pub(crate) fn slice_indices(
    vm: &mut Vm<'_>,
    s: &crate::objects::PySlice,
    len: usize,
) -> PyResult<(i64, i64, i64, usize)> {
    let step = match &s.step {
        Value::None => 1,
        v => vm.index_value(v)?,
    };
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let adjust = |v: i64, default_neg: i64| -> i64 {
        if v < 0 {
            let v = v + len;
            if v < 0 {
                default_neg
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let start = match &s.start {
        Value::None => {
            if step < 0 {
                len - 1
            } else {
                0
            }
        }
        v => {
            let i = vm.index_value(v)?;
            adjust(i, if step < 0 { -1 } else { 0 })
        }
    };
    let stop = match &s.stop {
        Value::None => {
            if step < 0 {
                -1
            } else {
                len
            }
        }
        v => {
            let i = vm.index_value(v)?;
            adjust(i, if step < 0 { -1 } else { 0 })
        }
    };
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count as usize))
}

fn pick<T: Clone>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    (0..count)
        .map(|i| items[(start + i as i64 * step) as usize].clone())
        .collect()
}

impl Vm<'_> {
    pub(crate) fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name.to_string()
    }

    /// An integer index (ints, bools, or `__index__`).
    pub(crate) fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::new(
                "IndexError",
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(i) if i.class.lookup("__index__").is_some() => {
                let f = i.class.lookup("__index__").unwrap_or(Value::None);
                let r = self.call1(&f, v.clone())?;
                self.index_value(&r)
            }
            Value::Instance(_)
                if matches!(
                    crate::builtins::subclass::base_value(v),
                    Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
                ) =>
            {
                let base = crate::builtins::subclass::unwrap(v);
                self.index_value(&base)
            }
            _ => Err(type_error(format!(
                "slice indices must be integers or None or have an __index__ method, not {}",
                self.type_name(v)
            ))),
        }
    }

    fn instance_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let (name, rname, _) = dunder(op);
        if let Value::Instance(i) = a {
            if let Some(f) = i.class.lookup(name) {
                let r = self.call(&f, vec![a.clone(), b.clone()], Vec::new())?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        if let Value::Instance(i) = b {
            if let Some(f) = i.class.lookup(rname) {
                let r = self.call(&f, vec![b.clone(), a.clone()], Vec::new())?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if is_int(a) && is_int(b) {
            if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
                match op {
                    BinOp::And => return Ok(Value::Bool(x & y)),
                    BinOp::Or => return Ok(Value::Bool(x | y)),
                    BinOp::Xor => return Ok(Value::Bool(x ^ y)),
                    _ => {}
                }
            }
            if op == BinOp::TrueDiv {
                if let (Value::Int(x), Value::Int(y)) = (a, b) {
                    if *y == 0 {
                        return Err(zero_division("division by zero"));
                    }
                    if x.unsigned_abs() < (1u64 << 53) && y.unsigned_abs() < (1u64 << 53) {
                        return Ok(Value::Float(*x as f64 / *y as f64));
                    }
                }
            }
            if let Some(v) = int_op(self, op, a, b)? {
                return Ok(v);
            }
        }
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if let (Some(x), Some(y)) = (to_f64_opt(a), to_f64_opt(b)) {
                let (x, y) = (x?, y?);
                if let Some(v) = float_op(op, x, y)? {
                    return Ok(v);
                }
            }
        }
        if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
            if let Some(v) = crate::builtins::complex::binary_op(op, a, b)? {
                return Ok(v);
            }
        }
        match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                self.reserve(x.as_str().len() as u64 + y.as_str().len() as u64, 1)?;
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                return Ok(Value::str(s));
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let len = x.items.borrow().len() as u64 + y.items.borrow().len() as u64;
                self.reserve(len, ITEM_BYTES)?;
                let mut items = x.items.borrow().clone();
                items.extend(y.items.borrow().iter().cloned());
                return Ok(Value::list(items));
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                self.reserve(x.items.len() as u64 + y.items.len() as u64, ITEM_BYTES)?;
                let mut items = x.items.clone();
                items.extend(y.items.iter().cloned());
                return Ok(Value::tuple(items));
            }
            (BinOp::Add, Value::Bytes(_) | Value::ByteArray(_), _) => {
                let x = a.bytes_like().unwrap_or_default();
                let Some(y) = b.bytes_like() else {
                    if let Value::Instance(_) = b {
                        if let Some(v) = self.instance_binop(op, a, b)? {
                            return Ok(v);
                        }
                    }
                    return Err(type_error(format!(
                        "can't concat {} to {}",
                        self.type_name(b),
                        self.type_name(a)
                    )));
                };
                self.reserve(x.len() as u64 + y.len() as u64, 1)?;
                let mut items = (*x).clone();
                items.extend_from_slice(&y);
                return Ok(match a {
                    Value::ByteArray(_) => Value::bytearray(items),
                    _ => Value::Bytes(Rc::new(items)),
                });
            }
            (
                BinOp::Mul,
                Value::Str(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Bytes(_)
                | Value::ByteArray(_),
                n,
            ) if is_int(n) => {
                return self.repeat(a, n);
            }
            (
                BinOp::Mul,
                n,
                Value::Str(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Bytes(_)
                | Value::ByteArray(_),
            ) if is_int(n) => {
                return self.repeat(b, n);
            }
            (BinOp::Mod, Value::Bytes(_) | Value::ByteArray(_), _) => {
                let args = match crate::builtins::subclass::base_value(b) {
                    Some(t @ Value::Tuple(_)) => t,
                    _ => b.clone(),
                };
                return crate::builtins::bytes_percent_format(self, a, &args);
            }
            (BinOp::Mod, Value::Str(s), _) => {
                // A tuple subclass (a namedtuple) supplies the arguments as a tuple does.
                let args = match crate::builtins::subclass::base_value(b) {
                    Some(t @ Value::Tuple(_)) => t,
                    _ => b.clone(),
                };
                return crate::builtins::percent_format(self, s, &args);
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(_), Value::Set(_)) => {
                return crate::builtins::set_algebra(self, op, a, b);
            }
            (BinOp::Or, Value::Dict(_), Value::Dict(_)) => {
                let d = crate::builtins::dict_copy(a);
                self.dict_update(&d, b)?;
                return Ok(d);
            }
            _ => {}
        }
        if let Some(v) = self.instance_binop(op, a, b)? {
            return Ok(v);
        }
        // Subclasses of built-in types without the dunder: the operator on their values
        // (and, when the values have none either, the error names the subclasses).
        if let Some((x, y)) = crate::builtins::subclass::unwrap_pair(a, b) {
            return match self.binary_op(op, &x, &y) {
                Err(e) if e.is("TypeError") && is_unsupported_operand(&e) => {
                    Err(self.binop_type_error(op, a, b))
                }
                result => result,
            };
        }
        if op == BinOp::Or {
            if let Some(u) = crate::builtins::metaclass::union(a, b) {
                return Ok(u);
            }
        }
        Err(self.binop_type_error(op, a, b))
    }

    fn binop_type_error(&self, op: BinOp, a: &Value, b: &Value) -> PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add {
            if let Value::Str(_) = a {
                return type_error(format!("can only concatenate str (not \"{tb}\") to str"));
            }
            if let Value::List(_) = a {
                return type_error(format!("can only concatenate list (not \"{tb}\") to list"));
            }
            if let Value::Tuple(_) = a {
                return type_error(format!(
                    "can only concatenate tuple (not \"{tb}\") to tuple"
                ));
            }
        }
        if op == BinOp::Mul
            && matches!(
                a,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            )
            && !is_int(b)
        {
            return type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
        }
        if op == BinOp::Mul
            && matches!(
                b,
                Value::Str(_)
                    | Value::List(_)
                    | Value::Tuple(_)
                    | Value::Bytes(_)
                    | Value::ByteArray(_)
            )
            && !is_int(a)
        {
            return type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
        }
        type_error(format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            op_symbol(op)
        ))
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => {
                return Err(overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        };
        // In u64 and checked: on wasm32 `2**32 as usize` would be 0.
        let n = n.max(0) as u64;
        let (unit, item_bytes) = match seq {
            Value::Str(s) => (s.as_str().len(), 1),
            Value::List(l) => (l.items.borrow().len(), ITEM_BYTES),
            Value::Tuple(t) => (t.items.len(), ITEM_BYTES),
            Value::Bytes(b) => (b.len(), 1),
            Value::ByteArray(b) => (b.data.borrow().len(), 1),
            _ => (0, 1),
        };
        let total = (unit as u64)
            .checked_mul(n)
            .ok_or_else(super::memory_error)?;
        // An empty sequence repeated any number of times is empty: no loop of 2**40 turns.
        let n = if total == 0 {
            0
        } else {
            self.reserve(total, item_bytes)?;
            n as usize // n <= total, which fits in memory, so in usize
        };
        Ok(match seq {
            Value::Str(s) => Value::str(s.as_str().repeat(n)),
            Value::List(l) => {
                let items = l.items.borrow();
                let mut out = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    out.extend(items.iter().cloned());
                }
                Value::list(out)
            }
            Value::Tuple(t) => {
                let mut out = Vec::with_capacity(t.items.len() * n);
                for _ in 0..n {
                    out.extend(t.items.iter().cloned());
                }
                Value::tuple(out)
            }
            Value::Bytes(b) => Value::Bytes(Rc::new(b.repeat(n))),
            Value::ByteArray(b) => Value::bytearray(b.data.borrow().repeat(n)),
            _ => Value::None,
        })
    }

    /// `a op= b`: in place for lists, sets and instances with `__iop__`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn inplace_op(&mut self, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
        match (&a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(b)?;
                self.reserve(
                    l.items.borrow().len() as u64 + items.len() as u64,
                    ITEM_BYTES,
                )?;
                l.items.borrow_mut().extend(items);
                return Ok(a);
            }
            (Value::List(l), BinOp::Mul) => {
                let r = self.repeat(&a, b)?;
                if let Value::List(r) = r {
                    let new = r.items.borrow().clone();
                    *l.items.borrow_mut() = new;
                }
                return Ok(a);
            }
            (Value::ByteArray(x), BinOp::Add) if b.bytes_like().is_some() => {
                let y = b.bytes_like().unwrap_or_default();
                self.reserve(x.data.borrow().len() as u64 + y.len() as u64, 1)?;
                crate::builtins::bytearray::extend_with(x, &y)?;
                return Ok(a);
            }
            (Value::ByteArray(x), BinOp::Mul) if is_int(b) => {
                if let Value::ByteArray(r) = self.repeat(&a, b)? {
                    let new = std::mem::take(&mut *r.data.borrow_mut());
                    if new.len() != x.data.borrow().len() {
                        crate::builtins::bytearray::check_resizable(x)?;
                    }
                    *x.data.borrow_mut() = new;
                }
                return Ok(a);
            }
            (Value::Set(s), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
                if matches!(b, Value::Set(_)) && !s.frozen =>
            {
                let r = crate::builtins::set_algebra(self, op, &a, b)?;
                if let Value::Set(r) = r {
                    let table = r.table.borrow().clone();
                    *s.table.borrow_mut() = table;
                }
                return Ok(a);
            }
            (Value::Instance(i), _) => {
                let (_, _, iname) = dunder(op);
                if let Some(f) = i.class.lookup(iname) {
                    let r = self.call(&f, vec![a.clone(), b.clone()], Vec::new())?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
                // A list or set subclass changes in place and stays itself.
                let (name, _, _) = dunder(op);
                if let Some(base @ (Value::List(_) | Value::Set(_))) =
                    crate::builtins::subclass::base_for(&a, name)
                {
                    self.inplace_op(op, base, b)?;
                    return Ok(a);
                }
            }
            _ => {}
        }
        let result = self.binary_op(op, &a, b);
        match result {
            // CPython names the augmented operator: "unsupported operand type(s) for +=".
            Err(e) if e.is("TypeError") => {
                let (ta, tb) = (self.type_name(&a), self.type_name(b));
                let unsupported = |symbol: &str| {
                    format!("unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'")
                };
                let message = crate::builtins::exception_str(self, &e.0).unwrap_or_default();
                if message == unsupported(op_symbol(op)) {
                    let symbol = match op {
                        BinOp::Pow => "**=".to_owned(),
                        _ => format!("{}=", op_symbol(op)),
                    };
                    Err(type_error(unsupported(&symbol)))
                } else {
                    Err(e)
                }
            }
            other => other,
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        match (op, a) {
            (UnaryOp::Not, v) => Ok(Value::Bool(!self.truthy(v)?)),
            (UnaryOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_bigint(-BigInt::from(*i)),
            }),
            (UnaryOp::Neg, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnaryOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
            (UnaryOp::Neg, Value::Complex(z)) => Ok(Value::complex(-z.re, -z.im)),
            (UnaryOp::Pos, Value::Complex(z)) => Ok(Value::complex(z.re, z.im)),
            (UnaryOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(a.clone()),
            (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (_, Value::Instance(i)) => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match i.class.lookup(name) {
                    Some(f) => self.call1(&f, a.clone()),
                    None => match crate::builtins::subclass::base_value(a) {
                        Some(base) => self.unary_op(op, &base),
                        None => Err(self.unary_error(op, a)),
                    },
                }
            }
            _ => Err(self.unary_error(op, a)),
        }
    }

    fn unary_error(&self, op: UnaryOp, a: &Value) -> PyErr {
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            _ => "~",
        };
        type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            self.type_name(a)
        ))
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(base) = crate::builtins::subclass::base_for(v, "__bool__") {
            if crate::builtins::subclass::base_for(v, "__len__").is_some() {
                return self.truthy(&base);
            }
        }
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Complex(z) => z.re != 0.0 || z.im != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::ByteArray(b) => !b.data.borrow().is_empty(),
            Value::MemoryView(m) => {
                crate::builtins::bytearray::live(m)?;
                m.len > 0
            }
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.table.borrow().is_empty(),
            Value::Set(s) => !s.table.borrow().is_empty(),
            Value::Range(r) => r.len() != 0,
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__bool__") {
                    let r = self.call1(&f, v.clone())?;
                    match r {
                        Value::Bool(b) => b,
                        other => {
                            return Err(type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&other)
                            )))
                        }
                    }
                } else if i.class.lookup("__len__").is_some() {
                    self.len(v)? > 0
                } else if let Some(n) = &i.native {
                    match &*n.borrow() {
                        crate::objects::NativeState::DictView(d, _) => !d.table.borrow().is_empty(),
                        _ => true,
                    }
                } else {
                    true
                }
            }
            _ => true,
        })
    }

    /// `len(v)`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(base) = crate::builtins::subclass::base_for(v, "__len__") {
            return self.len(&base);
        }
        if let Some(f) = meta_hook(v, "__len__") {
            let n = self.call1(&f, v.clone())?;
            return usize::try_from(self.index_value(&n)?)
                .map_err(|_| value_error("__len__() should return >= 0"));
        }
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::ByteArray(b) => b.data.borrow().len(),
            Value::MemoryView(m) => {
                crate::builtins::bytearray::live(m)?;
                m.len
            }
            Value::List(l) => l.items.borrow().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.table.borrow().len(),
            Value::Set(s) => s.table.borrow().len(),
            // Past a 32-bit usize (wasm32), as 32-bit CPython does.
            Value::Range(r) => usize::try_from(r.len())
                .map_err(|_| overflow_error("Python int too large to convert to C ssize_t"))?,
            Value::Instance(i) => {
                if let Some(n) = &i.native {
                    if let crate::objects::NativeState::DictView(d, _) = &*n.borrow() {
                        return Ok(d.table.borrow().len());
                    }
                }
                let Some(f) = i.class.lookup("__len__") else {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        i.class.name
                    )));
                };
                let r = self.call1(&f, v.clone())?;
                match r {
                    Value::Int(n) if n >= 0 => n as usize,
                    Value::Bool(b) => b as usize,
                    Value::Int(_) => return Err(value_error("__len__() should return >= 0")),
                    other => {
                        return Err(type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(&other)
                        )))
                    }
                }
            }
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )))
            }
        })
    }

    /// `hash(v)` as CPython computes it for the built-in types.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash::hash_i64(*i),
            Value::BigInt(b) => hash::hash_bigint(b),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => hash::hash_f64(*f, 0),
            Value::Complex(z) => crate::builtins::complex::hash(z),
            Value::Str(s) => s.hash(),
            Value::None => 0x5f5e_1000,
            Value::Tuple(t) => {
                let mut hashes = Vec::with_capacity(t.items.len());
                for item in t.items.iter() {
                    hashes.push(self.hash(item)?);
                }
                hash::hash_tuple(hashes.into_iter())
            }
            Value::Set(s) if s.frozen => s.table.borrow().frozenset_hash(),
            Value::Bytes(b) => hash::hash_bytes(b),
            Value::MemoryView(m) => crate::builtins::bytearray::mv_hash(m)?,
            // Slices are unhashable until CPython 3.12.
            Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Slice(_)
            | Value::ByteArray(_) => {
                return Err(type_error(format!(
                    "unhashable type: '{}'",
                    self.type_name(v)
                )))
            }
            Value::Instance(i) => {
                match i.class.lookup("__hash__") {
                    Some(Value::None) => {
                        return Err(type_error(format!("unhashable type: '{}'", i.class.name)))
                    }
                    Some(f) => {
                        let r = self.call1(&f, v.clone())?;
                        // CPython keeps a result that fits a hash as it is (-1 is
                        // reserved) and reduces a larger int like that int's hash.
                        match r {
                            Value::Int(-1) => -2,
                            Value::Int(n) => n,
                            Value::BigInt(b) => hash::hash_bigint(&b),
                            Value::Bool(b) => b as i64,
                            _ => {
                                return Err(type_error("__hash__ method should return an integer"))
                            }
                        }
                    }
                    None => {
                        if i.class.lookup("__eq__").is_some() {
                            return Err(type_error(format!("unhashable type: '{}'", i.class.name)));
                        }
                        if let Some(base) = crate::builtins::subclass::base_value(v) {
                            if matches!(&base, Value::List(_) | Value::Dict(_))
                                || matches!(&base, Value::Set(s) if !s.frozen)
                            {
                                let name = &i.class.name;
                                return Err(type_error(format!("unhashable type: '{name}'")));
                            }
                            return self.hash(&base);
                        }
                        (v.heap_addr().unwrap_or(0) >> 4) as i64
                    }
                }
            }
            other => (other.heap_addr().unwrap_or(0) >> 4) as i64,
        })
    }

    /// `a == b` as a bool.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x == y),
            (Value::Str(x), Value::Str(y)) => Ok(Rc::ptr_eq(x, y) || x.as_str() == y.as_str()),
            _ => {
                if a.is(b) && !matches!(a, Value::Float(_)) {
                    return Ok(true);
                }
                let r = self.rich_compare(a, b, CmpOp::Eq)?;
                self.truthy(&r)
            }
        }
    }

    /// `a op b` for the six comparison operators.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn rich_compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            (Value::Str(x), Value::Str(y)) => Some(x.as_str().cmp(y.as_str())),
            (Value::Float(x), Value::Float(y)) => {
                return Ok(Value::Bool(match x.partial_cmp(y) {
                    None => op == CmpOp::Ne,
                    Some(o) => cmp_holds(op, o),
                }))
            }
            _ if is_int(a) && is_int(b) => to_bigint(a).zip(to_bigint(b)).map(|(x, y)| x.cmp(&y)),
            _ if (is_int(a) || matches!(a, Value::Float(_)))
                && (is_int(b) || matches!(b, Value::Float(_))) =>
            {
                match num_cmp(a, b) {
                    Some(o) => Some(o),
                    None => return Ok(Value::Bool(op == CmpOp::Ne)),
                }
            }
            (Value::List(x), Value::List(y)) => {
                let (xs, ys) = (x.items.borrow().clone(), y.items.borrow().clone());
                return self.compare_sequences(&xs, &ys, op);
            }
            (Value::Complex(z), other) | (other, Value::Complex(z))
                if matches!(op, CmpOp::Eq | CmpOp::Ne) && !matches!(other, Value::Instance(_)) =>
            {
                match crate::builtins::complex::eq(self, **z, other)? {
                    Some(eq) => return Ok(Value::Bool(eq == (op == CmpOp::Eq))),
                    None => None,
                }
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (xs, ys) = (x.items.clone(), y.items.clone());
                return self.compare_sequences(&xs, &ys, op);
            }
            (Value::Bytes(x), Value::Bytes(y)) => Some(x.as_slice().cmp(y.as_slice())),
            (Value::MemoryView(m), _) | (_, Value::MemoryView(m))
                if matches!(op, CmpOp::Eq | CmpOp::Ne)
                    && (b.bytes_like().is_some() || a.bytes_like().is_some()) =>
            {
                let other = if let Value::MemoryView(x) = a {
                    if Rc::ptr_eq(x, m) {
                        b
                    } else {
                        a
                    }
                } else {
                    a
                };
                let eq = if a.is(b) {
                    true
                } else {
                    crate::builtins::bytearray::mv_eq(m, other).unwrap_or(false)
                };
                return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
            }
            (Value::Bytes(_) | Value::ByteArray(_), Value::Bytes(_) | Value::ByteArray(_)) => {
                let (x, y) = (
                    a.bytes_like().unwrap_or_default(),
                    b.bytes_like().unwrap_or_default(),
                );
                Some(x.as_slice().cmp(y.as_slice()))
            }
            (Value::None, Value::None) => {
                Some(Ordering::Equal).filter(|_| matches!(op, CmpOp::Eq | CmpOp::Ne))
            }
            (Value::Dict(_), Value::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = crate::builtins::dict_eq(self, a, b)?;
                return Ok(Value::Bool(eq == (op == CmpOp::Eq)));
            }
            (Value::Set(_), Value::Set(_)) => return crate::builtins::set_compare(self, a, b, op),
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let same = x.len() == y.len()
                    && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                return Ok(Value::Bool(same == (op == CmpOp::Eq)));
            }
            _ => None,
        };
        if let Some(o) = ord {
            return Ok(Value::Bool(cmp_holds(op, o)));
        }
        // Instances: the dunder, then the reflected one.
        let (name, reflected) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        let b_first = match (a, b) {
            (Value::Instance(ia), Value::Instance(ib)) => {
                !Rc::ptr_eq(&ia.class, &ib.class) && ib.class.is_subclass(&ia.class)
            }
            _ => false,
        };
        let attempts: [(&Value, &Value, &str); 2] = if b_first {
            [(b, a, reflected), (a, b, name)]
        } else {
            [(a, b, name), (b, a, reflected)]
        };
        for (x, y, method) in attempts {
            if let Value::Instance(i) = x {
                if let Some(f) = i.class.lookup(method) {
                    let r = self.compare_dunder(&f, x, y)?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        if op == CmpOp::Ne {
            if let Value::Instance(i) = a {
                if let Some(f) = i.class.lookup("__eq__") {
                    let r = self.compare_dunder(&f, a, b)?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                }
            }
        }
        if let Some((x, y)) = crate::builtins::subclass::unwrap_pair(a, b) {
            return self.rich_compare(&x, &y, op);
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => {
                let sym = match op {
                    CmpOp::Lt => "<",
                    CmpOp::Le => "<=",
                    CmpOp::Gt => ">",
                    _ => ">=",
                };
                Err(type_error(format!(
                    "'{sym}' not supported between instances of '{}' and '{}'",
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
        }
    }

    /// A comparison dunder `f(x, y)`, one level of recursion as CPython's
    /// PyObject_RichCompare is.
    fn compare_dunder(&mut self, f: &Value, x: &Value, y: &Value) -> PyResult<Value> {
        self.enter(" in comparison")?;
        let r = self.call(f, vec![x.clone(), y.clone()], Vec::new());
        self.leave();
        r
    }

    fn compare_sequences(&mut self, xs: &[Value], ys: &[Value], op: CmpOp) -> PyResult<Value> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && xs.len() != ys.len() {
            return Ok(Value::Bool(op == CmpOp::Ne));
        }
        self.enter(" in comparison")?;
        let result = (|| {
            for (x, y) in xs.iter().zip(ys.iter()) {
                if !self.eq(x, y)? {
                    return match op {
                        CmpOp::Eq => Ok(Value::Bool(false)),
                        CmpOp::Ne => Ok(Value::Bool(true)),
                        _ => self.rich_compare(x, y, op),
                    };
                }
            }
            Ok(Value::Bool(cmp_holds(op, xs.len().cmp(&ys.len()))))
        })();
        self.leave();
        result
    }

    /// `item in container`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(base) = crate::builtins::subclass::base_for(container, "__contains__") {
            return self.contains(&base, item);
        }
        if let Some(f) = meta_hook(container, "__contains__") {
            let r = self.call(&f, vec![container.clone(), item.clone()], Vec::new())?;
            return self.truthy(&r);
        }
        if let (Value::Str(_), Some(text @ Value::Str(_))) =
            (container, crate::builtins::subclass::base_value(item))
        {
            return self.contains(container, &text);
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::List(l) => {
                let items = l.items.borrow().clone();
                for x in &items {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(_) => Ok(self.dict_get(container, item)?.is_some()),
            Value::Set(_) => crate::builtins::set_contains(self, container, item),
            Value::Range(r) => {
                let Value::Int(i) = item else {
                    return Ok(false);
                };
                let i = *i;
                if r.step > 0 && (i < r.start || i >= r.stop)
                    || r.step < 0 && (i > r.start || i <= r.stop)
                {
                    return Ok(false);
                }
                Ok((i - r.start) % r.step == 0)
            }
            Value::Bytes(_) | Value::ByteArray(_) | Value::MemoryView(_) => {
                if let Value::MemoryView(m) = container {
                    crate::builtins::bytearray::live(m)?;
                    if m.format != b'B' {
                        return self.contains_by_iteration(container, item);
                    }
                }
                let b = container.bytes_like().unwrap_or_default();
                if let Some(sub) = item.bytes_like() {
                    return Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice()));
                }
                if matches!(
                    item,
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_)
                ) && !matches!(container, Value::MemoryView(_))
                {
                    if let Value::Instance(i) = item {
                        if i.class.lookup("__index__").is_none() {
                            return Err(type_error(format!(
                                "a bytes-like object is required, not '{}'",
                                self.type_name(item)
                            )));
                        }
                    }
                    let byte = crate::builtins::bytearray::byte_value(self, item)?;
                    return Ok(b.contains(&byte));
                }
                if let Value::MemoryView(_) = container {
                    return self.contains_by_iteration(container, item);
                }
                Err(type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    self.type_name(item)
                )))
            }
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__contains__") {
                    let r = self.call(&f, vec![container.clone(), item.clone()], Vec::new())?;
                    return self.truthy(&r);
                }
                if let Some(n) = &i.native {
                    let view = match &*n.borrow() {
                        crate::objects::NativeState::DictView(d, kind) => Some((d.clone(), *kind)),
                        _ => None,
                    };
                    if let Some((d, crate::objects::DictViewKind::Keys)) = view {
                        return Ok(self.dict_get(&Value::Dict(d), item)?.is_some());
                    }
                }
                self.contains_by_iteration(container, item)
            }
            Value::Iterator(_) => self.contains_by_iteration(container, item),
            Value::Generator(g) if g.kind == crate::objects::GenKind::Generator => {
                self.contains_by_iteration(container, item)
            }
            _ => Err(type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))),
        }
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Instance(i) = container {
            let iterable = i.native.is_some()
                || i.class.lookup("__iter__").is_some()
                || i.class.lookup("__getitem__").is_some();
            if !iterable {
                return Err(type_error(format!(
                    "argument of type '{}' is not iterable",
                    i.class.name
                )));
            }
        }
        let it = self.get_iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `obj[index]`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn getitem(&mut self, obj: &Value, index: &Value) -> PyResult<Value> {
        if let Some(base) = crate::builtins::subclass::base_for(obj, "__getitem__") {
            // dict's `__getitem__` asks a subclass's `__missing__` for absent keys.
            if let (Value::Dict(_), Value::Instance(i)) = (&base, obj) {
                if let Some(missing) = i.class.lookup("__missing__") {
                    return match self.getitem(&base, index) {
                        Err(e) if e.is("KeyError") => {
                            self.call(&missing, vec![obj.clone(), index.clone()], Vec::new())
                        }
                        found => found,
                    };
                }
            }
            return self.getitem(&base, index);
        }
        if let Some(i @ (Value::Int(_) | Value::BigInt(_))) =
            crate::builtins::subclass::base_value(index)
        {
            return self.getitem(obj, &i);
        }
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let items = l.items.borrow();
                let n = items.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(index_error("list index out of range"));
                }
                Ok(items[j as usize].clone())
            }
            (Value::ByteArray(b), _) => crate::builtins::bytearray::getitem(self, b, index),
            (Value::MemoryView(m), _) => crate::builtins::bytearray::mv_getitem(self, m, index),
            (Value::Tuple(t), Value::Int(i)) => {
                let n = t.items.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(index_error("tuple index out of range"));
                }
                Ok(t.items[j as usize].clone())
            }
            (Value::Str(s), Value::Int(i)) => {
                let n = s.char_len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(index_error("string index out of range"));
                }
                Ok(Value::str(s.char_at(j as usize).to_string()))
            }
            (Value::Dict(_), _) => match self.dict_get(obj, index)? {
                Some(v) => Ok(v),
                None => Err(key_error(index.clone())),
            },
            (Value::List(l), Value::Slice(sl)) => {
                let items = l.items.borrow().clone();
                let (start, _, step, count) = slice_indices(self, sl, items.len())?;
                Ok(Value::list(pick(&items, start, step, count)))
            }
            (Value::Tuple(t), Value::Slice(sl)) => {
                let (start, _, step, count) = slice_indices(self, sl, t.items.len())?;
                Ok(Value::tuple(pick(&t.items, start, step, count)))
            }
            (Value::Str(s), Value::Slice(sl)) => {
                let (start, _, step, count) = slice_indices(self, sl, s.char_len())?;
                if s.is_ascii() {
                    let bytes = s.as_str().as_bytes();
                    let out: Vec<u8> = pick(bytes, start, step, count);
                    return Ok(Value::str(String::from_utf8(out).unwrap_or_default()));
                }
                let chars: Vec<char> = s.as_str().chars().collect();
                Ok(Value::str(
                    pick(&chars, start, step, count)
                        .into_iter()
                        .collect::<String>(),
                ))
            }
            (Value::Bytes(b), Value::Slice(sl)) => {
                let (start, _, step, count) = slice_indices(self, sl, b.len())?;
                Ok(Value::Bytes(Rc::new(pick(b, start, step, count))))
            }
            (Value::Bytes(b), Value::Int(i)) => {
                let n = b.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(index_error("index out of range"));
                }
                Ok(Value::Int(b[j as usize] as i64))
            }
            (Value::Range(r), Value::Int(i)) => {
                let n = r.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(index_error("range object index out of range"));
                }
                Ok(Value::Int(r.get(j as u64)))
            }
            (Value::Range(r), Value::Slice(sl)) => {
                let len = usize::try_from(r.len())
                    .map_err(|_| overflow_error("Python int too large to convert to C ssize_t"))?;
                let (start, _, step, count) = slice_indices(self, sl, len)?;
                let first = r.start + start * r.step;
                let new_step = r.step * step;
                let stop = first + count as i64 * new_step;
                Ok(Value::Range(Rc::new(crate::objects::PyRange {
                    start: first,
                    stop,
                    step: new_step,
                })))
            }
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Range(_)
                | Value::Bytes(_),
                Value::Bool(b),
            ) => self.getitem(obj, &Value::Int(*b as i64)),
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_),
                Value::BigInt(_),
            ) => Err(index_error("cannot fit 'int' into an index-sized integer")),
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Range(_)
                | Value::Bytes(_),
                Value::Instance(_),
            ) => {
                let i = self
                    .index_value(index)
                    .map_err(|_| self.index_type_error(obj, index))?;
                self.getitem(obj, &Value::Int(i))
            }
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Range(_)
                | Value::Bytes(_),
                _,
            ) => Err(self.index_type_error(obj, index)),
            (Value::Instance(i), _) => match i.class.lookup("__getitem__") {
                Some(f) => self.call(&f, vec![obj.clone(), index.clone()], Vec::new()),
                None => Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    i.class.name
                ))),
            },
            (Value::Class(c), _) => class_getitem(self, c, obj, index),
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            ))),
        }
    }

    /// `obj[index] = value`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn setitem(&mut self, obj: &Value, index: Value, value: Value) -> PyResult<()> {
        if let Some(base) = crate::builtins::subclass::base_for(obj, "__setitem__") {
            return self.setitem(&base, index, value);
        }
        match (obj, &index) {
            (Value::List(l), Value::Int(_) | Value::Bool(_)) => {
                let i = self.index_value(&index)?;
                let mut items = l.items.borrow_mut();
                let n = items.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(index_error("list assignment index out of range"));
                }
                items[j as usize] = value;
                Ok(())
            }
            (Value::List(l), Value::Slice(sl)) => {
                let new_items = self.collect(&value)?;
                let len = l.items.borrow().len();
                let (start, stop, step, count) = slice_indices(self, sl, len)?;
                let mut items = l.items.borrow_mut();
                if step == 1 {
                    let stop = stop.max(start) as usize;
                    items.splice(start as usize..stop, new_items);
                } else {
                    if new_items.len() != count {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {count}",
                            new_items.len()
                        )));
                    }
                    for (k, v) in new_items.into_iter().enumerate() {
                        items[(start + k as i64 * step) as usize] = v;
                    }
                }
                Ok(())
            }
            (Value::Dict(_), _) => self.dict_set(obj, index, value),
            (Value::ByteArray(b), _) => {
                crate::builtins::bytearray::setitem(self, b, &index, &value)
            }
            (Value::MemoryView(m), _) => {
                crate::builtins::bytearray::mv_setitem(self, m, &index, &value)
            }
            (Value::Instance(i), _) => match i.class.lookup("__setitem__") {
                Some(f) => {
                    self.call(&f, vec![obj.clone(), index, value], Vec::new())?;
                    Ok(())
                }
                None => Err(type_error(format!(
                    "'{}' object does not support item assignment",
                    i.class.name
                ))),
            },
            (Value::List(_), _) => Err(type_error(format!(
                "list indices must be integers or slices, not {}",
                self.type_name(&index)
            ))),
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[index]`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn delitem(&mut self, obj: &Value, index: &Value) -> PyResult<()> {
        if let Some(base) = crate::builtins::subclass::base_for(obj, "__delitem__") {
            return self.delitem(&base, index);
        }
        match (obj, index) {
            (Value::List(l), Value::Int(i)) => {
                let mut items = l.items.borrow_mut();
                let n = items.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(index_error("list assignment index out of range"));
                }
                items.remove(j as usize);
                Ok(())
            }
            (Value::List(l), Value::Slice(sl)) => {
                let len = l.items.borrow().len();
                let (start, _, step, count) = slice_indices(self, sl, len)?;
                let mut positions: Vec<usize> = (0..count)
                    .map(|k| (start + k as i64 * step) as usize)
                    .collect();
                positions.sort_unstable();
                let mut items = l.items.borrow_mut();
                for p in positions.into_iter().rev() {
                    items.remove(p);
                }
                Ok(())
            }
            (Value::ByteArray(b), _) => crate::builtins::bytearray::delitem(self, b, index),
            (Value::MemoryView(m), _) => {
                crate::builtins::bytearray::live(m)?;
                Err(type_error("cannot delete memory"))
            }
            (Value::Dict(_), _) => match self.dict_remove(obj, index)? {
                Some(_) => Ok(()),
                None => Err(key_error(index.clone())),
            },
            (Value::List(_), _) => Err(type_error(format!(
                "list indices must be integers or slices, not {}",
                self.type_name(index)
            ))),
            (Value::Instance(i), _) => match i.class.lookup("__delitem__") {
                Some(f) => {
                    self.call(&f, vec![obj.clone(), index.clone()], Vec::new())?;
                    Ok(())
                }
                // A bare object() has no sequence slots; classes get them.
                None => Err(no_item_deletion(
                    &i.class.name,
                    i.class.builtin != Some(crate::objects::BuiltinType::Object) && is_int(index),
                )),
            },
            (
                Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) | Value::Set(_),
                _,
            ) => Err(no_item_deletion(&self.type_name(obj), is_int(index))),
            _ => Err(no_item_deletion(&self.type_name(obj), false)),
        }
    }

    /// CPython's TypeError for a sequence indexed by something that is not an int.
    fn index_type_error(&self, obj: &Value, index: &Value) -> PyErr {
        let tn = self.type_name(index);
        type_error(match obj {
            Value::Str(_) => format!("string indices must be integers, not '{tn}'"),
            Value::List(_) => format!("list indices must be integers or slices, not {tn}"),
            Value::Tuple(_) => format!("tuple indices must be integers or slices, not {tn}"),
            Value::Bytes(_) => format!("byte indices must be integers or slices, not {tn}"),
            _ => format!("range indices must be integers or slices, not {tn}"),
        })
    }

    /// `repr(v)`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn repr(&mut self, v: &Value) -> PyResult<String> {
        if let Some(base) = crate::builtins::subclass::base_for(v, "__repr__") {
            return self.repr(&base);
        }
        if let Some(f) = meta_hook(v, "__repr__") {
            let r = self.call1(&f, v.clone())?;
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(&other)
                ))),
            };
        }
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => int_to_decimal(b)?,
            Value::Float(f) => fmt::float_repr(*f),
            Value::Complex(z) => crate::builtins::complex::repr(**z),
            Value::Str(s) => str_repr(s.as_str()),
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_) => {
                // A container inside itself prints as `[...]` (CPython's Py_ReprEnter).
                let addr = v.heap_addr().unwrap_or(0);
                if self.repr_active.contains(&addr) {
                    return Ok(match v {
                        Value::List(_) => "[...]",
                        Value::Dict(_) => "{...}",
                        Value::Tuple(_) => "(...)",
                        _ => "set(...)",
                    }
                    .into());
                }
                self.enter(" while getting the repr of an object")?;
                self.repr_active.push(addr);
                let r = crate::builtins::container_repr(self, v);
                self.repr_active.pop();
                self.leave();
                r?
            }
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__repr__") {
                    self.enter(" while getting the repr of an object")?;
                    let r = self.call1(&f, v.clone());
                    self.leave();
                    match r? {
                        Value::Str(s) => s.as_str().to_string(),
                        other => {
                            return Err(type_error(format!(
                                "__repr__ returned non-string (type {})",
                                self.type_name(&other)
                            )))
                        }
                    }
                } else {
                    crate::builtins::default_repr(self, v)?
                }
            }
            _ => crate::builtins::default_repr(self, v)?,
        })
    }

    /// `str(v)`.
    #[allow(clippy::wrong_self_convention)] // the VM computes str(v); it is not converted
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn to_str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(base) = crate::builtins::subclass::base_for(v, "__str__") {
            if crate::builtins::subclass::base_for(v, "__repr__").is_some() {
                return self.to_str(&base);
            }
        }
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__str__") {
                    self.enter(" while getting the str of an object")?;
                    let r = self.call1(&f, v.clone());
                    self.leave();
                    return match r? {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                    };
                }
                if i.exc.is_some() {
                    return crate::builtins::exception_str(self, v);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)` after an optional `!s`/`!r`/`!a` conversion (f-strings).
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn format_value(
        &mut self,
        v: &Value,
        conversion: u8,
        spec: Option<&Value>,
    ) -> PyResult<Value> {
        let converted;
        let v = match conversion {
            b's' => {
                converted = Value::str(self.to_str(v)?);
                &converted
            }
            b'r' | b'a' => {
                let r = self.repr(v)?;
                converted = Value::str(if conversion == b'a' {
                    ascii_escape(&r)
                } else {
                    r
                });
                &converted
            }
            _ => v,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        };
        if spec.is_empty() {
            if let Value::Str(_) = v {
                return Ok(v.clone());
            }
        }
        Ok(Value::str(self.format(v, &spec)?))
    }

    /// `format(v, spec)`.
    pub(crate) fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Some(base) = crate::builtins::subclass::base_for(v, "__format__") {
            if crate::builtins::subclass::base_for(v, "__str__").is_some() || !spec.is_empty() {
                return self.format(&base, spec);
            }
        }
        let r = match v {
            Value::Int(i) => fmt::format_int(&BigInt::from(*i), spec),
            Value::BigInt(b) => {
                if spec.is_empty() {
                    return int_to_decimal(b);
                }
                fmt::format_int(b, spec)
            }
            Value::Bool(b) if !spec.is_empty() => fmt::format_int(&BigInt::from(*b as i64), spec),
            Value::Float(f) => fmt::format_float(*f, spec),
            Value::Complex(z) => return crate::builtins::complex::format(**z, spec),
            Value::Str(s) => fmt::format_str(s.as_str(), spec),
            Value::Instance(i) if i.class.lookup("__format__").is_some() => {
                let f = i.class.lookup("__format__").unwrap_or(Value::None);
                let r = self.call(&f, vec![v.clone(), Value::str(spec)], Vec::new())?;
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    other => Err(type_error(format!(
                        "__format__ must return a str, not {}",
                        self.type_name(&other)
                    ))),
                };
            }
            _ => {
                if spec.is_empty() {
                    return self.to_str(v);
                }
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
        };
        r.map_err(format_error)
    }
}

pub(crate) fn format_error(e: fmt::FormatError) -> PyErr {
    match e {
        fmt::FormatError::Value(m) => value_error(m),
        fmt::FormatError::Type(m) => type_error(m),
        fmt::FormatError::Overflow(m) => overflow_error(m),
        fmt::FormatError::Memory => super::memory_error(),
    }
}

/// str() of a big int, with CPython 3.11's digit limit (`sys.set_int_max_str_digits`).
pub(crate) fn int_to_decimal(b: &BigInt) -> PyResult<String> {
    fmt::int_to_decimal(b).map_err(format_error)
}

fn to_f64_opt(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Some(to_f64(v).map(|o| o.unwrap_or(0.0)))
        }
        _ => None,
    }
}

fn cmp_holds(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
        _ => false,
    }
}

/// Exact comparison of an int and a float (either order); None if a NaN is involved.
fn num_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), i) => int_float_cmp(i, *x).map(|o| o.reverse()),
        (i, Value::Float(y)) => int_float_cmp(i, *y),
        _ => None,
    }
}

fn int_float_cmp(i: &Value, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let big = to_bigint(i)?;
    let fl = f.floor();
    let fb = BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        bigint_from_f64(fl)
    };
    match big.cmp(&fb) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub(crate) fn bigint_from_f64(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

/// CPython's `repr()` of a str.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable()` per character (no Unicode tables).
pub(crate) fn is_printable(c: char) -> bool {
    let n = c as u32;
    !(c.is_control()
        || (0x80..=0xa0).contains(&n)
        || n == 0xad
        || (0x2000..=0x200f).contains(&n) && n != 0x2000 - 1
        || (0x2028..=0x202f).contains(&n)
        || (0x205f..=0x206f).contains(&n)
        || n == 0x3000
        || n == 0xfeff
        || (0xd800..=0xdfff).contains(&n)
        || (0xe000..=0xf8ff).contains(&n)
        || (0xfff0..=0xfffb).contains(&n)
        || n >= 0xf0000
        || (0xe0000..=0xe0fff).contains(&n))
}

/// `ascii()`: escape every non-ASCII character of a repr.
pub(crate) fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
