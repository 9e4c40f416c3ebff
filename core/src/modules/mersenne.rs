//! CPython 3.11's `random` module, on plain Rust values: the MT19937 generator of
//! `Modules/_randommodule.c` and the algorithms of `Lib/random.py` built on it.
//!
//! Exposes [`MersenneTwister`] (seeding from ints, floats, str, bytes or host entropy;
//! `random()`, `getrandbits()`, `_randbelow()`, `randbytes()`, `gauss()`) and free functions
//! for the sequence and integer methods, expressed over indices so the interpreter can apply
//! them to any sequence: [`randrange`], [`randint`], [`choice_index`], [`shuffle`],
//! [`shuffle_with`], [`sample_indices`], [`choices_indices`], [`weighted_choices_indices`],
//! [`uniform`].
//!
//! Invariant: for the same seed, every function consumes exactly the 32-bit words CPython
//! consumes, in the same order, and returns the value CPython returns — so a program's whole
//! stream of random values is bit-identical to CPython's. Error messages are CPython's.
//!
//! What the caller does (argument conversion happens in `random.py` before these algorithms):
//! - `random.seed(None)` / a fresh `Random()`: CPython reads 624 words from `os.urandom` and
//!   calls `init_by_array` with all of them; pass host entropy to [`MersenneTwister::from_words`].
//! - `random.seed(x)` replaces the whole state (and forgets a pending `gauss` value): build a
//!   new generator with the matching `from_*` constructor (`bool` seeds are ints).
//!   `seed(x, version=1)` for str/bytes and `getstate`/`setstate` are not supported.
//! - `getrandbits(k)`: a negative `k` raises `ValueError(NEGATIVE_BITS_MESSAGE)`, a `k` above
//!   `i32::MAX` raises `OverflowError("Python int too large to convert to C int")`.
//!   `randbytes(n)` is `getrandbits(n * 8)`, so the same rules apply to `n * 8`.
//! - Float arguments to `randrange` that are integral are accepted by CPython with a
//!   `DeprecationWarning`; otherwise `ValueError("non-integer arg 1 for randrange()")`
//!   (`stop`/`step` for the other positions). Convert before calling [`randrange`].
//! - `sample(population, k)` with a negative `k` raises
//!   `ValueError(SAMPLE_SIZE_MESSAGE)`, like a `k` above the population size.
//! - `choices(..., k)` with a negative `k` returns `[]`: pass 0.

use std::collections::HashSet;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// `ValueError` text of `getrandbits` with a negative bit count.
pub(crate) const NEGATIVE_BITS_MESSAGE: &str = "number of bits must be non-negative";
/// `ValueError` text of `sample` with `k` negative or above the population size.
pub(crate) const SAMPLE_SIZE_MESSAGE: &str = "Sample larger than population or is negative";

/// The Python exception a `random` method raises; the string is the exception's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RandomError {
    Value(String),
    Index(String),
    Type(String),
    /// CPython raises a bare `MemoryError` when the result list cannot be allocated.
    Memory,
}

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// One `random.Random` instance: the MT19937 state plus the spare value `gauss` keeps.
#[derive(Clone)]
pub(crate) struct MersenneTwister {
    state: Box<[u32; N]>,
    index: usize,
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for MersenneTwister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MersenneTwister")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl MersenneTwister {
    /// `init_genrand`: the reference generator's seeding from one word.
    fn from_word(seed: u32) -> Self {
        let mut state = Box::new([0u32; N]);
        state[0] = seed;
        for i in 1..N {
            let prev = state[i - 1];
            state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        MersenneTwister {
            state,
            index: N,
            gauss_next: None,
        }
    }

    /// `init_by_array`, the seeding every CPython seed path ends in. An empty key is
    /// treated as `[0]`, which is what CPython passes for a zero seed.
    pub(crate) fn from_words(key: &[u32]) -> Self {
        let key: &[u32] = if key.is_empty() { &[0] } else { key };
        let mut mt = Self::from_word(19_650_218);
        let s = &mut mt.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = s[i - 1];
            s[i] = (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = s[i - 1];
            s[i] =
                (s[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        mt
    }

    /// `random.seed(n)` for an int `n`: CPython seeds with `abs(n)` split into 32-bit
    /// words, least significant first.
    pub(crate) fn from_seed(seed: &BigInt) -> Self {
        Self::from_words(&seed.magnitude().to_u32_digits())
    }

    /// `random.seed(x)` for a float: CPython seeds with `hash(x)` reinterpreted as an
    /// unsigned 64-bit word (so `seed(-5.0)` differs from `seed(-5)`). A NaN hashes by
    /// object identity in CPython 3.11, so no seed is reproducible there; 0 is used.
    pub(crate) fn from_float_seed(x: f64) -> Self {
        Self::from_seed(&BigInt::from(float_hash(x) as u64))
    }

    /// `random.seed(s)` for a str (version 2): the int whose big-endian bytes are the
    /// UTF-8 text followed by its SHA-512 digest.
    pub(crate) fn from_str_seed(s: &str) -> Self {
        Self::from_bytes_seed(s.as_bytes())
    }

    /// `random.seed(b)` for bytes or bytearray (version 2), as for str.
    pub(crate) fn from_bytes_seed(bytes: &[u8]) -> Self {
        let mut material = bytes.to_vec();
        material.extend_from_slice(&sha512(bytes));
        Self::from_words(&BigUint::from_bytes_be(&material).to_u32_digits())
    }

    /// `genrand_uint32`: the next tempered output word.
    pub(crate) fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.regenerate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn regenerate(&mut self) {
        let s = &mut self.state;
        let twist = |upper: u32, lower: u32, far: u32| {
            let y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
            far ^ (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 }
        };
        for k in 0..N - M {
            s[k] = twist(s[k], s[k + 1], s[k + M]);
        }
        for k in N - M..N - 1 {
            s[k] = twist(s[k], s[k + 1], s[k + M - N]);
        }
        s[N - 1] = twist(s[N - 1], s[0], s[M - 1]);
        self.index = 0;
    }

    /// `random.random()`: 53 random bits from two words (27 + 26), in `[0.0, 1.0)`.
    pub(crate) fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// The words of `getrandbits(k)`, least significant first; the last word drawn keeps
    /// only its top bits, as in CPython.
    fn bit_words(&mut self, k: u32) -> Vec<u32> {
        if k == 0 {
            return Vec::new();
        }
        let count = (k - 1) / 32 + 1;
        let mut remaining = k;
        (0..count)
            .map(|_| {
                let word = self.next_u32();
                let kept = if remaining < 32 {
                    word >> (32 - remaining)
                } else {
                    word
                };
                remaining = remaining.saturating_sub(32);
                kept
            })
            .collect()
    }

    /// `random.getrandbits(k)`: a uniform int in `[0, 2**k)`.
    pub(crate) fn getrandbits(&mut self, k: u32) -> BigUint {
        BigUint::new(self.bit_words(k))
    }

    /// `getrandbits(k)` for `k <= 64`, without allocating.
    fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => u64::from(self.next_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.next_u32());
                let high = u64::from(self.next_u32() >> (64 - k.min(64)));
                low | (high << 32)
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)` for `n` that fits a word pair: draw
    /// `n.bit_length()` bits until the value is below `n`. Returns 0 for `n == 0`, where
    /// CPython would loop forever (no public method reaches that).
    pub(crate) fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)`: a uniform int in `[0, n)`. Returns 0 for `n == 0`.
    pub(crate) fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow_u64(small));
        }
        let k = u32::try_from(n.bits()).unwrap_or(u32::MAX);
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        // usize is at most 64 bits on every target, and the result is below n.
        self.randbelow_u64(n as u64) as usize
    }

    /// `random.randbytes(n)`: `getrandbits(n * 8)` as `n` little-endian bytes.
    pub(crate) fn randbytes(&mut self, n: u32) -> Vec<u8> {
        let words = self.bit_words(n.saturating_mul(8));
        let mut bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        bytes.truncate(n as usize);
        bytes
    }

    /// `random.gauss(mu, sigma)`: Box–Muller pairs, the second value kept for the next call.
    /// Uses the platform's `cos`/`sin`/`ln`; glibc's match CPython on Linux, other libms
    /// may differ in the last bit on rare inputs.
    pub(crate) fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }
}

/// `random.randrange(start, stop, step)` on ints. Pass `stop = None` and `step = 1` for
/// `randrange(n)`; CPython rejects any other step without a stop (it tests `step is 1`).
pub(crate) fn randrange(
    mt: &mut MersenneTwister,
    start: &BigInt,
    stop: Option<&BigInt>,
    step: &BigInt,
) -> Result<BigInt, RandomError> {
    let empty = || RandomError::Value("empty range for randrange()".to_string());
    let Some(stop) = stop else {
        if !step.is_one() {
            return Err(RandomError::Type(
                "Missing a non-None stop argument".to_string(),
            ));
        }
        return match start.to_biguint() {
            Some(n) if !n.is_zero() => Ok(BigInt::from(mt.randbelow(&n))),
            _ => Err(empty()),
        };
    };
    let width = stop - start;
    if step.is_one() {
        return match width.to_biguint() {
            Some(n) if !n.is_zero() => Ok(start + BigInt::from(mt.randbelow(&n))),
            _ => Err(RandomError::Value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            ))),
        };
    }
    let count = match step.sign() {
        Sign::Plus => (&width + step - 1u32).div_floor(step),
        Sign::Minus => (&width + step + 1u32).div_floor(step),
        Sign::NoSign => return Err(RandomError::Value("zero step for randrange()".to_string())),
    };
    match count.to_biguint() {
        Some(n) if !n.is_zero() => Ok(start + step * BigInt::from(mt.randbelow(&n))),
        _ => Err(empty()),
    }
}

/// `random.randint(a, b)`: `randrange(a, b + 1)`, errors included.
pub(crate) fn randint(
    mt: &mut MersenneTwister,
    a: &BigInt,
    b: &BigInt,
) -> Result<BigInt, RandomError> {
    randrange(mt, a, Some(&(b + 1u32)), &BigInt::one())
}

/// `random.choice(seq)`: the index of the chosen item of a sequence of length `len`.
pub(crate) fn choice_index(mt: &mut MersenneTwister, len: usize) -> Result<usize, RandomError> {
    if len == 0 {
        return Err(RandomError::Index(
            "Cannot choose from an empty sequence".to_string(),
        ));
    }
    Ok(mt.randbelow_usize(len))
}

/// `random.shuffle(x)` for a sequence of length `len`, performed through `swap(i, j)`
/// (exchange items `i` and `j`), in CPython's order; stops at the first error `swap` returns.
pub(crate) fn shuffle_with<E>(
    mt: &mut MersenneTwister,
    len: usize,
    mut swap: impl FnMut(usize, usize) -> Result<(), E>,
) -> Result<(), E> {
    for i in (1..len).rev() {
        let j = mt.randbelow_usize(i + 1);
        swap(i, j)?;
    }
    Ok(())
}

/// `random.shuffle(x)` on a slice.
pub(crate) fn shuffle<T>(mt: &mut MersenneTwister, items: &mut [T]) {
    let len = items.len();
    let done: Result<(), std::convert::Infallible> = shuffle_with(mt, len, |i, j| {
        items.swap(i, j);
        Ok(())
    });
    let Ok(()) = done;
}

/// `random.sample(population, k)`: the indices into the population, in selection order.
/// Like CPython, tracks a pool of unselected indices when the population is small next to
/// `k`, and a set of selected indices (re-drawing on repeats) otherwise.
pub(crate) fn sample_indices(
    mt: &mut MersenneTwister,
    population_len: usize,
    k: usize,
) -> Result<Vec<usize>, RandomError> {
    let n = population_len;
    if k > n {
        return Err(RandomError::Value(SAMPLE_SIZE_MESSAGE.to_string()));
    }
    let mut result = Vec::new();
    result
        .try_reserve_exact(k)
        .map_err(|_| RandomError::Memory)?;
    if n as u128 <= sample_set_size(k) {
        let mut pool = Vec::new();
        pool.try_reserve_exact(n).map_err(|_| RandomError::Memory)?;
        pool.extend(0..n);
        for i in 0..k {
            let j = mt.randbelow_usize(n - i);
            result.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = HashSet::new();
        for _ in 0..k {
            let mut j = mt.randbelow_usize(n);
            while !selected.insert(j) {
                j = mt.randbelow_usize(n);
            }
            result.push(j);
        }
    }
    Ok(result)
}

/// `sample`'s memory estimate `21 + 4 ** ceil(log(k * 3, 4))` (the second term only for
/// `k > 5`), computed with floats as CPython does so the branch choice matches exactly.
/// (Exact integer arithmetic would differ only for `k` above 3 * 10**14, where float
/// rounding lands on the integer, so a last-bit difference in another libm's `ln` is harmless.)
fn sample_set_size(k: usize) -> u128 {
    let mut size: u128 = 21;
    if k > 5 {
        // math.log(int, 4) converts the int to the nearest double, then divides logs.
        let exponent = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil();
        // k < 2**64 bounds the exponent by 34, so 4**exponent fits u128.
        size += 1u128 << (2 * exponent.clamp(0.0, 60.0) as u32);
    }
    size
}

/// `random.choices(population, k=k)` without weights: `k` indices, each
/// `floor(random() * n)`. With `n == 0` every index is 0 and indexing the empty
/// population raises CPython's `IndexError` (the caller's, e.g. "list index out of range").
pub(crate) fn choices_indices(
    mt: &mut MersenneTwister,
    population_len: usize,
    k: usize,
) -> Result<Vec<usize>, RandomError> {
    let n = population_len as f64;
    let mut result = Vec::new();
    result
        .try_reserve_exact(k)
        .map_err(|_| RandomError::Memory)?;
    result.extend((0..k).map(|_| (mt.random() * n).floor() as usize));
    Ok(result)
}

/// `random.choices(population, cum_weights=..., k=k)`; for `weights=` pass the running
/// sums (`itertools.accumulate`) as floats. Exact only while the sums are exact as f64
/// (CPython compares its int sums exactly).
pub(crate) fn weighted_choices_indices(
    mt: &mut MersenneTwister,
    population_len: usize,
    cum_weights: &[f64],
    k: usize,
) -> Result<Vec<usize>, RandomError> {
    if cum_weights.len() != population_len {
        return Err(RandomError::Value(
            "The number of weights does not match the population".to_string(),
        ));
    }
    let Some(&last) = cum_weights.last() else {
        return Err(RandomError::Index("list index out of range".to_string()));
    };
    let total = last + 0.0;
    if total <= 0.0 {
        return Err(RandomError::Value(
            "Total of weights must be greater than zero".to_string(),
        ));
    }
    if !total.is_finite() {
        return Err(RandomError::Value(
            "Total of weights must be finite".to_string(),
        ));
    }
    let hi = population_len - 1;
    let mut result = Vec::new();
    result
        .try_reserve_exact(k)
        .map_err(|_| RandomError::Memory)?;
    for _ in 0..k {
        let x = mt.random() * total;
        result.push(bisect_right(cum_weights, x, hi));
    }
    Ok(result)
}

/// `bisect.bisect(a, x, 0, hi)` with Python's float `<` (false for NaN).
fn bisect_right(a: &[f64], x: f64, hi: usize) -> usize {
    let (mut lo, mut hi) = (0, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < a[mid] {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// `random.uniform(a, b)`: `a + (b - a) * random()`.
pub(crate) fn uniform(mt: &mut MersenneTwister, a: f64, b: f64) -> f64 {
    a + (b - a) * mt.random()
}

/// CPython's `hash(float)`: the value modulo the Mersenne prime `2**61 - 1`, with the
/// sign applied afterwards and -1 mapped to -2. A NaN gives 0 (see `from_float_seed`).
fn float_hash(x: f64) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    let bits = x.to_bits();
    let biased_exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // |x| == mantissa * 2**exponent exactly.
    let (mantissa, exponent) = if biased_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased_exponent - 1075)
    };
    // 2**61 == 1 (mod 2**61 - 1), so only the exponent modulo 61 matters.
    let shift = exponent.rem_euclid(61) as u32;
    let reduced = ((u128::from(mantissa) << shift) % u128::from(MODULUS)) as i64;
    let hash = if bits >> 63 == 1 { -reduced } else { reduced };
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// SHA-512 (FIPS 180-4), needed only by version-2 string seeding.
fn sha512(message: &[u8]) -> [u8; 64] {
    #[rustfmt::skip]
    const K: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];
    #[rustfmt::skip]
    const INITIAL: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut h = INITIAL;
    let mut padded = message.to_vec();
    padded.push(0x80);
    while padded.len() % 128 != 112 {
        padded.push(0);
    }
    let bit_length = (message.len() as u128).wrapping_mul(8);
    padded.extend_from_slice(&bit_length.to_be_bytes());
    for block in padded.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (word, bytes) in w.iter_mut().zip(block.chunks_exact(8)) {
            let mut be = [0u8; 8];
            be.copy_from_slice(bytes);
            *word = u64::from_be_bytes(be);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let sum1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let choose = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(sum1)
                .wrapping_add(choose)
                .wrapping_add(K[t])
                .wrapping_add(w[t]);
            let sum0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = sum0.wrapping_add(majority);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (slot, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *slot = slot.wrapping_add(value);
        }
    }
    let mut digest = [0u8; 64];
    for (chunk, word) in digest.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    const VECTORS: &str = include_str!("../../testdata/random_vectors.txt");

    fn int(token: &str) -> BigInt {
        token.parse().unwrap_or_else(|_| panic!("bad int {token}"))
    }

    fn float(token: &str) -> f64 {
        match token {
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            _ => token
                .parse()
                .unwrap_or_else(|_| panic!("bad float {token}")),
        }
    }

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
            .collect()
    }

    fn show_error(error: RandomError) -> String {
        match error {
            RandomError::Value(m) => format!("!ValueError {m}"),
            RandomError::Index(m) => format!("!IndexError {m}"),
            RandomError::Type(m) => format!("!TypeError {m}"),
            RandomError::Memory => "!MemoryError".to_string(),
        }
    }

    fn show_float(x: f64) -> String {
        // Bit patterns, so that the comparison is exact (and -0.0 differs from 0.0).
        format!("{:016x}", x.to_bits())
    }

    fn show_list(items: &[usize]) -> String {
        items
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn seeded(args: &[&str]) -> MersenneTwister {
        match args {
            ["int", n] => MersenneTwister::from_seed(&int(n)),
            ["float", x] => MersenneTwister::from_float_seed(float(x)),
            ["str", h] => {
                MersenneTwister::from_str_seed(&String::from_utf8(hex(h)).expect("utf-8"))
            }
            ["bytes", h] => MersenneTwister::from_bytes_seed(&hex(h)),
            ["bytes"] => MersenneTwister::from_bytes_seed(&[]),
            ["str"] => MersenneTwister::from_str_seed(""),
            _ => panic!("bad seed line {args:?}"),
        }
    }

    /// Performs one call described by `op args` and renders its result as the data file does
    /// (floats as bit patterns, on both sides).
    fn perform(mt: &mut MersenneTwister, op: &str, args: &[&str]) -> String {
        let rendered = |r: Result<String, RandomError>| r.unwrap_or_else(show_error);
        match (op, args) {
            ("random", []) => show_float(mt.random()),
            ("randrange", [start]) => {
                rendered(randrange(mt, &int(start), None, &BigInt::one()).map(|v| v.to_string()))
            }
            ("randrange", [start, "None", step]) => {
                rendered(randrange(mt, &int(start), None, &int(step)).map(|v| v.to_string()))
            }
            ("randrange", [start, stop, step]) => rendered(
                randrange(mt, &int(start), Some(&int(stop)), &int(step)).map(|v| v.to_string()),
            ),
            ("randint", [a, b]) => rendered(randint(mt, &int(a), &int(b)).map(|v| v.to_string())),
            ("choice", [n]) => {
                let n = int(n).to_usize().expect("len");
                rendered(choice_index(mt, n).map(|v| v.to_string()))
            }
            ("shuffle", [n]) => {
                let mut items: Vec<usize> = (0..int(n).to_usize().expect("len")).collect();
                shuffle(mt, &mut items);
                show_list(&items)
            }
            ("sample", [n, k]) => {
                let (n, k) = (int(n).to_usize().expect("n"), int(k).to_usize().expect("k"));
                rendered(sample_indices(mt, n, k).map(|v| show_list(&v)))
            }
            ("getrandbits", [k]) => mt.getrandbits(k.parse().expect("k")).to_string(),
            ("uniform", [a, b]) => show_float(uniform(mt, float(a), float(b))),
            ("gauss", [mu, sigma]) => show_float(mt.gauss(float(mu), float(sigma))),
            ("choices", [n, k]) => {
                let (n, k) = (int(n).to_usize().expect("n"), int(k).to_usize().expect("k"));
                rendered(choices_indices(mt, n, k).map(|v| show_list(&v)))
            }
            ("wchoices", [k, weights]) => {
                let mut total = None;
                let cum: Vec<f64> = weights
                    .split(',')
                    .map(|w| {
                        let next = match total {
                            None => float(w),
                            Some(t) => t + float(w),
                        };
                        total = Some(next);
                        next
                    })
                    .collect();
                let k = k.parse().expect("k");
                rendered(weighted_choices_indices(mt, cum.len(), &cum, k).map(|v| show_list(&v)))
            }
            ("randbytes", [n]) => mt
                .randbytes(n.parse().expect("n"))
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            _ => panic!("unknown op {op} {args:?}"),
        }
    }

    /// The expected text with its floats rewritten as bit patterns, like `perform`'s.
    fn normalize(op: &str, expected: &str) -> String {
        if expected.starts_with('!') {
            return expected.to_string();
        }
        match op {
            "random" | "uniform" | "gauss" => show_float(float(expected)),
            _ => expected.to_string(),
        }
    }

    #[test]
    fn matches_cpython_vectors() {
        let mut mt = None;
        let mut checked = 0usize;
        for (number, line) in VECTORS.lines().enumerate() {
            let number = number + 1;
            let (call, expected) = match line.split_once(" = ") {
                Some((call, expected)) => (call, Some(expected)),
                None => (line, None),
            };
            let mut tokens: Vec<&str> = call.split(' ').collect();
            if tokens[0] == "seed" {
                mt = Some(seeded(&tokens[1..]));
                continue;
            }
            let mt = mt.as_mut().expect("seed line first");
            let expected = expected.unwrap_or_else(|| panic!("line {number}: no result"));
            let repeat: Option<usize> = tokens[0].strip_prefix('*').map(|n| n.parse().expect("n"));
            if repeat.is_some() {
                tokens.remove(0);
            }
            let (op, args) = (tokens[0], &tokens[1..]);
            match repeat {
                Some(count) => {
                    let values: Vec<&str> = expected.split(' ').collect();
                    assert_eq!(values.len(), count, "line {number}");
                    for (i, value) in values.iter().enumerate() {
                        assert_eq!(
                            perform(mt, op, args),
                            normalize(op, value),
                            "line {number}, call {i}: {call}"
                        );
                        checked += 1;
                    }
                }
                None => {
                    assert_eq!(
                        perform(mt, op, args),
                        normalize(op, expected),
                        "line {number}: {call}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "only {checked} calls checked");
    }

    #[test]
    fn sha512_matches_known_digests() {
        let hex_of = |d: [u8; 64]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex_of(sha512(b"")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce\
             47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
        assert_eq!(
            hex_of(sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        // 112 bytes: the padding spills into a second block.
        assert_eq!(
            hex_of(sha512(&[b'a'; 112])),
            "c01d080efd492776a1c43bd23dd99d0a2e626d481e16782e75d54c2503b5dc32\
             bd05f0f1ba33e568b88fd2d970929b719ecbb152f58f130a407c8830604b70ca"
        );
    }

    #[test]
    fn float_hash_matches_cpython() {
        // Values from python3.11: hash(x).
        let cases: [(f64, i64); 9] = [
            (0.0, 0),
            (-0.0, 0),
            (1.0, 1),
            (-1.0, -2),
            (3.5, 1_152_921_504_606_846_979),
            (-5.0, -5),
            (0.1, 230_584_300_921_369_408),
            (1e300, 1_224_995_262_755_759_164),
            (f64::NEG_INFINITY, -314_159),
        ];
        for (x, h) in cases {
            assert_eq!(float_hash(x), h, "hash({x})");
        }
    }

    #[test]
    fn sample_branch_boundaries_match_cpython() {
        assert_eq!(sample_set_size(5), 21);
        assert_eq!(sample_set_size(6), 85);
        assert_eq!(sample_set_size(100), 1045);
        assert_eq!(sample_set_size(usize::MAX), 21 + (1u128 << 66));
    }
}
