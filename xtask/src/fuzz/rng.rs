//! [`Rng`]: a small deterministic pseudo-random generator (SplitMix64).
//!
//! Fuzz inputs must be reproducible from `(seed, index)` alone on every machine and Rust
//! version, which rules out `std`'s randomly keyed hashers; SplitMix64 is tiny, fast and
//! statistically good enough for choosing grammar productions.

/// A SplitMix64 stream; the same seed always gives the same sequence.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    /// The generator for input number `index` of a campaign with `seed`: independent of
    /// every other index, so a campaign can resume at any index.
    pub fn for_input(seed: u64, index: u64) -> Self {
        let mut mixer = Rng::new(seed ^ 0x5851_f42d_4c95_7f2d);
        let base = mixer.next_u64();
        Rng::new(base ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        // Multiply-shift: unbiased enough for bounds far below 2^64.
        ((u128::from(self.next_u64()) * bound as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        if high <= low {
            return low;
        }
        let span = (i128::from(high) - i128::from(low) + 1) as u128;
        let offset = (u128::from(self.next_u64()) % span) as i128;
        (i128::from(low) + offset) as i64
    }

    /// `true` with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// One element of `items`, which must not be empty (callers pick from constant tables).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index chosen with the given relative weights (all-zero weights give 0).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return 0;
        }
        let mut roll = self.next_u64() % total;
        for (index, &weight) in weights.iter().enumerate() {
            if roll < u64::from(weight) {
                return index;
            }
            roll -= u64::from(weight);
        }
        weights.len() - 1
    }
}

/// FNV-1a, 64 bits: a stable content hash for naming artifacts.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::new(1).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut first = Rng::for_input(7, 0);
        let mut second = Rng::for_input(7, 1);
        assert_ne!(first.next_u64(), second.next_u64());
        assert_eq!(
            Rng::for_input(7, 1).next_u64(),
            Rng::for_input(7, 1).next_u64()
        );
    }

    #[test]
    fn ranges_are_respected() {
        let mut rng = Rng::new(3);
        for _ in 0..1000 {
            assert!(rng.below(5) < 5);
            let n = rng.between(-3, 3);
            assert!((-3..=3).contains(&n));
            assert_eq!(rng.weighted(&[0, 5, 0]), 1);
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.between(4, 4), 4);
        // The full range must not overflow.
        let _ = rng.between(i64::MIN, i64::MAX);
    }

    #[test]
    fn fnv1a_matches_its_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
