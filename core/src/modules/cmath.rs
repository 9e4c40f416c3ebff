//! The `cmath` module: CPython 3.11's `Modules/cmathmodule.c` rewritten in Rust.
//!
//! The algorithms are CPython's (after C99 Annex G): symmetries reduce `asin`, `atan`,
//! `cos`, `sin`, `tan` to their hyperbolic counterparts; arguments too large for the direct
//! formulas take the overflow-free forms (`CM_LARGE_DOUBLE`, `CM_LOG_LARGE_DOUBLE`);
//! `sqrt` and `log` rescale subnormal arguments; and an infinite or NaN part looks its
//! result up in a 7x7 table of special values indexed by the kind of each part
//! ([`special_type`]). The tables below are CPython 3.11's values, transcribed (3.12
//! changed `tanh(±0+nanj)` and `acosh(±0+nanj)`; these keep 3.11's `nan+nanj`).
//!
//! CPython reports errors through C's `errno`; here each function returns its value with
//! an [`Errno`], which the Python-facing wrapper turns into ValueError ("math domain
//! error", EDOM) or OverflowError ("math range error", ERANGE).
//!
//! Invariant: every result bit (signs of zeros and infinities, NaNs) and every error is
//! CPython 3.11's on Linux, up to the last-bit differences of the platform libm on wasm.

use std::f64::consts::{E, FRAC_PI_2, FRAC_PI_4, LN_10, LN_2, PI, TAU};
use std::rc::Rc;

use crate::builtins::{check_args, native, new_module, no_kwargs, take_kwarg};
use crate::objects::{Complex, Kwargs, Module, NativeFn, Value};
use crate::vm::{overflow_error, type_error, value_error, PyErr, PyResult, Vm};

/// C's `errno` after a computation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    /// No error.
    Ok,
    /// A domain error (divide-by-zero or invalid in Annex G): ValueError.
    Dom,
    /// Overflow: OverflowError.
    Range,
}

type Out = (Complex, Errno);

const fn c(re: f64, im: f64) -> Complex {
    Complex { re, im }
}

const LARGE_DOUBLE: f64 = f64::MAX / 4.0;
/// `sqrt(LARGE_DOUBLE)`, `log(LARGE_DOUBLE)` and `sqrt(DBL_MIN)`, as computed by libm.
fn sqrt_large_double() -> f64 {
    LARGE_DOUBLE.sqrt()
}
fn log_large_double() -> f64 {
    LARGE_DOUBLE.ln()
}
fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}
/// 2**SCALE_UP turns any subnormal into a normal; SCALE_DOWN undoes it under a sqrt.
const SCALE_UP: i32 = 2 * (53 / 2) + 1;
const SCALE_DOWN: i32 = -(SCALE_UP + 1) / 2;

/// Kinds of doubles, the indices of the special-value tables.
fn special_type(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

type Table = [[Complex; 7]; 7];

const P: f64 = PI;
const P14: f64 = FRAC_PI_4;
const P12: f64 = FRAC_PI_2;
const P34: f64 = 0.75 * PI;
const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
/// Placeholder for finite/finite cells, which are never looked up.
const U: f64 = -9.542_631_940_771_103e33;

// Rows: real part -inf, -finite, -0, +0, +finite, +inf, nan; columns: the imaginary part.
#[rustfmt::skip]
const ACOS: Table = [
    [c(P34,INF), c(P,INF),  c(P,INF),  c(P,-INF),  c(P,-INF),  c(P34,-INF), c(N,INF)],
    [c(P12,INF), c(U,U),    c(U,U),    c(U,U),     c(U,U),     c(P12,-INF), c(N,N)],
    [c(P12,INF), c(U,U),    c(P12,0.), c(P12,-0.), c(U,U),     c(P12,-INF), c(P12,N)],
    [c(P12,INF), c(U,U),    c(P12,0.), c(P12,-0.), c(U,U),     c(P12,-INF), c(P12,N)],
    [c(P12,INF), c(U,U),    c(U,U),    c(U,U),     c(U,U),     c(P12,-INF), c(N,N)],
    [c(P14,INF), c(0.,INF), c(0.,INF), c(0.,-INF), c(0.,-INF), c(P14,-INF), c(N,INF)],
    [c(N,INF),   c(N,N),    c(N,N),    c(N,N),     c(N,N),     c(N,-INF),   c(N,N)],
];
#[rustfmt::skip]
const ACOSH: Table = [
    [c(INF,-P34), c(INF,-P),  c(INF,-P),  c(INF,P),  c(INF,P),  c(INF,P34), c(INF,N)],
    [c(INF,-P12), c(U,U),     c(U,U),     c(U,U),    c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),     c(0.,-P12), c(0.,P12), c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),     c(0.,-P12), c(0.,P12), c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),     c(U,U),     c(U,U),    c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P14), c(INF,-0.), c(INF,-0.), c(INF,0.), c(INF,0.), c(INF,P14), c(INF,N)],
    [c(INF,N),    c(N,N),     c(N,N),     c(N,N),    c(N,N),    c(INF,N),   c(N,N)],
];
#[rustfmt::skip]
const ASINH: Table = [
    [c(-INF,-P14), c(-INF,-0.), c(-INF,-0.), c(-INF,0.), c(-INF,0.), c(-INF,P14), c(-INF,N)],
    [c(-INF,-P12), c(U,U),      c(U,U),      c(U,U),     c(U,U),     c(-INF,P12), c(N,N)],
    [c(-INF,-P12), c(U,U),      c(-0.,-0.),  c(-0.,0.),  c(U,U),     c(-INF,P12), c(N,N)],
    [c(INF,-P12),  c(U,U),      c(0.,-0.),   c(0.,0.),   c(U,U),     c(INF,P12),  c(N,N)],
    [c(INF,-P12),  c(U,U),      c(U,U),      c(U,U),     c(U,U),     c(INF,P12),  c(N,N)],
    [c(INF,-P14),  c(INF,-0.),  c(INF,-0.),  c(INF,0.),  c(INF,0.),  c(INF,P14),  c(INF,N)],
    [c(INF,N),     c(N,N),      c(N,-0.),    c(N,0.),    c(N,N),     c(INF,N),    c(N,N)],
];
#[rustfmt::skip]
const ATANH: Table = [
    [c(-0.,-P12), c(-0.,-P12), c(-0.,-P12), c(-0.,P12), c(-0.,P12), c(-0.,P12), c(-0.,N)],
    [c(-0.,-P12), c(U,U),      c(U,U),      c(U,U),     c(U,U),     c(-0.,P12), c(N,N)],
    [c(-0.,-P12), c(U,U),      c(-0.,-0.),  c(-0.,0.),  c(U,U),     c(-0.,P12), c(-0.,N)],
    [c(0.,-P12),  c(U,U),      c(0.,-0.),   c(0.,0.),   c(U,U),     c(0.,P12),  c(0.,N)],
    [c(0.,-P12),  c(U,U),      c(U,U),      c(U,U),     c(U,U),     c(0.,P12),  c(N,N)],
    [c(0.,-P12),  c(0.,-P12),  c(0.,-P12),  c(0.,P12),  c(0.,P12),  c(0.,P12),  c(0.,N)],
    [c(0.,-P12),  c(N,N),      c(N,N),      c(N,N),     c(N,N),     c(0.,P12),  c(N,N)],
];
#[rustfmt::skip]
const COSH: Table = [
    [c(INF,N), c(U,U), c(INF,0.),  c(INF,-0.), c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(U,U), c(U,U),     c(U,U),     c(U,U), c(N,N),   c(N,N)],
    [c(N,0.),  c(U,U), c(1.,0.),   c(1.,-0.),  c(U,U), c(N,0.),  c(N,0.)],
    [c(N,0.),  c(U,U), c(1.,-0.),  c(1.,0.),   c(U,U), c(N,0.),  c(N,0.)],
    [c(N,N),   c(U,U), c(U,U),     c(U,U),     c(U,U), c(N,N),   c(N,N)],
    [c(INF,N), c(U,U), c(INF,-0.), c(INF,0.),  c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,0.),    c(N,0.),    c(N,N), c(N,N),   c(N,N)],
];
#[rustfmt::skip]
const EXP: Table = [
    [c(0.,0.), c(U,U), c(0.,-0.),  c(0.,0.),  c(U,U), c(0.,0.), c(0.,0.)],
    [c(N,N),   c(U,U), c(U,U),     c(U,U),    c(U,U), c(N,N),   c(N,N)],
    [c(N,N),   c(U,U), c(1.,-0.),  c(1.,0.),  c(U,U), c(N,N),   c(N,N)],
    [c(N,N),   c(U,U), c(1.,-0.),  c(1.,0.),  c(U,U), c(N,N),   c(N,N)],
    [c(N,N),   c(U,U), c(U,U),     c(U,U),    c(U,U), c(N,N),   c(N,N)],
    [c(INF,N), c(U,U), c(INF,-0.), c(INF,0.), c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,-0.),   c(N,0.),   c(N,N), c(N,N),   c(N,N)],
];
#[rustfmt::skip]
const LOG: Table = [
    [c(INF,-P34), c(INF,-P),  c(INF,-P),   c(INF,P),   c(INF,P),  c(INF,P34), c(INF,N)],
    [c(INF,-P12), c(U,U),     c(U,U),      c(U,U),     c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),     c(-INF,-P),  c(-INF,P),  c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),     c(-INF,-0.), c(-INF,0.), c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P12), c(U,U),     c(U,U),      c(U,U),     c(U,U),    c(INF,P12), c(N,N)],
    [c(INF,-P14), c(INF,-0.), c(INF,-0.),  c(INF,0.),  c(INF,0.), c(INF,P14), c(INF,N)],
    [c(INF,N),    c(N,N),     c(N,N),      c(N,N),     c(N,N),    c(INF,N),   c(N,N)],
];
#[rustfmt::skip]
const SINH: Table = [
    [c(INF,N), c(U,U), c(-INF,-0.), c(-INF,0.), c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(U,U), c(U,U),      c(U,U),     c(U,U), c(N,N),   c(N,N)],
    [c(0.,N),  c(U,U), c(-0.,-0.),  c(-0.,0.),  c(U,U), c(0.,N),  c(0.,N)],
    [c(0.,N),  c(U,U), c(0.,-0.),   c(0.,0.),   c(U,U), c(0.,N),  c(0.,N)],
    [c(N,N),   c(U,U), c(U,U),      c(U,U),     c(U,U), c(N,N),   c(N,N)],
    [c(INF,N), c(U,U), c(INF,-0.),  c(INF,0.),  c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,-0.),    c(N,0.),    c(N,N), c(N,N),   c(N,N)],
];
#[rustfmt::skip]
const SQRT: Table = [
    [c(INF,-INF), c(0.,-INF), c(0.,-INF), c(0.,INF), c(0.,INF), c(INF,INF), c(N,INF)],
    [c(INF,-INF), c(U,U),     c(U,U),     c(U,U),    c(U,U),    c(INF,INF), c(N,N)],
    [c(INF,-INF), c(U,U),     c(0.,-0.),  c(0.,0.),  c(U,U),    c(INF,INF), c(N,N)],
    [c(INF,-INF), c(U,U),     c(0.,-0.),  c(0.,0.),  c(U,U),    c(INF,INF), c(N,N)],
    [c(INF,-INF), c(U,U),     c(U,U),     c(U,U),    c(U,U),    c(INF,INF), c(N,N)],
    [c(INF,-INF), c(INF,-0.), c(INF,-0.), c(INF,0.), c(INF,0.), c(INF,INF), c(INF,N)],
    [c(INF,-INF), c(N,N),     c(N,N),     c(N,N),    c(N,N),    c(INF,INF), c(N,N)],
];
#[rustfmt::skip]
const TANH: Table = [
    [c(-1.,0.), c(U,U), c(-1.,-0.), c(-1.,0.), c(U,U), c(-1.,0.), c(-1.,0.)],
    [c(N,N),    c(U,U), c(U,U),     c(U,U),    c(U,U), c(N,N),    c(N,N)],
    [c(N,N),    c(U,U), c(-0.,-0.), c(-0.,0.), c(U,U), c(N,N),    c(N,N)],
    [c(N,N),    c(U,U), c(0.,-0.),  c(0.,0.),  c(U,U), c(N,N),    c(N,N)],
    [c(N,N),    c(U,U), c(U,U),     c(U,U),    c(U,U), c(N,N),    c(N,N)],
    [c(1.,0.),  c(U,U), c(1.,-0.),  c(1.,0.),  c(U,U), c(1.,0.),  c(1.,0.)],
    [c(N,N),    c(N,N), c(N,-0.),   c(N,0.),   c(N,N), c(N,N),    c(N,N)],
];
#[rustfmt::skip]
const RECT: Table = [
    [c(INF,N), c(U,U), c(-INF,0.), c(-INF,-0.), c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(U,U), c(U,U),     c(U,U),      c(U,U), c(N,N),   c(N,N)],
    [c(0.,0.), c(U,U), c(-0.,0.),  c(-0.,-0.),  c(U,U), c(0.,0.), c(0.,0.)],
    [c(0.,0.), c(U,U), c(0.,-0.),  c(0.,0.),    c(U,U), c(0.,0.), c(0.,0.)],
    [c(N,N),   c(U,U), c(U,U),     c(U,U),      c(U,U), c(N,N),   c(N,N)],
    [c(INF,N), c(U,U), c(INF,-0.), c(INF,0.),   c(U,U), c(INF,N), c(INF,N)],
    [c(N,N),   c(N,N), c(N,0.),    c(N,0.),     c(N,N), c(N,N),   c(N,N)],
];

/// The table entry for `z` when a part of it is infinite or NaN.
fn special(z: Complex, table: &Table) -> Option<Out> {
    if z.re.is_finite() && z.im.is_finite() {
        return None;
    }
    Some((table[special_type(z.re)][special_type(z.im)], Errno::Ok))
}

fn neg(z: Complex) -> Complex {
    c(-z.re, -z.im)
}

/// `z` times -i after `f(i*z)`: the symmetry used by asin, atan, sin, tan.
fn via_hyperbolic(z: Complex, f: fn(Complex) -> Out) -> Out {
    let (s, e) = f(c(-z.im, z.re));
    (c(s.im, -s.re), e)
}

fn asinh_real(x: f64) -> f64 {
    super::math::glibc_asinh(x)
}

fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

fn ldexp(x: f64, e: i32) -> f64 {
    super::math::scalbn(x, e)
}

fn c_sqrt(z: Complex) -> Out {
    if let Some(r) = special(z, &SQRT) {
        return r;
    }
    if z.re == 0.0 && z.im == 0.0 {
        return (c(0.0, z.im), Errno::Ok);
    }
    let (mut ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if z.re >= 0.0 {
        c(s, d.copysign(z.im))
    } else {
        c(d, s.copysign(z.im))
    };
    (r, Errno::Ok)
}

fn c_acos(z: Complex) -> Out {
    if let Some(r) = special(z, &ACOS) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(
            z.im.abs().atan2(z.re),
            -((z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0).copysign(z.im),
        )
    } else {
        let s1 = c_sqrt(c(1.0 - z.re, -z.im)).0;
        let s2 = c_sqrt(c(1.0 + z.re, z.im)).0;
        c(
            2.0 * s1.re.atan2(s2.re),
            asinh_real(s2.re * s1.im - s2.im * s1.re),
        )
    };
    (r, Errno::Ok)
}

fn c_acosh(z: Complex) -> Out {
    if let Some(r) = special(z, &ACOSH) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        c(
            (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0,
            z.im.atan2(z.re),
        )
    } else {
        let s1 = c_sqrt(c(z.re - 1.0, z.im)).0;
        let s2 = c_sqrt(c(z.re + 1.0, z.im)).0;
        c(
            asinh_real(s1.re * s2.re + s1.im * s2.im),
            2.0 * s1.im.atan2(s2.re),
        )
    };
    (r, Errno::Ok)
}

fn c_asinh(z: Complex) -> Out {
    if let Some(r) = special(z, &ASINH) {
        return r;
    }
    let r = if z.re.abs() > LARGE_DOUBLE || z.im.abs() > LARGE_DOUBLE {
        let l = (z.re / 2.0).hypot(z.im / 2.0).ln() + LN_2 * 2.0;
        let re = if z.im >= 0.0 {
            l.copysign(z.re)
        } else {
            -l.copysign(-z.re)
        };
        c(re, z.im.atan2(z.re.abs()))
    } else {
        let s1 = c_sqrt(c(1.0 + z.im, -z.re)).0;
        let s2 = c_sqrt(c(1.0 - z.im, z.re)).0;
        c(
            asinh_real(s1.re * s2.im - s2.re * s1.im),
            z.im.atan2(s1.re * s2.re - s1.im * s2.im),
        )
    };
    (r, Errno::Ok)
}

fn c_asin(z: Complex) -> Out {
    via_hyperbolic(z, c_asinh)
}

fn c_atanh(z: Complex) -> Out {
    if let Some(r) = special(z, &ATANH) {
        return r;
    }
    if z.re < 0.0 {
        let (r, e) = c_atanh(neg(z));
        return (neg(r), e);
    }
    let ay = z.im.abs();
    if z.re > sqrt_large_double() || ay > sqrt_large_double() {
        let h = (z.re / 2.0).hypot(z.im / 2.0);
        return (c(z.re / 4.0 / h / h, FRAC_PI_2.copysign(z.im)), Errno::Ok);
    }
    if z.re == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (c(INF, z.im), Errno::Dom);
        }
        return (
            c(
                -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                (2.0f64.atan2(-ay) / 2.0).copysign(z.im),
            ),
            Errno::Ok,
        );
    }
    let re = log1p(4.0 * z.re / ((1.0 - z.re) * (1.0 - z.re) + ay * ay)) / 4.0;
    let im = -(-2.0 * z.im).atan2((1.0 - z.re) * (1.0 + z.re) - ay * ay) / 2.0;
    (c(re, im), Errno::Ok)
}

fn c_atan(z: Complex) -> Out {
    via_hyperbolic(z, c_atanh)
}

/// `cosh` and `sinh` share their shape: `(cos(y)*f(x), sin(y)*g(x))`.
fn c_cosh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(INF.copysign(z.im.cos()), -INF.copysign(z.im.sin()))
            }
        } else {
            COSH[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x.cosh() * E, z.im.sin() * x.sinh() * E)
    } else {
        c(z.im.cos() * z.re.cosh(), z.im.sin() * z.re.sinh())
    };
    (r, overflowed(r))
}

fn c_sinh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(-INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            }
        } else {
            SINH[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && !z.re.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        let x = z.re - 1.0f64.copysign(z.re);
        c(z.im.cos() * x.sinh() * E, z.im.sin() * x.cosh() * E)
    } else {
        c(z.im.cos() * z.re.sinh(), z.im.sin() * z.re.cosh())
    };
    (r, overflowed(r))
}

fn overflowed(r: Complex) -> Errno {
    if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    }
}

fn c_cos(z: Complex) -> Out {
    c_cosh(c(-z.im, z.re))
}

fn c_sin(z: Complex) -> Out {
    via_hyperbolic(z, c_sinh)
}

fn c_tanh(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            let im = 0.0f64.copysign(2.0 * z.im.sin() * z.im.cos());
            c(if z.re > 0.0 { 1.0 } else { -1.0 }, im)
        } else {
            TANH[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && z.re.is_finite() {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re.abs() > log_large_double() {
        c(
            1.0f64.copysign(z.re),
            4.0 * z.im.sin() * z.im.cos() * (-2.0 * z.re.abs()).exp(),
        )
    } else {
        let tx = z.re.tanh();
        let ty = z.im.tan();
        let cx = 1.0 / z.re.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Errno::Ok)
}

fn c_tan(z: Complex) -> Out {
    via_hyperbolic(z, c_tanh)
}

fn c_exp(z: Complex) -> Out {
    if !z.re.is_finite() || !z.im.is_finite() {
        let r = if z.re.is_infinite() && z.im.is_finite() && z.im != 0.0 {
            if z.re > 0.0 {
                c(INF.copysign(z.im.cos()), INF.copysign(z.im.sin()))
            } else {
                c(0.0f64.copysign(z.im.cos()), 0.0f64.copysign(z.im.sin()))
            }
        } else {
            EXP[special_type(z.re)][special_type(z.im)]
        };
        let e = if z.im.is_infinite() && (z.re.is_finite() || z.re == INF) {
            Errno::Dom
        } else {
            Errno::Ok
        };
        return (r, e);
    }
    let r = if z.re > log_large_double() {
        let l = super::math::platform_exp(z.re - 1.0);
        c(l * z.im.cos() * E, l * z.im.sin() * E)
    } else {
        let l = super::math::platform_exp(z.re);
        c(l * z.im.cos(), l * z.im.sin())
    };
    (r, overflowed(r))
}

fn c_log(z: Complex) -> Out {
    if let Some(r) = special(z, &LOG) {
        return r;
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let re = if ax > LARGE_DOUBLE || ay > LARGE_DOUBLE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return (c(-INF, z.im.atan2(z.re)), Errno::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            log1p((am - 1.0) * (am + 1.0) + an * an) / 2.0
        } else {
            h.ln()
        }
    };
    (c(re, z.im.atan2(z.re)), Errno::Ok)
}

fn c_log10(z: Complex) -> Out {
    let (r, e) = c_log(z);
    (c(r.re / LN_10, r.im / LN_10), e)
}

// ---------------------------------------------------------------------------------------
// The Python functions
// ---------------------------------------------------------------------------------------

fn math_error(e: Errno) -> PyErr {
    match e {
        Errno::Range => overflow_error("math range error"),
        _ => value_error("math domain error"),
    }
}

/// `PyComplex_AsCComplex`: a complex, an object with `__complex__`, or a real number.
fn complex_arg(vm: &mut Vm<'_>, v: &Value) -> PyResult<Complex> {
    if let Value::Complex(z) = v {
        return Ok(**z);
    }
    if let Some(Value::Complex(z)) = crate::builtins::subclass::base_value(v) {
        if let Value::Instance(inst) = v {
            let own = inst.class.lookup("__complex__");
            let inherited = crate::vm::types::types().complex.lookup("__complex__");
            if matches!((&own, &inherited), (Some(a), Some(b)) if a.is(b)) {
                return Ok(*z);
            }
        }
    }
    if let Value::Instance(inst) = v {
        if let Some(f) = inst.class.lookup("__complex__") {
            return match vm.call1(&f, v.clone())? {
                Value::Complex(z) => Ok(*z),
                other => Err(type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&other)
                ))),
            };
        }
    }
    Ok(c(super::math::real(vm, v)?, 0.0))
}

/// The one argument of `cmath.name` (positional only).
fn one(vm: &mut Vm<'_>, name: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<Complex> {
    let qualified = format!("cmath.{name}");
    no_kwargs(&qualified, kwargs)?;
    if args.len() != 1 {
        return Err(type_error(format!(
            "{qualified}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    complex_arg(vm, &args[0])
}

/// Complex functions of one complex argument: `name: implementation;`.
macro_rules! complex_functions {
    ($($name:ident: $func:ident;)*) => {
        $(
            fn $name(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                let z = one(vm, stringify!($name), &args, &kwargs)?;
                match $func(z) {
                    (r, Errno::Ok) => Ok(Value::complex(r.re, r.im)),
                    (_, e) => Err(math_error(e)),
                }
            }
        )*
    };
}

complex_functions! {
    acos: c_acos;
    acosh: c_acosh;
    asin: c_asin;
    asinh: c_asinh;
    atan: c_atan;
    atanh: c_atanh;
    cos: c_cos;
    cosh: c_cosh;
    exp: c_exp;
    log10: c_log10;
    sin: c_sin;
    sinh: c_sinh;
    sqrt: c_sqrt;
    tan: c_tan;
    tanh: c_tanh;
}

/// `log(z[, base])`: errno is C's, so the base's log resets a domain error of `z`'s
/// (`log(0, 2)` is `-inf+nanj`, as in CPython) and only a zero divisor counts after it.
fn log(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("log", &kwargs)?;
    check_args("log", &args, 1, 2)?;
    let x = complex_arg(vm, &args[0])?;
    let (mut r, mut errno) = c_log(x);
    if let Some(base) = args.get(1) {
        let y = complex_arg(vm, base)?;
        let (ly, e) = c_log(y);
        errno = e;
        match crate::builtins::complex::quot(r, ly) {
            Some(q) => r = q,
            None => {
                r = c(0.0, 0.0);
                errno = Errno::Dom;
            }
        }
    }
    if errno != Errno::Ok {
        return Err(math_error(errno));
    }
    Ok(Value::complex(r.re, r.im))
}

/// `phase(z)`: `atan2`, whose glibc wrapper reports ERANGE when a nonzero `y` over a
/// finite `x` underflows to zero (CPython passes that on as OverflowError).
fn phase(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let z = one(vm, "phase", &args, &kwargs)?;
    let phi = z.im.atan2(z.re);
    if phi == 0.0 && z.im != 0.0 && z.re.is_finite() {
        return Err(math_error(Errno::Range));
    }
    Ok(Value::Float(phi))
}

fn polar(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let z = one(vm, "polar", &args, &kwargs)?;
    let phi = z.im.atan2(z.re);
    let r = crate::builtins::complex::abs(z).map_err(|_| math_error(Errno::Range))?;
    Ok(Value::tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn rect(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("rect", &kwargs)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "rect expected 2 arguments, got {}",
            args.len()
        )));
    }
    let r = super::math::real(vm, &args[0])?;
    let phi = super::math::real(vm, &args[1])?;
    let z = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                c(INF.copysign(phi.cos()), INF.copysign(phi.sin()))
            } else {
                c(-INF.copysign(phi.cos()), -INF.copysign(phi.sin()))
            }
        } else {
            RECT[special_type(r)][special_type(phi)]
        };
        if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            return Err(math_error(Errno::Dom));
        }
        z
    } else if phi == 0.0 {
        c(r, r * phi)
    } else {
        c(r * phi.cos(), r * phi.sin())
    };
    Ok(Value::complex(z.re, z.im))
}

fn isfinite(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let z = one(vm, "isfinite", &args, &kwargs)?;
    Ok(Value::Bool(z.re.is_finite() && z.im.is_finite()))
}

fn isnan(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let z = one(vm, "isnan", &args, &kwargs)?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

fn isinf(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let z = one(vm, "isinf", &args, &kwargs)?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm<'_>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let mut args = args;
    for (i, name) in ["a", "b"].iter().enumerate() {
        if let Some(v) = take_kwarg(&mut kwargs, name) {
            if args.len() > i {
                return Err(type_error(format!(
                    "argument for isclose() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            args.push(v);
        }
    }
    let rel_tol = take_kwarg(&mut kwargs, "rel_tol");
    let abs_tol = take_kwarg(&mut kwargs, "abs_tol");
    crate::builtins::reject_kwargs("isclose", &kwargs)?;
    if args.len() > 2 {
        return Err(type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    if args.len() < 2 {
        let (name, pos) = if args.is_empty() { ("a", 1) } else { ("b", 2) };
        return Err(type_error(format!(
            "isclose() missing required argument '{name}' (pos {pos})"
        )));
    }
    let a = complex_arg(vm, &args[0])?;
    let b = complex_arg(vm, &args[1])?;
    let rel_tol = match rel_tol {
        Some(v) => super::math::real(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(v) => super::math::real(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if a.re == b.re && a.im == b.im {
        return Ok(Value::Bool(true));
    }
    if a.re.is_infinite() || a.im.is_infinite() || b.re.is_infinite() || b.im.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let abs = |z: Complex| crate::builtins::complex::abs(z).unwrap_or(INF);
    let diff = abs(c(a.re - b.re, a.im - b.im));
    Ok(Value::Bool(
        diff <= rel_tol * abs(b) || diff <= rel_tol * abs(a) || diff <= abs_tol,
    ))
}

pub(crate) fn module() -> Rc<Module> {
    let m = new_module("cmath");
    {
        let mut attrs = m.attrs.borrow_mut();
        for (name, value) in [("pi", PI), ("e", E), ("tau", TAU), ("inf", INF), ("nan", N)] {
            attrs.insert(name.into(), Value::Float(value));
        }
        attrs.insert("infj".into(), Value::complex(0.0, INF));
        attrs.insert("nanj".into(), Value::complex(0.0, N));
        let functions: &[(&'static str, NativeFn)] = &[
            ("acos", acos),
            ("acosh", acosh),
            ("asin", asin),
            ("asinh", asinh),
            ("atan", atan),
            ("atanh", atanh),
            ("cos", cos),
            ("cosh", cosh),
            ("exp", exp),
            ("isclose", isclose),
            ("isfinite", isfinite),
            ("isinf", isinf),
            ("isnan", isnan),
            ("log", log),
            ("log10", log10),
            ("phase", phase),
            ("polar", polar),
            ("rect", rect),
            ("sin", sin),
            ("sinh", sinh),
            ("sqrt", sqrt),
            ("tan", tan),
            ("tanh", tanh),
        ];
        for &(name, func) in functions {
            attrs.insert(name.into(), native(name, func));
        }
    }
    m
}
