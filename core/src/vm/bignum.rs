//! Big-int arithmetic that cannot freeze the host: multiplication, division, powers,
//! square roots and gcds of multi-megabit ints, cut into pieces with a poll between them.
//!
//! num-bigint does the arithmetic, but one call of it cannot be interrupted: squaring a
//! 30-million-bit int takes about a second natively and several in wasm, and
//! `7 ** 20_000_000` is some twenty such calls. This file splits every operation whose
//! operands pass [`PIECE_BITS`] into num-bigint calls on operands of at most that size
//! and charges each piece's work ([`Vm::charge`]), so such a computation yields to the
//! event loop, is stopped by `interrupt()` and meets the run's limits like a Python loop.
//!
//! Invariant: no num-bigint multiplication here sees an operand over [`PIECE_BITS`],
//! and no num-bigint division a dividend over `2 * PIECE_BITS` or a divisor over
//! [`PIECE_BITS`]: the longest stretch without a poll is one such piece (measured in the
//! README's reliability section). Below the threshold the operations are num-bigint's own,
//! unchanged, plus a charge proportional to their work.
//!
//! ```text
//!   multiply a x b  (|a| >= |b|)
//!     |a| <= P                 one num-bigint call
//!     |b| <= P < |a|           a cut in P-bit chunks a_i:     sum (a_i x b) << i*P
//!     P < |b|, |a| >= 2|b|     a cut in |b|-bit chunks, each multiplied by b (balanced)
//!     P < |b| <= |a| < 2|b|    Karatsuba: a = a1 2^h + a0, b = b1 2^h + b0,
//!                              a b = z2 2^2h + (z1 - z2 - z0) 2^h + z0
//!                              z2 = a1 b1, z0 = a0 b0, z1 = (a1 + a0)(b1 + b0)
//!   divide a by b: schoolbook long division whose "digits" are D = P - 1 bits
//!     r = leading bits of a (< b); for each D-bit chunk c of a, top down:
//!       r' = r 2^D + c;  q_i = r' / b  (< 2^D);  r = r' - q_i b
//!     |b| <= P: q_i by one num-bigint division of a (P + D)-bit number;
//!     |b| > P:  q_i estimated from b's top P bits, b_top = b >> s:
//!               q^ = (r' >> s) / b_top, and q_i <= q^ <= q_i + 2 (because D < P), so
//!               at most two corrections: while q^ b > r': q^ -= 1
//! ```
//! The piece size trades speed for responsiveness: 2^21 bits keeps the longest piece
//! near 150 ms in wasm; 2^22 made huge products about a quarter faster and tripled that
//! (measured in the README's "Long native operations poll too").

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::{PyResult, Vm};

/// Operand size (bits) above which an operation is cut into pieces (small in unit tests,
/// so that they reach every path with small numbers).
#[cfg(not(test))]
pub(crate) const PIECE_BITS: u64 = 1 << 21;
#[cfg(test)]
pub(crate) const PIECE_BITS: u64 = 130;
/// Bits of quotient found per long-division step; less than [`PIECE_BITS`] so that an
/// estimate from a divisor's top [`PIECE_BITS`] bits is at most 2 too large.
const DIGIT_BITS: u64 = PIECE_BITS - 1;

/// Where the work is counted: the [`Vm`], whose charge polls the host.
pub(crate) trait Meter {
    fn charge(&mut self, work: usize) -> PyResult<()>;
}

impl Meter for Vm<'_> {
    fn charge(&mut self, work: usize) -> PyResult<()> {
        Vm::charge(self, work)
    }
}

/// Limb products per num-bigint modpow call (about what one product of two
/// [`PIECE_BITS`]-bit numbers costs).
const MODPOW_WORK: u64 = 1 << 27;

/// Charge the work of a product (or division) of `a_bits`- by `b_bits`-bit numbers:
/// about one step per 64 limb products, so a loop of mid-sized big-int operations polls
/// as often as a loop of small ones.
fn charge(vm: &mut impl Meter, a_bits: u64, b_bits: u64) -> PyResult<()> {
    let work = (a_bits / 64 + 1).saturating_mul(b_bits / 64 + 1) / 64;
    vm.charge(usize::try_from(work).unwrap_or(usize::MAX))
}

/// `value`'s bits `[from, from + len)`.
fn bits_of(value: &BigUint, from: u64, len: u64) -> BigUint {
    let shifted = value >> from;
    if shifted.bits() <= len {
        shifted
    } else {
        shifted & ((BigUint::one() << len) - 1u32)
    }
}

/// `value` cut into `width`-bit chunks, least significant first.
fn chunks(value: &BigUint, width: u64) -> Vec<BigUint> {
    (0..value.bits().div_ceil(width))
        .map(|i| bits_of(value, i * width, width))
        .collect()
}

/// `a * b` of magnitudes, in pieces (see the module diagram).
pub(crate) fn mul_magnitude(vm: &mut impl Meter, a: &BigUint, b: &BigUint) -> PyResult<BigUint> {
    let (a, b) = if a.bits() >= b.bits() { (a, b) } else { (b, a) };
    let (a_bits, b_bits) = (a.bits(), b.bits());
    if a_bits <= PIECE_BITS || b_bits == 0 {
        charge(vm, a_bits, b_bits)?;
        return Ok(a * b);
    }
    if b_bits <= PIECE_BITS || a_bits >= 2 * b_bits {
        let width = b_bits.max(PIECE_BITS);
        let mut product = BigUint::zero();
        for (i, chunk) in chunks(a, width).iter().enumerate() {
            let part = mul_magnitude(vm, chunk, b)?;
            product += part << (i as u64 * width);
        }
        return Ok(product);
    }
    let half = a_bits / 2;
    let (a1, a0) = (a >> half, bits_of(a, 0, half));
    let (b1, b0) = (b >> half, bits_of(b, 0, half));
    let z2 = mul_magnitude(vm, &a1, &b1)?;
    let z0 = mul_magnitude(vm, &a0, &b0)?;
    let z1 = mul_magnitude(vm, &(a1 + a0), &(b1 + b0))? - &z2 - &z0;
    Ok((z2 << (2 * half)) + (z1 << half) + z0)
}

/// `a * b`.
pub(crate) fn mul(vm: &mut impl Meter, a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    let magnitude = mul_magnitude(vm, a.magnitude(), b.magnitude())?;
    Ok(BigInt::from_biguint(a.sign() * b.sign(), magnitude))
}

/// `(a / b, a % b)` of magnitudes, `b` non-zero, by long division in pieces.
pub(crate) fn div_rem_magnitude(
    vm: &mut impl Meter,
    a: &BigUint,
    b: &BigUint,
) -> PyResult<(BigUint, BigUint)> {
    let (a_bits, b_bits) = (a.bits(), b.bits());
    if a < b {
        return Ok((BigUint::zero(), a.clone()));
    }
    let quotient_bits = a_bits - b_bits + 1;
    if b_bits <= PIECE_BITS && quotient_bits <= DIGIT_BITS {
        charge(vm, b_bits, quotient_bits)?;
        return Ok(a.div_rem(b));
    }
    // The divisor's top bits, for estimating each quotient digit when b is too large to
    // divide by in one piece.
    let shift = b_bits.saturating_sub(PIECE_BITS);
    let b_top = b >> shift;
    let steps = quotient_bits.div_ceil(DIGIT_BITS);
    let mut remainder = a >> (steps * DIGIT_BITS);
    let mut quotient = BigUint::zero();
    for step in (0..steps).rev() {
        let partial = (remainder << DIGIT_BITS) | bits_of(a, step * DIGIT_BITS, DIGIT_BITS);
        let digit = if shift == 0 {
            charge(vm, b_bits, DIGIT_BITS)?;
            let (digit, rest) = partial.div_rem(b);
            remainder = rest;
            digit
        } else {
            charge(vm, PIECE_BITS, DIGIT_BITS)?;
            let mut digit = (&partial >> shift) / &b_top;
            let mut product = mul_magnitude(vm, &digit, b)?;
            while product > partial {
                digit -= 1u32;
                product -= b;
            }
            remainder = partial - product;
            digit
        };
        quotient = (quotient << DIGIT_BITS) | digit;
    }
    Ok((quotient, remainder))
}

/// Python's floor division and modulo: `(a // b, a % b)`, `b` non-zero; the remainder
/// takes the divisor's sign.
pub(crate) fn div_mod_floor(
    vm: &mut impl Meter,
    a: &BigInt,
    b: &BigInt,
) -> PyResult<(BigInt, BigInt)> {
    if a.bits() <= PIECE_BITS && b.bits() <= PIECE_BITS {
        charge(vm, b.bits(), (a.bits() + 1).saturating_sub(b.bits()))?;
        return Ok(a.div_mod_floor(b));
    }
    let (q, r) = div_rem_magnitude(vm, a.magnitude(), b.magnitude())?;
    let opposite = a.sign() != b.sign() && !a.is_zero();
    let (q, r) = if !opposite {
        (BigInt::from(q), r)
    } else if r.is_zero() {
        (-BigInt::from(q), r)
    } else {
        (-BigInt::from(q + 1u32), b.magnitude() - r)
    };
    let r = BigInt::from_biguint(b.sign(), r);
    Ok((q, r))
}

/// `base ** exponent` (left-to-right binary powering: each step squares, and multiplies
/// by `base` where the exponent has a 1 bit).
pub(crate) fn pow(vm: &mut impl Meter, base: &BigInt, exponent: u64) -> PyResult<BigInt> {
    let result_bits = base.bits().saturating_mul(exponent);
    if result_bits <= PIECE_BITS {
        charge(vm, result_bits, result_bits)?;
        return Ok(num_traits::pow(base.clone(), exponent as usize));
    }
    let magnitude = base.magnitude();
    let mut result = magnitude.clone();
    for bit in (0..63 - exponent.leading_zeros()).rev() {
        result = mul_magnitude(vm, &result, &result)?;
        if exponent >> bit & 1 == 1 {
            result = mul_magnitude(vm, &result, magnitude)?;
        }
    }
    let sign = if base.sign() == Sign::Minus && exponent % 2 == 1 {
        Sign::Minus
    } else {
        Sign::Plus
    };
    Ok(BigInt::from_biguint(sign, result))
}

/// `base ** exponent % modulus` for `0 <= base < modulus` and `exponent >= 0`: num-bigint's
/// modpow on slices of the exponent, so that each call's work stays bounded.
pub(crate) fn modpow(
    vm: &mut impl Meter,
    base: &BigInt,
    exponent: &BigInt,
    modulus: &BigInt,
) -> PyResult<BigInt> {
    let modulus_bits = modulus.bits();
    if modulus_bits > PIECE_BITS {
        // Too large for one num-bigint product: square and multiply in pieces.
        let mut result = BigInt::one() % modulus;
        for bit in (0..exponent.bits()).rev() {
            let square = mul(vm, &result, &result)?;
            result = div_mod_floor(vm, &square, modulus)?.1;
            if exponent.bit(bit) {
                let product = mul(vm, &result, base)?;
                result = div_mod_floor(vm, &product, modulus)?.1;
            }
        }
        return Ok(result);
    }
    // Exponent bits per modpow call: each costs about MODPOW_WORK limb products.
    let limbs = modulus_bits.div_ceil(64);
    let slice = (MODPOW_WORK / (limbs * limbs)).clamp(1, 1 << 20);
    let mut result = BigInt::one() % modulus;
    let exponent = exponent.magnitude();
    let slices = exponent.bits().div_ceil(slice);
    for i in (0..slices).rev() {
        let bits = bits_of(exponent, i * slice, slice);
        if i + 1 < slices {
            result = result.modpow(&(BigInt::one() << slice), modulus);
        }
        result = result * base.modpow(&BigInt::from(bits), modulus) % modulus;
        charge(vm, modulus_bits * slice, modulus_bits)?;
    }
    Ok(result)
}

/// `isqrt(n)` of a non-negative `n`: Newton's iteration with the divisions in pieces.
pub(crate) fn isqrt(vm: &mut impl Meter, n: &BigInt) -> PyResult<BigInt> {
    if n.bits() <= PIECE_BITS {
        charge(vm, n.bits(), n.bits())?;
        return Ok(n.sqrt());
    }
    // Start above the root; each step x' = (x + n / x) / 2 decreases until x' >= x.
    let mut x = BigInt::one() << n.bits().div_ceil(2);
    loop {
        let (q, _) = div_mod_floor(vm, n, &x)?;
        let next = (&x + q) >> 1u32;
        if next >= x {
            return Ok(x);
        }
        x = next;
    }
}

/// `gcd(a, b)` of any ints (non-negative result): Euclid's algorithm with the divisions
/// in pieces once the numbers are large, num-integer's below.
pub(crate) fn gcd(vm: &mut impl Meter, a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b.bits() > PIECE_BITS / 64 {
        let r = div_mod_floor(vm, &a, &b)?.1;
        a = b;
        b = r;
    }
    charge(vm, a.bits(), b.bits())?;
    Ok(a.gcd(&b))
}

#[cfg(test)]
mod tests {
    //! Every path, with [`PIECE_BITS`] small, against num-bigint's own results.
    use super::*;

    /// Counts charges; never interrupts.
    #[derive(Default)]
    struct Count(usize);

    impl Meter for Count {
        fn charge(&mut self, _work: usize) -> PyResult<()> {
            self.0 += 1;
            Ok(())
        }
    }

    /// Deterministic pseudo-random ints of the given sizes, both signs.
    fn samples() -> Vec<BigInt> {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut out = Vec::new();
        for bits in [
            0u64, 1, 7, 64, 129, 130, 131, 200, 259, 260, 261, 400, 777, 1500, 3000,
        ] {
            let mut words = Vec::new();
            for _ in 0..bits.div_ceil(32) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                words.push(state as u32);
            }
            let magnitude = bits_of(&BigUint::new(words), 0, bits);
            // Also all ones, the worst case for a digit estimate.
            let ones = (BigUint::one() << bits) - 1u32;
            for m in [magnitude, ones] {
                out.push(BigInt::from(m.clone()));
                out.push(-BigInt::from(m));
            }
        }
        out
    }

    #[test]
    fn products_in_pieces_equal_num_bigints() {
        let mut meter = Count::default();
        for a in samples() {
            for b in samples() {
                assert_eq!(mul(&mut meter, &a, &b).ok().unwrap(), &a * &b, "{a} * {b}");
            }
        }
        assert!(meter.0 > 0);
    }

    #[test]
    fn floor_division_in_pieces_equals_num_bigints() {
        let mut meter = Count::default();
        for a in samples() {
            for b in samples().into_iter().filter(|b| !b.is_zero()) {
                let got = div_mod_floor(&mut meter, &a, &b).ok().unwrap();
                assert_eq!(got, a.div_mod_floor(&b), "{a} divmod {b}");
            }
        }
    }

    #[test]
    fn powers_roots_and_gcds_in_pieces_equal_num_bigints() {
        let mut meter = Count::default();
        for base in [2, 3, -7, 12345] {
            let base = BigInt::from(base);
            for e in [0u64, 1, 2, 17, 40, 333] {
                let expected = num_traits::pow(base.clone(), e as usize);
                assert_eq!(pow(&mut meter, &base, e).ok().unwrap(), expected);
            }
        }
        for n in samples().into_iter().filter(|n| !n.is_negative()) {
            assert_eq!(isqrt(&mut meter, &n).ok().unwrap(), n.sqrt(), "isqrt({n})");
        }
        let all = samples();
        for a in &all {
            for b in &all {
                assert_eq!(
                    gcd(&mut meter, a, b).ok().unwrap(),
                    a.gcd(b),
                    "gcd({a}, {b})"
                );
            }
        }
        for modulus in all.iter().filter(|m| m.is_positive()) {
            for base in all.iter().take(12) {
                let base = base.mod_floor(modulus);
                for exponent in [&BigInt::from(0), &BigInt::from(5), &all[20], &all[27]] {
                    let exponent = exponent.abs();
                    assert_eq!(
                        modpow(&mut meter, &base, &exponent, modulus).ok().unwrap(),
                        base.modpow(&exponent, modulus),
                        "pow({base}, {exponent}, {modulus})"
                    );
                }
            }
        }
    }
}
