//! A small deterministic generator (xorshift) for the unit tests that read random texts two
//! ways and compare: a failure is the same at every run.

pub struct Random(u64);

impl Random {
    pub fn new() -> Self {
        Random(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// Fewer than `max_pieces` of `pieces`, each chosen at random, joined.
    pub fn text(&mut self, pieces: &[&str], max_pieces: usize) -> String {
        let len = self.below(max_pieces);
        (0..len).map(|_| pieces[self.below(pieces.len())]).collect()
    }
}
