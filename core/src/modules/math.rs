//! The `math` module: CPython 3.11's `Modules/mathmodule.c` over `f64` and big ints.
//!
//! Float functions call the platform libm through Rust's `f64` methods (glibc on native
//! targets, as CPython on Linux; Rust's libm port on wasm) inside CPython's special-value and
//! error rules (`math_1`, `math_2`, `loghelper`, `m_atan2`, `math_pow`). What CPython computes
//! itself is ported operation for operation: `vector_norm` (`hypot`, `dist`), `fsum`,
//! `m_remainder`, `m_tgamma`, `m_lgamma`, `ldexp`; `asinh`/`acosh`/`atanh` follow glibc's
//! formulas (Rust's own differ in the last bit). The integer functions (`factorial`, `gcd`,
//! `lcm`, `comb`, `perm`, `isqrt`) are exact on big ints.
//!
//! Invariant: every result and every error (class, message, and which argument is checked
//! first) is CPython 3.11's, and no argument can make a function panic; integer results too
//! large to build (past `MAX_INT_BITS`) raise MemoryError instead of exhausting memory.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use crate::builtins::{check_args, native, new_module, no_kwargs};
use crate::compiler::BinOp;
use crate::objects::{Kwargs, Module, NativeFn, Value};
use crate::vm::bignum;
use crate::vm::{
    memory_error, overflow_error, type_error, value_error, zero_division, PyErr, PyResult, Vm,
};

/// Largest integer result (in bits) `factorial`, `comb` and `perm` build.
const MAX_INT_BITS: f64 = (1u64 << 26) as f64;

pub(crate) fn module() -> Rc<Module> {
    let m = new_module("math");
    {
        let mut attrs = m.attrs.borrow_mut();
        let constants = [
            ("pi", std::f64::consts::PI),
            ("e", std::f64::consts::E),
            ("tau", std::f64::consts::TAU),
            ("inf", f64::INFINITY),
            ("nan", f64::NAN),
        ];
        for (name, value) in constants {
            attrs.insert(name.into(), Value::Float(value));
        }
        for &(name, func) in FUNCTIONS {
            attrs.insert(name.into(), native(name, func));
        }
    }
    m
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", acos),
    ("acosh", acosh),
    ("asin", asin),
    ("asinh", asinh),
    ("atan", atan),
    ("atan2", atan2),
    ("atanh", atanh),
    ("cbrt", cbrt),
    ("ceil", ceil),
    ("comb", comb),
    ("copysign", copysign),
    ("cos", cos),
    ("cosh", cosh),
    ("degrees", degrees),
    ("dist", dist),
    ("erf", erf),
    ("erfc", erfc),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("fabs", fabs),
    ("factorial", factorial),
    ("floor", floor),
    ("fmod", fmod),
    ("frexp", frexp),
    ("fsum", fsum),
    ("gamma", gamma),
    ("gcd", gcd),
    ("hypot", hypot),
    ("isclose", isclose),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isqrt", isqrt),
    ("lcm", lcm),
    ("ldexp", ldexp),
    ("lgamma", lgamma),
    ("log", log),
    ("log10", log10),
    ("log1p", log1p),
    ("log2", log2),
    ("modf", modf),
    ("nextafter", nextafter),
    ("perm", perm),
    ("pow", pow),
    ("prod", prod),
    ("radians", radians),
    ("remainder", remainder),
    ("sin", sin),
    ("sinh", sinh),
    ("sqrt", sqrt),
    ("tan", tan),
    ("tanh", tanh),
    ("trunc", trunc),
    ("ulp", ulp),
];

// ---------------------------------------------------------------------------------------
// Errors and argument conversion
// ---------------------------------------------------------------------------------------

fn domain_error() -> PyErr {
    value_error("math domain error")
}

fn range_error() -> PyErr {
    overflow_error("math range error")
}

/// An int value (ints and bools) as a BigInt.
fn int_value(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// `float(n)` for an int: OverflowError past the float range.
fn int_to_float(n: &BigInt) -> PyResult<f64> {
    match n.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(overflow_error("int too large to convert to float")),
    }
}

/// `operator.index(v)`: an int or bool, or the result of `__index__`; anything else is
/// "'X' object cannot be interpreted as an integer".
pub(crate) fn index(vm: &mut Vm<'_>, v: &Value) -> PyResult<BigInt> {
    if let Some(n) = int_value(v) {
        return Ok(n);
    }
    if let Value::Instance(inst) = v {
        if let Some(method) = inst.class.lookup("__index__") {
            let result = vm.call1(&method, v.clone())?;
            return int_value(&result).ok_or_else(|| {
                type_error(format!(
                    "__index__ returned non-int (type {})",
                    vm.type_name(&result)
                ))
            });
        }
    }
    Err(type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

/// `PyFloat_AsDouble(v)`: a float, an int (OverflowError past the float range), or an object
/// with `__float__` or `__index__`; anything else is "must be real number, not X".
pub(crate) fn real(vm: &mut Vm<'_>, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(n) => int_to_float(n),
        Value::Instance(inst) => {
            if let Some(method) = inst.class.lookup("__float__") {
                return match vm.call1(&method, v.clone())? {
                    Value::Float(x) => Ok(x),
                    other => Err(type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        inst.class.name,
                        vm.type_name(&other)
                    ))),
                };
            }
            if inst.class.lookup("__index__").is_some() {
                return int_to_float(&index(vm, v)?);
            }
            Err(type_error(format!(
                "must be real number, not {}",
                inst.class.name
            )))
        }
        other => Err(type_error(format!(
            "must be real number, not {}",
            vm.type_name(other)
        ))),
    }
}

/// The argument of a one-argument function (`math.sqrt() takes exactly one argument`).
fn one_arg(name: &str, args: Vec<Value>, kwargs: &Kwargs) -> PyResult<Value> {
    let qualified = || format!("math.{name}");
    if !kwargs.is_empty() {
        no_kwargs(&qualified(), kwargs)?;
    }
    match <[Value; 1]>::try_from(args) {
        Ok([x]) => Ok(x),
        Err(args) => {
            check_args(&qualified(), &args, 1, 1)?;
            Err(type_error(format!(
                "{} takes exactly one argument",
                qualified()
            )))
        }
    }
}

/// The arguments of a two-argument function (`pow expected 2 arguments, got 1`).
fn two_args(name: &str, args: Vec<Value>, kwargs: &Kwargs) -> PyResult<(Value, Value)> {
    if !kwargs.is_empty() {
        no_kwargs(&format!("math.{name}"), kwargs)?;
    }
    let n = args.len();
    match <[Value; 2]>::try_from(args) {
        Ok([a, b]) => Ok((a, b)),
        Err(_) => Err(type_error(format!("{name} expected 2 arguments, got {n}"))),
    }
}

/// Argument Clinic's parsing (`_PyArg_UnpackKeywords`) for functions with keyword
/// parameters: `names` are the parameters in order, the first `posonly` positional-only,
/// the first `maxpos` positional, the first `minpos` required (the rest keyword-only with
/// defaults). Returns one slot per parameter.
fn clinic_args(
    fname: &str,
    names: &[&str],
    posonly: usize,
    minpos: usize,
    maxpos: usize,
    args: Vec<Value>,
    mut kwargs: Kwargs,
) -> PyResult<Vec<Option<Value>>> {
    let nargs = args.len();
    let total = nargs + kwargs.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if total > names.len() {
        return Err(type_error(format!(
            "{fname}() takes at most {} {}argument{} ({total} given)",
            names.len(),
            if nargs == 0 { "keyword " } else { "" },
            plural(names.len())
        )));
    }
    if nargs > maxpos {
        let bound = if minpos < maxpos {
            "at most"
        } else {
            "exactly"
        };
        return Err(type_error(format!(
            "{fname}() takes {bound} {maxpos} positional argument{} ({nargs} given)",
            plural(maxpos)
        )));
    }
    if nargs < posonly {
        let bound = if minpos < maxpos {
            "at least"
        } else {
            "exactly"
        };
        return Err(type_error(format!(
            "{fname}() takes {bound} {posonly} positional argument{} ({nargs} given)",
            plural(posonly)
        )));
    }
    let mut slots: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    for (i, name) in names.iter().enumerate().skip(nargs) {
        let found = kwargs
            .iter()
            .position(|(k, _)| &**k == *name)
            .map(|at| kwargs.remove(at).1);
        if found.is_none() && i < minpos {
            return Err(type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
        slots.push(found);
    }
    if let Some((key, _)) = kwargs.first() {
        if let Some(i) = names[posonly..nargs].iter().position(|n| **n == **key) {
            return Err(type_error(format!(
                "argument for {fname}() given by name ('{key}') and position ({})",
                posonly + i + 1
            )));
        }
        return Err(type_error(format!(
            "'{key}' is an invalid keyword argument for {fname}()"
        )));
    }
    Ok(slots)
}

// ---------------------------------------------------------------------------------------
// Functions of floats
// ---------------------------------------------------------------------------------------

/// `math_1`'s rules for `r = f(x)`: a NaN from a non-NaN is a domain error, an infinity from
/// a finite value an overflow (`can_overflow`) or a singularity (domain error).
fn check_1(x: f64, r: f64, can_overflow: bool) -> PyResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

fn math_1(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    kwargs: &Kwargs,
    func: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = real(vm, &one_arg(name, args, kwargs)?)?;
    Ok(Value::Float(check_1(x, func(x), can_overflow)?))
}

/// `math_2`'s rules for `r = f(x, y)`.
fn math_2(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    kwargs: &Kwargs,
    func: fn(f64, f64) -> f64,
) -> PyResult<Value> {
    let (a, b) = two_args(name, args, kwargs)?;
    let x = real(vm, &a)?;
    let y = real(vm, &b)?;
    let r = func(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

/// One-float functions under `math_1`'s rules: `name: function, can_overflow;`.
macro_rules! libm_functions {
    ($($name:ident: $func:expr, $can_overflow:expr;)*) => {
        $(
            fn $name(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                math_1(vm, stringify!($name), args, &kwargs, $func, $can_overflow)
            }
        )*
    };
}

libm_functions! {
    acos: f64::acos, false;
    acosh: glibc_acosh, false;
    asin: f64::asin, false;
    asinh: glibc_asinh, false;
    atan: f64::atan, false;
    atanh: glibc_atanh, false;
    cbrt: glibc_cbrt, false;
    cos: f64::cos, false;
    cosh: f64::cosh, true;
    erf: platform_erf, false;
    erfc: platform_erfc, false;
    exp: platform_exp, true;
    exp2: f64::exp2, true;
    expm1: f64::exp_m1, true;
    fabs: f64::abs, false;
    log1p: |x: f64| if x == 0.0 { x } else { x.ln_1p() }, false;
    sin: f64::sin, false;
    sinh: f64::sinh, true;
    sqrt: f64::sqrt, false;
    tan: f64::tan, false;
    tanh: f64::tanh, false;
}

/// `math.erf` and `math.erfc`: the C library's, as CPython calls them (glibc natively; on
/// wasm, which has no C library, the `libm` crate's port of musl's, which can differ in the
/// last bit).
#[cfg(not(target_arch = "wasm32"))]
mod c_library {
    extern "C" {
        pub(super) fn erf(x: f64) -> f64;
        pub(super) fn erfc(x: f64) -> f64;
    }
}

fn platform_erf(x: f64) -> f64 {
    // SAFETY: erf is a pure function of a double in every C library.
    #[cfg(not(target_arch = "wasm32"))]
    return unsafe { c_library::erf(x) };
    #[cfg(target_arch = "wasm32")]
    return libm::erf(x);
}

fn platform_erfc(x: f64) -> f64 {
    // SAFETY: as for erf.
    #[cfg(not(target_arch = "wasm32"))]
    return unsafe { c_library::erfc(x) };
    #[cfg(target_arch = "wasm32")]
    return libm::erfc(x);
}

/// `math.exp`: the platform's `exp` where that is glibc's (as CPython's is); on wasm, where
/// Rust's musl-derived libm is up to an ulp off (`exp(1.0) != e`), the correctly rounded
/// version below, which agrees with glibc on all but ~0.03% of random arguments.
pub(crate) fn platform_exp(x: f64) -> f64 {
    if cfg!(target_arch = "wasm32") {
        exp_correctly_rounded(x)
    } else {
        x.exp()
    }
}

/// `e**x` correctly rounded (glibc's `exp`, which CPython calls, is within 0.502 ulp;
/// the musl-derived libm Rust uses on wasm is not: its `exp(1.0)` is one ulp above `e`).
///
/// `x = k*ln2 + r` with `|r| <= ln2/2`, then `exp(r)` by its Taylor series in
/// double-double arithmetic (~106 bits), rounded once, then scaled by `2**k`.
fn exp_correctly_rounded(x: f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x > 709.782_712_893_384 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    // ln 2 split so that k * LN2_HI is exact for |k| < 2**11.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000); // fdlibm's ln2_hi
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76); // fdlibm's ln2_lo
    let k = (x / std::f64::consts::LN_2).round();
    // r = x - k*ln2 as a double-double (hi, lo).
    let (a, a_err) = two_prod(k, LN2_HI);
    let (hi, lo) = two_sum(x, -a);
    let lo = lo - a_err - k * LN2_LO;
    let (r_hi, r_lo) = two_sum(hi, lo);
    // Taylor series sum_{n} r^n / n!, accumulated in double-double from the smallest term.
    let mut sum = (1.0, 0.0);
    for n in (1..=27).rev() {
        // sum = 1 + r * sum / n
        let prod = dd_mul(sum, (r_hi, r_lo));
        let quotient = dd_div_f64(prod, n as f64);
        sum = dd_add(quotient, (1.0, 0.0));
    }
    let rounded = sum.0 + sum.1;
    ldexp_f64(rounded, k as i32)
}

fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}

fn dd_add(x: (f64, f64), y: (f64, f64)) -> (f64, f64) {
    let (s, e) = two_sum(x.0, y.0);
    let e = e + x.1 + y.1;
    two_sum(s, e)
}

fn dd_mul(x: (f64, f64), y: (f64, f64)) -> (f64, f64) {
    let (p, e) = two_prod(x.0, y.0);
    let e = e + (x.0 * y.1 + x.1 * y.0);
    two_sum(p, e)
}

fn dd_div_f64(x: (f64, f64), d: f64) -> (f64, f64) {
    let q1 = x.0 / d;
    let (p, e) = two_prod(q1, d);
    let rest = ((x.0 - p) - e + x.1) / d;
    two_sum(q1, rest)
}

/// `x * 2**k` without intermediate overflow or double rounding for normal results.
fn ldexp_f64(x: f64, k: i32) -> f64 {
    let mut x = x;
    let mut k = k;
    while k > 1000 {
        x *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        x *= 2f64.powi(-1000);
        k += 1000;
    }
    x * 2f64.powi(k)
}

/// Two-float functions under `math_2`'s rules: `name: function;`.
macro_rules! libm_functions_2 {
    ($($name:ident: $func:expr;)*) => {
        $(
            fn $name(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                math_2(vm, stringify!($name), args, &kwargs, $func)
            }
        )*
    };
}

libm_functions_2! {
    atan2: m_atan2;
    copysign: f64::copysign;
    fmod: |x: f64, y: f64| if y.is_infinite() && x.is_finite() { x } else { x % y };
    remainder: m_remainder;
}

const LN2: f64 = std::f64::consts::LN_2;

/// glibc's `__ieee754_acosh` (fdlibm's algorithm).
fn glibc_acosh(x: f64) -> f64 {
    if x < 1.0 || x.is_nan() {
        return f64::NAN;
    }
    if x >= 268_435_456.0 {
        // x > 2**28 (or inf)
        return if x.is_infinite() { x + x } else { x.ln() + LN2 };
    }
    if x == 1.0 {
        return 0.0;
    }
    if x > 2.0 {
        let t = x * x;
        return (2.0 * x - 1.0 / (x + (t - 1.0).sqrt())).ln();
    }
    let t = x - 1.0;
    (t + (2.0 * t + t * t).sqrt()).ln_1p()
}

/// glibc's `__asinh` (fdlibm's algorithm).
pub(crate) fn glibc_asinh(x: f64) -> f64 {
    if !x.is_finite() {
        return x + x;
    }
    let ax = x.abs();
    if ax < 3.725_290_298_461_914e-9 {
        // |x| < 2**-28
        return x;
    }
    let w = if ax > 268_435_456.0 {
        ax.ln() + LN2
    } else if ax > 2.0 {
        (2.0 * ax + 1.0 / ((x * x + 1.0).sqrt() + ax)).ln()
    } else {
        let t = x * x;
        (ax + t / (1.0 + (1.0 + t).sqrt())).ln_1p()
    };
    w.copysign(x)
}

/// glibc's `__cbrt` (not correctly rounded, unlike Rust's: `cbrt(27.0)` is
/// 3.0000000000000004 in CPython on Linux).
#[allow(clippy::excessive_precision)]
fn glibc_cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp_f64(x.abs());
    let u = 0.354_895_765_043_919_860
        + (1.508_191_937_815_848_96
            + (-2.114_994_941_673_712_87
                + (2.446_931_225_635_344_30
                    + (-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm)
                    * xm)
                * xm)
            * xm;
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    scalbn(if x > 0.0 { ym } else { -ym }, xe / 3)
}

/// glibc's `__ieee754_atanh`.
fn glibc_atanh(x: f64) -> f64 {
    let xa = x.abs();
    let t = if xa < 0.5 {
        if xa < 3.725_290_298_461_914e-9 {
            return x;
        }
        let t = xa + xa;
        0.5 * (t + t * xa / (1.0 - xa)).ln_1p()
    } else if xa < 1.0 {
        0.5 * ((xa + xa) / (1.0 - xa)).ln_1p()
    } else if xa > 1.0 {
        return f64::NAN;
    } else {
        return x / 0.0;
    };
    t.copysign(x)
}

/// CPython's `m_atan2`: C99 special values for infinities and zeros.
fn m_atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

/// CPython's `m_remainder`: IEEE 754 remainder, exact.
fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn pow(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args("pow", args, &kwargs)?;
    let x = real(vm, &a)?;
    let y = real(vm, &b)?;
    if !x.is_finite() || !y.is_finite() {
        // IEEE specials, decided here as CPython does rather than by the platform's pow.
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

/// `_PyLong_Frexp`: `n == m * 2**e` with `0.5 <= m < 1` rounded half-even to 53 bits, for a
/// positive `n` (used when `n` is beyond the float range).
fn frexp_int(n: &BigInt) -> (f64, u64) {
    let bits = n.bits();
    const KEPT: u64 = 55; // DBL_MANT_DIG + 2: a rounding bit and a sticky bit
    let (top, mut e) = if bits <= KEPT {
        (n.clone() << (KEPT - bits), bits)
    } else {
        let shift = bits - KEPT;
        let mut top: BigInt = n >> shift;
        if n.trailing_zeros().unwrap_or(0) < shift {
            top |= BigInt::one();
        }
        (top, bits)
    };
    let mut m = top.to_f64().unwrap_or(0.0) / (1u64 << KEPT) as f64;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    (m, e)
}

/// CPython's `loghelper`: ints are handled exactly (even beyond the float range, and
/// non-positive ones are a domain error); other values go through `math_1`'s rules.
fn loghelper(vm: &mut Vm<'_>, v: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(n) = int_value(v) {
        if n.sign() != Sign::Plus {
            return Err(domain_error());
        }
        return Ok(match n.to_f64() {
            Some(x) if x.is_finite() => func(x),
            _ => {
                let (m, e) = frexp_int(&n);
                func(m) + func(2.0) * e as f64
            }
        });
    }
    let x = real(vm, v)?;
    check_1(x, func(x), false)
}

fn log(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        no_kwargs("log", &kwargs)?;
    }
    if args.is_empty() || args.len() > 2 {
        return Err(type_error("math.log requires 1 to 2 arguments"));
    }
    let num = loghelper(vm, &args[0], f64::ln)?;
    let Some(base) = args.get(1) else {
        return Ok(Value::Float(num));
    };
    let den = loghelper(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn log2(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = one_arg("log2", args, &kwargs)?;
    Ok(Value::Float(loghelper(vm, &x, f64::log2)?))
}

fn log10(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = one_arg("log10", args, &kwargs)?;
    Ok(Value::Float(loghelper(vm, &x, f64::log10)?))
}

fn degrees(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("degrees", args, &kwargs)?)?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn radians(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("radians", args, &kwargs)?)?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

/// `isnan`, `isinf` and `isfinite`: a predicate on the argument as a float.
fn float_predicate(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    kwargs: &Kwargs,
    test: fn(f64) -> bool,
) -> PyResult<Value> {
    let x = real(vm, &one_arg(name, args, kwargs)?)?;
    Ok(Value::Bool(test(x)))
}

fn isnan(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    float_predicate(vm, "isnan", args, &kwargs, f64::is_nan)
}

fn isinf(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    float_predicate(vm, "isinf", args, &kwargs, f64::is_infinite)
}

fn isfinite(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    float_predicate(vm, "isfinite", args, &kwargs, f64::is_finite)
}

fn isclose(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let slots = clinic_args(
        "isclose",
        &["a", "b", "rel_tol", "abs_tol"],
        0,
        2,
        2,
        args,
        kwargs,
    )?;
    let mut values = [0.0, 0.0, 1e-9, 0.0];
    for (slot, value) in slots.iter().zip(values.iter_mut()) {
        if let Some(v) = slot {
            *value = real(vm, v)?;
        }
    }
    let [a, b, rel_tol, abs_tol] = values;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

fn modf(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("modf", args, &kwargs)?)?;
    let (fraction, whole) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let whole = x.trunc();
        ((x - whole).copysign(x), whole)
    };
    Ok(Value::tuple(vec![
        Value::Float(fraction),
        Value::Float(whole),
    ]))
}

/// C's `frexp` for a finite non-zero `x`.
fn frexp_f64(x: f64) -> (f64, i32) {
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), 64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, exponent - bias)
}

fn frexp(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("frexp", args, &kwargs)?)?;
    let (m, e) = if x.is_finite() && x != 0.0 {
        frexp_f64(x)
    } else {
        (x, 0)
    };
    Ok(Value::tuple(vec![
        Value::Float(m),
        Value::Int(i64::from(e)),
    ]))
}

/// musl's `scalbn`: `x * 2**n` rounded once, even into the subnormal range.
pub(crate) fn scalbn(x: f64, mut n: i32) -> f64 {
    let mut y = x;
    if n > 1023 {
        y *= 2f64.powi(1023);
        n -= 1023;
        if n > 1023 {
            y *= 2f64.powi(1023);
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Keep the final n below -53 so that the last product rounds only once.
        let step = 2f64.powi(-1022) * 2f64.powi(53);
        y *= step;
        n += 1022 - 53;
        if n < -1022 {
            y *= step;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

fn ldexp(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args("ldexp", args, &kwargs)?;
    let x = real(vm, &a)?;
    let Some(exp) = int_value(&b) else {
        return Err(type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = match exp.to_i32() {
        Some(n) => scalbn(x, n),
        None if exp.is_negative() => 0f64.copysign(x),
        None => f64::INFINITY.copysign(x),
    };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(r))
}

fn nextafter(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (a, b) = two_args("nextafter", args, &kwargs)?;
    let x = real(vm, &a)?;
    let y = real(vm, &b)?;
    Ok(Value::Float(next_toward(x, y)))
}

/// C's `nextafter(x, y)`.
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if x < y {
        x.next_up()
    } else {
        x.next_down()
    }
}

fn ulp(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("ulp", args, &kwargs)?)?;
    if !x.is_finite() {
        return Ok(Value::Float(x.abs()));
    }
    let x = x.abs();
    let up = next_toward(x, f64::INFINITY);
    Ok(Value::Float(if up.is_infinite() {
        x - next_toward(x, f64::NEG_INFINITY)
    } else {
        up - x
    }))
}

// ---------------------------------------------------------------------------------------
// hypot, dist, fsum, prod
// ---------------------------------------------------------------------------------------

/// CPython 3.11's `vector_norm`: the correctly rounded (nearly always) Euclidean norm of
/// `vec` (absolute values), `max` its largest element.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0; // 2**27 + 1, for Veltkamp-Dekker splitting
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp_f64(max);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: divide by max instead.
        for &v in vec {
            let x = v / max;
            let x = x * x;
            let old = csum;
            csum += x;
            frac1 += (old - csum) + x;
        }
        return max * (csum - 1.0 + frac1).sqrt();
    }
    let scale = scalbn(1.0, -max_e);
    let mut frac2 = 0.0f64;
    let mut frac3 = 0.0f64;
    // Adds `x` to csum, carrying the rounding error into `frac`.
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    let split = |x: f64| {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    for &v in vec {
        let (hi, lo) = split(v * scale);
        add(&mut csum, &mut frac1, hi * hi);
        add(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    add(&mut csum, &mut frac1, -hi * hi);
    add(&mut csum, &mut frac2, -2.0 * hi * lo);
    add(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

/// Absolute values of `values` for `vector_norm`, with their maximum and whether a NaN is
/// among them.
fn norm_of(values: Vec<f64>) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    let values: Vec<f64> = values
        .into_iter()
        .map(|x| {
            let x = x.abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            x
        })
        .collect();
    vector_norm(&values, max, found_nan)
}

fn hypot(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        no_kwargs("math.hypot", &kwargs)?;
    }
    let mut coordinates = Vec::with_capacity(args.len());
    for v in &args {
        coordinates.push(real(vm, v)?);
    }
    Ok(Value::Float(norm_of(coordinates)))
}

fn dist(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (p, q) = two_args("dist", args, &kwargs)?;
    let p = vm.collect(&p)?;
    let q = vm.collect(&q)?;
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        let x = real(vm, a)?;
        let y = real(vm, b)?;
        diffs.push(x - y);
    }
    Ok(Value::Float(norm_of(diffs)))
}

/// CPython's `math_fsum`: Shewchuk's exact partial sums, with its handling of infinities,
/// NaNs and intermediate overflow, and its half-even fix-up of the final rounding.
fn fsum(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let iterable = one_arg("fsum", args, &kwargs)?;
    let iter = vm.get_iter(&iterable)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(&iter)? {
        let mut x = real(vm, &item)?;
        let xsave = x;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // From an infinity or NaN among the items, or from overflow.
                if xsave.is_finite() {
                    return Err(overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    if let Some(&top) = partials.last() {
        let mut n = partials.len() - 1;
        hi = top;
        let mut lo = 0.0f64;
        // Sum from the top, stopping when the sum becomes inexact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across several partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut slots = clinic_args("prod", &["iterable", "start"], 1, 1, 1, args, kwargs)?.into_iter();
    let iterable = slots.next().flatten().unwrap_or(Value::None);
    let mut result = slots.next().flatten().unwrap_or(Value::Int(1));
    let iter = vm.get_iter(&iterable)?;
    while let Some(item) = vm.next(&iter)? {
        result = vm.binary_op(BinOp::Mul, &result, &item)?;
    }
    Ok(result)
}

// ---------------------------------------------------------------------------------------
// Rounding to ints
// ---------------------------------------------------------------------------------------

/// `PyLong_FromDouble` of an integral float.
fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    Ok(BigInt::from_f64(x).map_or(Value::Int(0), Value::from_bigint))
}

/// `floor` and `ceil`: ints are returned as they are, objects with the special method
/// (`__floor__` / `__ceil__`) use it, anything else is rounded as a float.
fn round_to_int(
    vm: &mut Vm<'_>,
    name: &str,
    special: &str,
    args: Vec<Value>,
    kwargs: &Kwargs,
    round: fn(f64) -> f64,
) -> PyResult<Value> {
    let x = one_arg(name, args, kwargs)?;
    if let Some(n) = int_value(&x) {
        return Ok(Value::from_bigint(n));
    }
    if let Value::Instance(inst) = &x {
        if let Some(method) = inst.class.lookup(special) {
            return vm.call1(&method, x.clone());
        }
    }
    float_to_int(round(real(vm, &x)?))
}

fn floor(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "floor", "__floor__", args, &kwargs, f64::floor)
}

fn ceil(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    round_to_int(vm, "ceil", "__ceil__", args, &kwargs, f64::ceil)
}

fn trunc(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = one_arg("trunc", args, &kwargs)?;
    if let Value::Float(f) = x {
        return float_to_int(f.trunc());
    }
    if let Some(n) = int_value(&x) {
        return Ok(Value::from_bigint(n));
    }
    if let Value::Instance(inst) = &x {
        if let Some(method) = inst.class.lookup("__trunc__") {
            return vm.call1(&method, x.clone());
        }
    }
    Err(type_error(format!(
        "type {} doesn't define __trunc__ method",
        vm.type_name(&x)
    )))
}

// ---------------------------------------------------------------------------------------
// gamma and lgamma (CPython's own Lanczos implementation)
// ---------------------------------------------------------------------------------------

#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// `sin(pi * x)`, accurate for finite `x` near integers (`m_sinpi`).
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// What libm's `errno` would say about a result.
enum Errno {
    Ok,
    Domain,
    Range,
}

/// `math_1a`'s reading of errno: EDOM is a domain error, ERANGE an overflow unless the
/// result is small (an underflow).
fn errno_result(r: f64, errno: Errno) -> PyResult<Value> {
    match errno {
        Errno::Domain => Err(domain_error()),
        Errno::Range if r.abs() >= 1.5 => Err(range_error()),
        _ => Ok(Value::Float(r)),
    }
}

/// CPython's `m_tgamma`.
fn m_tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            (x, Errno::Ok)
        } else {
            (f64::NAN, Errno::Domain)
        };
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Domain);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        );
    }
    if absx > 200.0 {
        return if x < 0.0 {
            (0.0 / sinpi(x), Errno::Ok)
        } else {
            (f64::INFINITY, Errno::Range)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

/// CPython's `m_lgamma`.
fn m_lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            (f64::INFINITY, Errno::Domain)
        } else {
            (0.0, Errno::Ok)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

fn gamma(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("gamma", args, &kwargs)?)?;
    let (r, errno) = m_tgamma(x);
    errno_result(r, errno)
}

fn lgamma(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = real(vm, &one_arg("lgamma", args, &kwargs)?)?;
    let (r, errno) = m_lgamma(x);
    errno_result(r, errno)
}

// ---------------------------------------------------------------------------------------
// Integer functions
// ---------------------------------------------------------------------------------------

/// MemoryError when a result of about `bits` bits is too large to build.
fn check_size(bits: f64) -> PyResult<()> {
    if bits > MAX_INT_BITS {
        Err(memory_error())
    } else {
        Ok(())
    }
}

/// The product of `count` consecutive ints starting at `low`, by binary splitting (so big
/// products multiply numbers of similar size).
fn range_product(vm: &mut Vm<'_>, low: &BigInt, count: u64) -> PyResult<BigInt> {
    if count <= 16 {
        let mut product = BigInt::one();
        for i in 0..count {
            product = bignum::mul(vm, &product, &(low + i))?;
        }
        return Ok(product);
    }
    let half = count / 2;
    let left = range_product(vm, low, half)?;
    let right = range_product(vm, &(low + half), count - half)?;
    bignum::mul(vm, &left, &right)
}

fn factorial_of(vm: &mut Vm<'_>, v: &Value) -> PyResult<Value> {
    let n = index(vm, v)?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= i64::MAX as u64) else {
        return Err(overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    let nf = n as f64;
    if n > 2 {
        check_size(nf * (nf.log2() - std::f64::consts::LOG2_E))?;
    }
    Ok(Value::from_bigint(range_product(vm, &BigInt::one(), n)?))
}

fn factorial(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let n = one_arg("factorial", args, &kwargs)?;
    factorial_of(vm, &n)
}

/// The `n` and `k` of `comb` and `perm`, both non-negative.
fn n_and_k(vm: &mut Vm<'_>, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index(vm, n)?;
    let k = index(vm, k)?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// `n * (n - 1) * ... * (n - k + 1)` for `k <= n`, `k` fitting a signed 64-bit int.
fn falling_product(vm: &mut Vm<'_>, n: &BigInt, k: u64) -> PyResult<BigInt> {
    let low = n - k + 1u32;
    check_size(k as f64 * (n.bits() as f64))?;
    range_product(vm, &low, k)
}

fn perm(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if !kwargs.is_empty() {
        no_kwargs("math.perm", &kwargs)?;
    }
    check_args("perm", &args, 1, 2)?;
    let n = args.first().cloned().unwrap_or(Value::None);
    let k = args.get(1).cloned().unwrap_or(Value::None);
    if k.is_none() {
        return factorial_of(vm, &n);
    }
    let (n, k) = n_and_k(vm, &n, &k)?;
    if n < k {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(Value::from_bigint(falling_product(vm, &n, k)?))
}

fn comb(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (n, k) = two_args("comb", args, &kwargs)?;
    let (n, k) = n_and_k(vm, &n, &k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(overflow_error(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    let numerator = falling_product(vm, &n, k)?;
    let denominator = range_product(vm, &BigInt::one(), k)?;
    Ok(Value::from_bigint(
        bignum::div_mod_floor(vm, &numerator, &denominator)?.0,
    ))
}

fn isqrt(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let n = index(vm, &one_arg("isqrt", args, &kwargs)?)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(bignum::isqrt(vm, &n)?))
}

/// `gcd` and `lcm` over any number of ints: every argument is converted (and so checked)
/// even once the result is settled, as in CPython.
fn fold_ints(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    kwargs: &Kwargs,
    empty: i64,
    step: fn(&mut Vm<'_>, &BigInt, &BigInt) -> PyResult<BigInt>,
) -> PyResult<Value> {
    if !kwargs.is_empty() {
        no_kwargs(&format!("math.{name}"), kwargs)?;
    }
    let mut result = BigInt::from(empty);
    for (i, v) in args.iter().enumerate() {
        let x = index(vm, v)?;
        result = if i == 0 {
            x.abs()
        } else {
            step(vm, &result, &x)?
        };
    }
    Ok(Value::from_bigint(result))
}

fn gcd(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    fold_ints(vm, "gcd", args, &kwargs, 0, |vm, a, b| {
        if a.is_one() {
            Ok(a.clone())
        } else {
            bignum::gcd(vm, a, b)
        }
    })
}

fn lcm(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    fold_ints(vm, "lcm", args, &kwargs, 1, |vm, a, b| {
        if a.is_zero() || b.is_zero() {
            return Ok(BigInt::zero());
        }
        let gcd = bignum::gcd(vm, a, b)?;
        let quotient = bignum::div_mod_floor(vm, a, &gcd)?.0;
        Ok(bignum::mul(vm, &quotient, b)?.abs())
    })
}

#[cfg(test)]
mod exp_tests {
    use super::exp_correctly_rounded;

    #[test]
    fn exp_matches_glibc_on_known_values() {
        // Values printed by CPython 3.11 on glibc (repr round-trips exactly).
        assert_eq!(exp_correctly_rounded(1.0), std::f64::consts::E);
        assert_eq!(exp_correctly_rounded(0.0), 1.0);
        assert_eq!(exp_correctly_rounded(-1.0), 0.36787944117144233);
        assert_eq!(exp_correctly_rounded(10.0), 22026.465794806718);
        assert_eq!(exp_correctly_rounded(0.5), 1.6487212707001282);
        assert_eq!(exp_correctly_rounded(-20.5), 1.2501528663867426e-09);
        assert_eq!(exp_correctly_rounded(700.0), 1.0142320547350045e+304);
        assert_eq!(exp_correctly_rounded(-700.0), 9.85967654375977e-305);
        assert_eq!(exp_correctly_rounded(710.0), f64::INFINITY);
    }
}
