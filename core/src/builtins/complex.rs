//! `complex`: arithmetic, `abs`, hashing, equality, `complex(...)` and its methods.
//!
//! The algorithms follow CPython 3.11's `Objects/complexobject.c` (rewritten, not copied):
//! Smith's division ([`quot`]), exact integer powers by repeated squaring for integral
//! exponents up to 100 and polar form otherwise ([`pow`]), and `complex_hash`.
//! repr and `format()` are in `text/format.rs` ([`fmt::format_complex`]).
//!
//! Invariant: an int, bool or float operand is converted to a complex with imaginary part
//! +0.0 before the operation (as CPython does), so signed zeros and infinities come out
//! as in CPython; errors are CPython's ZeroDivisionError/OverflowError with its messages.

use std::rc::Rc;

use super::{add_methods, check_method_args, native, no_kwargs, take_kwarg};
use crate::objects::{Complex, Kwargs, Property, Value};
use crate::text::format as fmt;
use crate::vm::ops::{format_error, to_f64};
use crate::vm::types::BuiltinTypes;
use crate::vm::{overflow_error, type_error, value_error, PyErr, PyResult, Vm};

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(
        &t.complex,
        &[("conjugate", conjugate), ("__complex__", dunder_complex)],
    );
    let mut attrs = t.complex.attrs.borrow_mut();
    for (name, getter) in [("real", real as crate::objects::NativeFn), ("imag", imag)] {
        let p = Property {
            getter: native(name, getter),
            setter: None,
            deleter: None,
        };
        attrs.insert(name.into(), Value::Property(Rc::new(p)));
    }
}

fn receiver(vm: &Vm<'_>, args: &[Value], name: &str) -> PyResult<Complex> {
    // A subclass's instance reaches the properties (`real`, `imag`) as itself.
    if let Some(Value::Complex(c)) = args.first().and_then(super::subclass::base_value) {
        return Ok(*c);
    }
    match args.first() {
        Some(Value::Complex(c)) => Ok(**c),
        Some(other) => Err(type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(type_error(format!(
            "unbound method complex.{name}() needs an argument"
        ))),
    }
}

fn conjugate(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let c = receiver(vm, &args, "conjugate")?;
    no_kwargs("complex.conjugate", &kwargs)?;
    check_method_args("complex.conjugate", &args, 0, 0)?;
    Ok(Value::complex(c.re, -c.im))
}

fn dunder_complex(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let c = receiver(vm, &args, "__complex__")?;
    no_kwargs("complex.__complex__", &kwargs)?;
    check_method_args("complex.__complex__", &args, 0, 0)?;
    Ok(Value::complex(c.re, c.im))
}

fn real(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(receiver(vm, &args, "real")?.re))
}

fn imag(vm: &mut Vm<'_>, args: Vec<Value>, _: Kwargs) -> PyResult<Value> {
    Ok(Value::Float(receiver(vm, &args, "imag")?.im))
}

// ---------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------

/// An operand of complex arithmetic: a complex, or an int/bool/float as complex; None
/// for other types (the operator's TypeError).
pub(crate) fn operand(v: &Value) -> PyResult<Option<Complex>> {
    Ok(match v {
        Value::Complex(c) => Some(**c),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => {
            to_f64(v)?.map(|re| Complex { re, im: 0.0 })
        }
        _ => None,
    })
}

fn prod(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// Smith's algorithm, as `_Py_c_quot`; None when dividing by zero.
pub(crate) fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        Some(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

/// `x ** n` for a non-negative integer `n` by repeated squaring (`c_powu`).
fn powu(x: Complex, n: u64) -> Complex {
    let mut r = Complex { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// Why a complex power has no value.
enum PowError {
    /// `0 ** negative`, `0 ** complex`, or an infinite phase (EDOM).
    Domain,
}

/// `_Py_c_pow`: the polar-form power.
fn c_pow(a: Complex, b: Complex) -> Result<Complex, PowError> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(Complex { re: 1.0, im: 0.0 });
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    // cos/sin of an infinite phase is a domain error (EDOM) in C's libm, which CPython
    // reports as this ZeroDivisionError too.
    if phase.is_infinite() {
        return Err(PowError::Domain);
    }
    Ok(Complex {
        re: len * phase.cos(),
        im: len * phase.sin(),
    })
}

/// `a ** b` as CPython's `complex_pow`.
pub(crate) fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let result = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n >= 0 {
            Ok(powu(a, n as u64))
        } else {
            quot(Complex { re: 1.0, im: 0.0 }, powu(a, n.unsigned_abs())).ok_or(PowError::Domain)
        }
    } else {
        c_pow(a, b)
    };
    match result {
        Err(PowError::Domain) => Err(PyErr::new(
            "ZeroDivisionError",
            "0.0 to a negative or complex power",
        )),
        Ok(p) if p.re.is_infinite() || p.im.is_infinite() => {
            Err(overflow_error("complex exponentiation"))
        }
        Ok(p) => Ok(p),
    }
}

/// `a op b` when either is complex; None when the other operand is not a number or the
/// operator is not defined on complex numbers.
pub(crate) fn binary_op(
    op: crate::compiler::BinOp,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    use crate::compiler::BinOp;
    let (Some(x), Some(y)) = (operand(a)?, operand(b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => Complex {
            re: x.re + y.re,
            im: x.im + y.im,
        },
        BinOp::Sub => Complex {
            re: x.re - y.re,
            im: x.im - y.im,
        },
        BinOp::Mul => prod(x, y),
        BinOp::TrueDiv => {
            quot(x, y).ok_or_else(|| PyErr::new("ZeroDivisionError", "complex division by zero"))?
        }
        BinOp::Pow => pow(x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::complex(r.re, r.im)))
}

/// `abs(z)` (`_Py_c_abs`): infinite if either part is, else NaN if either part is.
pub(crate) fn abs(z: Complex) -> PyResult<f64> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.re.is_nan() || z.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(overflow_error("absolute value too large"));
    }
    Ok(r)
}

/// `hash(z)`: CPython's `complex_hash`.
pub(crate) fn hash(z: &Rc<Complex>) -> i64 {
    let identity = Rc::as_ptr(z) as usize;
    let re = crate::objects::hash::hash_f64(z.re, identity) as u64;
    let im = crate::objects::hash::hash_f64(z.im, identity) as u64;
    let combined = re.wrapping_add(im.wrapping_mul(1_000_003)) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

/// `z == other` for a complex `z`; None when `other` is not a number.
pub(crate) fn eq(vm: &mut Vm<'_>, z: Complex, other: &Value) -> PyResult<Option<bool>> {
    Ok(Some(match other {
        Value::Complex(c) => z.re == c.re && z.im == c.im,
        Value::Float(f) => z.im == 0.0 && z.re == *f,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            // Exact int/float comparison, so 2**53 + 1 != complex(2**53).
            z.im == 0.0 && vm.eq(&Value::Float(z.re), other)?
        }
        _ => return Ok(None),
    }))
}

/// `repr(z)` / `str(z)`.
pub(crate) fn repr(z: Complex) -> String {
    fmt::format_complex(z.re, z.im, "").unwrap_or_default()
}

/// `format(z, spec)`.
pub(crate) fn format(z: Complex, spec: &str) -> PyResult<String> {
    fmt::format_complex(z.re, z.im, spec).map_err(format_error)
}

// ---------------------------------------------------------------------------------------
// complex(...)
// ---------------------------------------------------------------------------------------

/// `complex(real=0, imag=0)` and `complex(string)`.
pub(crate) fn construct(
    vm: &mut Vm<'_>,
    class: &Rc<crate::objects::Class>,
    args: Vec<Value>,
    mut kw: Kwargs,
) -> PyResult<Value> {
    let real_kw = take_kwarg(&mut kw, "real");
    let imag_kw = take_kwarg(&mut kw, "imag");
    super::reject_kwargs("complex", &kw)?;
    if args.len() > 2 {
        return Err(type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut given = args.into_iter();
    let r = given.next();
    let i = given.next();
    if r.is_some() && real_kw.is_some() {
        return Err(type_error(
            "argument for complex() given by name ('real') and position (1)",
        ));
    }
    if i.is_some() && imag_kw.is_some() {
        return Err(type_error(
            "argument for complex() given by name ('imag') and position (2)",
        ));
    }
    let r = r.or(real_kw);
    let i = i.or(imag_kw);
    let _ = class; // complex cannot be subclassed here, so the class is complex itself
    from_parts(vm, r, i)
}

fn from_parts(vm: &mut Vm<'_>, r: Option<Value>, i: Option<Value>) -> PyResult<Value> {
    let Some(r) = r else {
        let im = match &i {
            None => 0.0,
            Some(v) => return from_parts(vm, Some(Value::Int(0)), Some(v.clone())),
        };
        return Ok(Value::complex(0.0, im));
    };
    if let Value::Str(s) = &r {
        if i.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let (re, im) =
            parse(s.as_str()).ok_or_else(|| value_error("complex() arg is a malformed string"))?;
        return Ok(Value::complex(re, im));
    }
    if let Some(Value::Str(_)) = &i {
        return Err(type_error("complex() second arg can't be a string"));
    }
    // The exact complex itself, when alone.
    if let (Value::Complex(_), None) = (&r, &i) {
        return Ok(r);
    }
    let r = to_complex_arg(vm, r, true)?;
    let (cr, cr_is_complex) = r;
    let (ci, ci_is_complex, i_given) = match i {
        None => (Complex { re: cr.im, im: 0.0 }, false, false),
        Some(i) => {
            let (c, is_complex) = to_complex_arg(vm, i, false)?;
            (c, is_complex, true)
        }
    };
    let mut re = cr.re;
    let mut im = ci.re;
    if ci_is_complex {
        re -= ci.im;
    }
    if cr_is_complex && i_given {
        im += cr.im;
    }
    Ok(Value::complex(re, im))
}

/// An argument of `complex()` as a complex and whether it was one (`__float__` and
/// `__index__` are honoured, `__complex__` only for the `first` argument).
fn to_complex_arg(vm: &mut Vm<'_>, v: Value, first: bool) -> PyResult<(Complex, bool)> {
    let what = if first {
        "first argument must be a string or a number"
    } else {
        "second argument must be a number"
    };
    if let Value::Complex(c) = &v {
        return Ok((**c, true));
    }
    if let Some(Value::Complex(c)) = super::subclass::base_value(&v) {
        if let Value::Instance(inst) = &v {
            let own = inst.class.lookup("__complex__");
            let inherited = crate::vm::types::types().complex.lookup("__complex__");
            let overridden = match (&own, &inherited) {
                (Some(a), Some(b)) => !a.is(b),
                _ => false,
            };
            if !(first && overridden) {
                return Ok((*c, true));
            }
        }
    }
    if let Value::Instance(inst) = &v {
        if let Some(f) = inst.class.lookup("__complex__").filter(|_| first) {
            let r = vm.call1(&f, v.clone())?;
            return match r {
                Value::Complex(c) => Ok((*c, true)),
                other => Err(type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&other)
                ))),
            };
        }
        if let Some(base) = super::subclass::base_value(&v) {
            if matches!(
                base,
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_)
            ) {
                return Ok((
                    Complex {
                        re: to_f64(&base)?.unwrap_or(0.0),
                        im: 0.0,
                    },
                    false,
                ));
            }
        }
        if inst.class.lookup("__float__").is_some() || inst.class.lookup("__index__").is_some() {
            let float = vm.call(
                &Value::Class(crate::vm::types::types().float.clone()),
                vec![v.clone()],
                Vec::new(),
            )?;
            return Ok((
                Complex {
                    re: to_f64(&float)?.unwrap_or(0.0),
                    im: 0.0,
                },
                false,
            ));
        }
    }
    match to_f64(&v)? {
        Some(re) if !matches!(v, Value::Instance(_)) => Ok((Complex { re, im: 0.0 }, false)),
        _ => Err(type_error(format!(
            "complex() {what}, not '{}'",
            vm.type_name(&v)
        ))),
    }
}

/// The length of the float literal at the start of `s` (digits with single underscores
/// between them, a fraction, an exponent; or inf/infinity/nan), 0 if none.
fn float_prefix(s: &[u8]) -> usize {
    let lower: Vec<u8> = s.iter().take(8).map(u8::to_ascii_lowercase).collect();
    for word in [&b"infinity"[..], b"inf", b"nan"] {
        if lower.starts_with(word) {
            return word.len();
        }
    }
    let digits = |at: usize| -> usize {
        let mut i = at;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            if i + 1 < s.len() && s[i] == b'_' && s[i + 1].is_ascii_digit() {
                i += 1;
            }
        }
        i - at
    };
    let int_len = digits(0);
    let mut i = int_len;
    if s.get(i) == Some(&b'.') {
        let frac_len = digits(i + 1);
        if int_len == 0 && frac_len == 0 {
            return 0;
        }
        i += 1 + frac_len;
    } else if int_len == 0 {
        return 0;
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_len = digits(j);
        if exp_len > 0 {
            i = j + exp_len;
        }
    }
    i
}

/// A float literal (sign included) as f64.
fn parse_float(text: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(text).ok()?.replace('_', "");
    fmt::parse_float(&text)
}

/// `complex(string)`: `a`, `bj`, `a±bj`, `±j`, optionally in parentheses, with
/// surrounding whitespace.
fn parse(text: &str) -> Option<(f64, f64)> {
    let mut s = text.trim().as_bytes();
    if let Some(inner) = s.strip_prefix(b"(").and_then(|t| t.strip_suffix(b")")) {
        s = std::str::from_utf8(inner).ok()?.trim().as_bytes();
    }
    if s.is_empty() {
        return None;
    }
    // First number (with its sign).
    let sign_len = usize::from(matches!(s[0], b'+' | b'-'));
    let first_len = float_prefix(&s[sign_len..]);
    let mut pos = sign_len + first_len;
    if first_len == 0 {
        // "j", "+j", "-j".
        if &s[sign_len..] == b"j" || &s[sign_len..] == b"J" {
            return Some((0.0, if s[0] == b'-' { -1.0 } else { 1.0 }));
        }
        return None;
    }
    let first = parse_float(&s[..pos])?;
    if pos == s.len() {
        return Some((first, 0.0));
    }
    if matches!(s[pos], b'j' | b'J') {
        return (pos + 1 == s.len()).then_some((0.0, first));
    }
    // Second part: sign, optional number, j.
    if !matches!(s[pos], b'+' | b'-') {
        return None;
    }
    let negative = s[pos] == b'-';
    pos += 1;
    let second_len = float_prefix(&s[pos..]);
    let im = if second_len == 0 {
        1.0
    } else {
        parse_float(&s[pos..pos + second_len])?
    };
    pos += second_len;
    if pos + 1 != s.len() || !matches!(s[pos], b'j' | b'J') {
        return None;
    }
    Some((first, if negative { -im } else { im }))
}
