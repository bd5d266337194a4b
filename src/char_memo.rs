//! A Unicode property of the Basic Multilingual Plane, remembered as it is asked for.
//!
//! Rust answers `char::is_alphanumeric` beyond ASCII by searching a compressed table: in
//! WebAssembly about 40% of the render of a Russian article went there, since the word count
//! asks it of every Cyrillic letter. A memo keeps the answers of each block of 64 characters
//! once one of them is asked for: one bit a character, 8 KB of zeros until then (which a
//! WebAssembly module does not download).

use std::sync::atomic::{AtomicU64, Ordering};

/// Blocks of 64 characters in the Basic Multilingual Plane.
const BLOCKS: usize = 0x10000 / 64;

/// `property` for every character, its answers for the Basic Multilingual Plane remembered.
pub struct CharMemo {
    property: fn(char) -> bool,
    /// One bit a block: whether its answers are in `bits`.
    known: [AtomicU64; BLOCKS / 64],
    bits: [AtomicU64; BLOCKS],
}

impl CharMemo {
    pub const fn new(property: fn(char) -> bool) -> Self {
        CharMemo { property, known: [const { AtomicU64::new(0) }; BLOCKS / 64], bits: [const { AtomicU64::new(0) }; BLOCKS] }
    }

    pub fn get(&self, c: char) -> bool {
        let code = u32::from(c) as usize;
        if code >= 0x10000 {
            return (self.property)(c);
        }
        let (block, bit) = (code / 64, code % 64);
        let known = &self.known[block / 64];
        // Threads that ask at once may both fill a block: they write the same bits.
        let bits = if known.load(Ordering::Acquire) & (1 << (block % 64)) != 0 {
            self.bits[block].load(Ordering::Relaxed)
        } else {
            let bits = self.fill(block);
            known.fetch_or(1 << (block % 64), Ordering::Release);
            bits
        };
        bits & (1 << bit) != 0
    }

    #[cold]
    fn fill(&self, block: usize) -> u64 {
        let first = (block * 64) as u32;
        let bits = (0..64)
            .filter(|&i| char::from_u32(first + i).is_some_and(self.property))
            .fold(0u64, |bits, i| bits | 1 << i);
        self.bits[block].store(bits, Ordering::Relaxed);
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_answer_is_the_property_itself() {
        static ALPHANUMERIC: CharMemo = CharMemo::new(char::is_alphanumeric);
        // Twice over: asked first, then remembered.
        for _ in 0..2 {
            for c in (0..0x11000).filter_map(char::from_u32) {
                assert_eq!(ALPHANUMERIC.get(c), c.is_alphanumeric(), "{c:?}");
            }
        }
    }
}
