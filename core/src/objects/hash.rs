//! CPython 3.11's `hash()` for the built-in value types, bit for bit (64-bit build,
//! `PYTHONHASHSEED=0`).
//!
//! Exposes [`hash_i64`], [`hash_bigint`], [`hash_f64`], [`hash_str`], [`hash_bytes`],
//! [`hash_tuple`], [`hash_frozenset`] and [`hash_pointer`] (the identity hash of `object`).
//!
//! Invariant: no function here ever returns -1 (CPython reserves it as the error
//! marker and maps it to -2), and every computation uses 64-bit arithmetic, so the
//! results are the same on 32-bit targets (wasm32) as on x86-64 CPython.
//! Numbers that compare equal hash equal: `hash(1) == hash(1.0) == hash(True)`.

use num_bigint::{BigInt, Sign};

/// `sys.hash_info.modulus`: numeric hashes are residues modulo the prime 2**61 - 1.
pub(crate) const MODULUS: u64 = (1 << 61) - 1;
/// Number of bits in [`MODULUS`].
const MODULUS_BITS: u32 = 61;
/// `sys.hash_info.inf`: the hash of `float('inf')` (negated for `-inf`).
pub(crate) const HASH_INF: i64 = 314_159;

/// CPython never returns -1 from a hash function: -1 means "error raised".
fn never_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Applies the sign to a residue in `[0, MODULUS)`.
fn signed_residue(residue: u64, negative: bool) -> i64 {
    // The residue is below 2**61, so the conversion and the negation cannot overflow.
    let h = residue as i64;
    never_minus_one(if negative { -h } else { h })
}

/// `hash(v)` for an int (or a bool, as 0/1): `sign(v) * (|v| mod (2**61 - 1))`.
pub(crate) fn hash_i64(v: i64) -> i64 {
    signed_residue(v.unsigned_abs() % MODULUS, v < 0)
}

/// `hash(v)` for an int of any size; equal to [`hash_i64`] wherever both apply.
pub(crate) fn hash_bigint(v: &BigInt) -> i64 {
    // Horner over the 64-bit digits, most significant first; each step stays below 2**125.
    let residue = v
        .magnitude()
        .to_u64_digits()
        .iter()
        .rev()
        .fold(0u64, |acc, &digit| {
            ((((acc as u128) << 64) | digit as u128) % MODULUS as u128) as u64
        });
    signed_residue(residue, v.sign() == Sign::Minus)
}

/// `_Py_HashPointer`: the address rotated right by 4 bits (the low bits of an
/// allocation are always zero). `identity` is the object's address or any stable id.
pub(crate) fn hash_pointer(identity: usize) -> i64 {
    never_minus_one((identity as u64).rotate_right(4) as i64)
}

/// `hash(v)` for a float. Integral floats hash like the equal int; `inf` is 314159;
/// NaN hashes by object identity in 3.11, so the caller passes the float object's
/// `identity` (only used for NaN).
pub(crate) fn hash_f64(v: f64, identity: usize) -> i64 {
    if v.is_nan() {
        return hash_pointer(identity);
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v == 0.0 {
        return 0;
    }
    // v = ±mantissa * 2**exponent exactly, with mantissa < 2**53 < MODULUS.
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    // Multiplying by 2**e modulo 2**61 - 1 is a rotation within 61 bits, and
    // 2**61 == 1 (mod 2**61 - 1), so negative exponents reduce modulo 61 as well.
    let e = exponent.rem_euclid(MODULUS_BITS as i32) as u32;
    let residue = if e == 0 {
        mantissa
    } else {
        ((mantissa << e) & MODULUS) | (mantissa >> (MODULUS_BITS - e))
    };
    signed_residue(residue, v < 0.0)
}

/// SipHash-1-3 with the all-zero key (`PYTHONHASHSEED=0`), fed incrementally so a
/// str can be hashed in its PEP 393 layout without materialising that layout.
struct SipHash13 {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
    /// Bytes received but not yet compressed (little-endian, `tail_len` of them).
    tail: u64,
    tail_len: u32,
    total_len: u64,
}

impl SipHash13 {
    fn new() -> SipHash13 {
        // k0 = k1 = 0, so the key XORs vanish from the standard initial state.
        SipHash13 {
            v0: 0x736f_6d65_7073_6575,
            v1: 0x646f_7261_6e64_6f6d,
            v2: 0x6c79_6765_6e65_7261,
            v3: 0x7465_6462_7974_6573,
            tail: 0,
            tail_len: 0,
            total_len: 0,
        }
    }

    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v2 = self.v2.rotate_left(32);
    }

    fn compress(&mut self, block: u64) {
        self.v3 ^= block;
        self.round();
        self.v0 ^= block;
    }

    fn write_u8(&mut self, byte: u8) {
        self.tail |= (byte as u64) << (8 * self.tail_len);
        self.tail_len += 1;
        self.total_len += 1;
        if self.tail_len == 8 {
            let block = self.tail;
            self.compress(block);
            self.tail = 0;
            self.tail_len = 0;
        }
    }

    fn write_bytes(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while self.tail_len != 0 {
            match rest.split_first() {
                Some((&b, tail)) => {
                    self.write_u8(b);
                    rest = tail;
                }
                None => return,
            }
        }
        let mut chunks = rest.chunks_exact(8);
        for chunk in &mut chunks {
            let mut block = [0u8; 8];
            block.copy_from_slice(chunk);
            self.compress(u64::from_le_bytes(block));
            self.total_len += 8;
        }
        for &b in chunks.remainder() {
            self.write_u8(b);
        }
    }

    fn finish(mut self) -> u64 {
        let last = (self.total_len << 56) | self.tail;
        self.compress(last);
        self.v2 ^= 0xff;
        self.round();
        self.round();
        self.round();
        self.v0 ^ self.v1 ^ self.v2 ^ self.v3
    }
}

/// `hash(b)` for bytes: SipHash-1-3 of the bytes; `hash(b'') == 0`.
pub(crate) fn hash_bytes(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let mut sip = SipHash13::new();
    sip.write_bytes(bytes);
    never_minus_one(sip.finish() as i64)
}

/// `hash(s)` for a str: SipHash-1-3 over the PEP 393 representation, i.e. each code
/// point as 1, 2 or 4 little-endian bytes depending on the largest code point
/// (< 256, < 65536, otherwise); `hash('') == 0`.
pub(crate) fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        // ASCII is already its own 1-byte-per-code-point layout.
        return hash_bytes(s.as_bytes());
    }
    let widest = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut sip = SipHash13::new();
    if widest < 0x100 {
        s.chars().for_each(|c| sip.write_u8(c as u32 as u8));
    } else if widest < 0x1_0000 {
        for c in s.chars() {
            let [lo, hi] = (c as u32 as u16).to_le_bytes();
            sip.write_u8(lo);
            sip.write_u8(hi);
        }
    } else {
        for c in s.chars() {
            (c as u32)
                .to_le_bytes()
                .iter()
                .for_each(|&b| sip.write_u8(b));
        }
    }
    never_minus_one(sip.finish() as i64)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(t)` for a tuple, given its elements' hashes in order (3.11's xxHash-style
/// `tuplehash`); `hash(()) == 5740354900026072187`.
pub(crate) fn hash_tuple(element_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = element_hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for lane in element_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    // The length term is mangled so hash(()) keeps its historical value.
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `hash(frozenset)` given the number of elements and their hashes in any order
/// (the algorithm is order-independent); `hash(frozenset()) == 133146708735736`.
pub(crate) fn hash_frozenset(len: usize, element_hashes: impl IntoIterator<Item = i64>) -> i64 {
    // Shuffling spreads nearby element hashes before they are XOR-ed together.
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash = element_hashes
        .into_iter()
        .fold(0u64, |acc, h| acc ^ shuffle_bits(h as u64));
    hash ^= (len as u64).wrapping_add(1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values come from `PYTHONHASHSEED=0 python3.11 -c 'print(hash(...))'`.

    #[test]
    fn ints_match_cpython() {
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-2), -2);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_i64(((1u64 << 61) - 1) as i64), 0);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 61)), -2);
        let big: BigInt = BigInt::from(1u8) << 63u32;
        assert_eq!(hash_bigint(&big), 4);
        assert_eq!(hash_bigint(&-big), -4);
        assert_eq!(hash_bigint(&BigInt::from(-12345)), hash_i64(-12345));
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(hash_f64(f64::INFINITY, 0), 314_159);
        assert_eq!(hash_f64(f64::NEG_INFINITY, 0), -314_159);
        assert_eq!(hash_f64(0.5, 0), 1_152_921_504_606_846_976);
        assert_eq!(hash_f64(-0.0, 0), 0);
        assert_eq!(hash_f64(1e300, 0), 1_224_995_262_755_759_164);
        assert_eq!(hash_f64(5e-324, 0), 16_777_216);
        assert_eq!(hash_f64(-1.0, 0), -2);
        assert_eq!(hash_f64(12345.0, 0), 12345);
        // NaN hashes its identity: id 139895494904976 gave 8743468431561.
        assert_eq!(hash_f64(f64::NAN, 139_895_494_904_976), 8_743_468_431_561);
        assert_eq!(hash_pointer(139_895_494_904_976), 8_743_468_431_561);
    }

    #[test]
    fn strings_and_bytes_match_cpython() {
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_str("a"), 4_644_417_185_603_328_019);
        assert_eq!(hash_str("é"), 6_047_309_291_227_476_195);
        assert_eq!(hash_str("€"), -5_529_981_157_763_016_009);
        assert_eq!(hash_str("😀"), -3_536_540_696_076_613_844);
        assert_eq!(hash_bytes(b"a"), 4_644_417_185_603_328_019);
    }

    #[test]
    fn containers_match_cpython() {
        assert_eq!(hash_tuple(std::iter::empty()), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple([1].into_iter()), -6_644_214_454_873_602_895);
        assert_eq!(hash_tuple([1, 2].into_iter()), -3_550_055_125_485_641_917);
        assert_eq!(hash_frozenset(0, []), 133_146_708_735_736);
        assert_eq!(hash_frozenset(3, [1, 2, 3]), -272_375_401_224_217_160);
    }
}
