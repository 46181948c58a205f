//! The draws a corpus needs, over the project's one generator
//! ([`resgraph_core::rng::SplitMix64`]), and a keyed hash, so that every
//! part of the corpus is a pure function of the seed and its coordinates
//! (session, series, document).

use resgraph_core::rng::{mix64, SplitMix64, GOLDEN_GAMMA as GOLDEN};

/// A SplitMix64 stream with the draws a corpus needs.
#[derive(Debug, Clone)]
pub(crate) struct Rng(SplitMix64);

/// A hash of a seed and a list of coordinates (a stream name, a session,
/// a series ...): order matters, every word is mixed in.
pub(crate) fn hash(seed: u64, words: &[u64]) -> u64 {
    let mut h = mix64(seed ^ 0x5EED_0FC0_FFEE);
    for w in words {
        h = mix64(h.wrapping_add(GOLDEN) ^ mix64(w.wrapping_add(0x1234_5678)));
    }
    h
}

impl Rng {
    /// A generator for `seed`.
    #[cfg(test)]
    pub fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed))
    }

    /// A generator keyed by a seed and coordinates (see [`hash`]).
    pub fn keyed(seed: u64, words: &[u64]) -> Rng {
        Rng(SplitMix64::new(hash(seed, words)))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A uniform number in `0..n` (`n > 0`; 0 for `n == 0`), by
    /// multiply-shift ([`SplitMix64::below`]).
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0);
        // usize is at most 64 bits on every target this builds for, and
        // the draw is below `n`, so both conversions are exact.
        self.0.below(n as u64) as usize
    }

    /// A uniform number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u32) -> bool {
        (self.below(1000) as u32) < per_mille
    }

    /// A uniform float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        self.0.unit()
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word of a non-empty list.
    pub fn word(&mut self, words: &'static [&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// An index drawn with the given (non-negative, not all zero) weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// A log-normal draw with the given median and spread (sigma of the
    /// underlying normal), by Box-Muller.
    pub fn log_normal(&mut self, median: f64, sigma: f64) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        let normal = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        median * (sigma * normal).exp()
    }

    /// Shuffles a slice in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_are_the_one_generator_s() {
        // The reference values and the spread of `below` are tested once,
        // in resgraph-core; this wrapper only converts.
        let (mut ours, mut core) = (Rng::new(7), SplitMix64::new(7));
        for n in 1..200usize {
            assert_eq!(ours.below(n) as u64, core.below(n as u64));
        }
        assert_eq!(Rng::new(0).next_u64(), SplitMix64::new(0).next_u64());
    }

    #[test]
    fn hash_depends_on_order() {
        assert_ne!(hash(1, &[2, 3]), hash(1, &[3, 2]));
        assert_ne!(hash(1, &[2]), hash(2, &[2]));
    }
}
