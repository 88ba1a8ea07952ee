//! The property tests' random numbers: a small deterministic generator (xorshift) — no
//! dependency, the same cases on every run. Tests add their own generators of values with
//! `impl Rng` blocks beside them.

pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
