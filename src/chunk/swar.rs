//! Eight bytes in a 64-bit integer: the chunk where WebAssembly's SIMD is not available (native
//! builds, and the module for engines without it). Each test leaves the high bit (0x80) set in
//! the bytes it holds for.

use core::mem::MaybeUninit;

pub const WIDTH: usize = 8;

const LANES: u64 = u64::from_ne_bytes([1; 8]);
const HIGH_BITS: u64 = LANES * 0x80;

/// Eight bytes, the first in the lowest byte.
#[derive(Clone, Copy)]
pub struct Chunk(u64);

/// The bytes of a chunk a test holds for: the high bit of each.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Mask(u64);

impl Chunk {
    /// The eight bytes of `bytes` from `i`; `None` past the end.
    #[inline]
    pub fn load(bytes: &[u8], i: usize) -> Option<Chunk> {
        let chunk = bytes.get(i..i.checked_add(WIDTH)?)?;
        Some(Chunk(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))))
    }

    /// The bytes of `bytes` from `i` to its end, one to seven, then zeros.
    #[inline]
    pub fn load_padded(bytes: &[u8], i: usize) -> Chunk {
        let rest = &bytes[i..];
        match bytes.len().checked_sub(WIDTH) {
            // The last eight bytes shifted down past those before `i`: natively a copy into a
            // zeroed chunk is a call to `memcpy`, which took longer than the bytes it saved.
            Some(start) => Chunk(u64::from_le_bytes(bytes[start..].try_into().expect("eight bytes")) >> (8 * (WIDTH - rest.len()))),
            None => {
                let mut padded = [0; WIDTH];
                padded[..rest.len()].copy_from_slice(rest);
                Chunk(u64::from_le_bytes(padded))
            }
        }
    }

    /// The bytes that are `b`.
    #[inline]
    pub fn eq(self, b: u8) -> Mask {
        // A byte of `y` is zero where `x` holds `b`; adding 0x7f to the low seven bits of a byte
        // sets its high bit unless they are all zero, and nothing carries into the next byte.
        let y = self.0 ^ (LANES * u64::from(b));
        Mask(!(((y & !HIGH_BITS) + LANES * 0x7f) | y | !HIGH_BITS))
    }

    /// The bytes that are not ASCII.
    #[inline]
    pub fn non_ascii(self) -> Mask {
        Mask(self.0 & HIGH_BITS)
    }

    /// The control characters below the space (what JSON escapes besides `"` and `\`).
    #[inline]
    pub fn control(self) -> Mask {
        Mask(in_range(self.0 & !HIGH_BITS, 0, b' ' - 1) & !self.0)
    }

    /// The bytes that are ASCII letters or digits.
    #[inline]
    pub fn ascii_alphanumeric(self) -> Mask {
        let ascii = self.0 & !HIGH_BITS;
        // `| 0x20` lowers capitals and moves no other byte into `a..=z`.
        let alphanumeric = in_range(ascii | (LANES * 0x20), b'a', b'z') | in_range(ascii, b'0', b'9');
        Mask(alphanumeric & !self.0)
    }

    /// Each byte as a 16-bit unit, into the first eight of `out`.
    #[inline]
    pub fn widen(self, out: &mut [MaybeUninit<u16>]) {
        for (unit, byte) in out[..WIDTH].iter_mut().zip(self.0.to_le_bytes()) {
            unit.write(u16::from(byte));
        }
    }
}

/// The bytes of `x`, all below 0x80, that lie in `lo..=hi`: adding `0x80 - lo` sets the high
/// bit from `lo` on, adding `0x7f - hi` from past `hi` on, and no sum carries into the next byte.
#[inline]
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    (x + LANES * u64::from(0x80 - lo)) & !(x + LANES * u64::from(0x7f - hi)) & HIGH_BITS
}

impl Mask {
    /// How many bytes the test holds for. Core's `count_ones` is one instruction in WebAssembly
    /// but a dozen on x86-64 without `popcnt`: moving each high bit to its byte's low bit and
    /// multiplying sums the bytes into the top one (at most 8, so nothing carries out).
    #[inline]
    pub fn count(self) -> usize {
        ((self.0 >> 7).wrapping_mul(LANES) >> 56) as usize
    }

    /// The first byte the test holds for.
    #[inline]
    pub fn first(self) -> Option<usize> {
        self.any().then(|| self.0.trailing_zeros() as usize / 8)
    }

    /// The first `n` bytes (`n` at most eight).
    #[inline]
    pub fn first_bytes(n: usize) -> Mask {
        Mask(HIGH_BITS & u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0))
    }

    /// Whether the test holds for byte `i`.
    #[inline]
    pub fn holds_at(self, i: usize) -> bool {
        self.0 >> (8 * i + 7) & 1 != 0
    }

    /// The last byte the test holds for.
    #[inline]
    pub fn last_position(self) -> Option<usize> {
        self.any().then(|| (63 - self.0.leading_zeros()) as usize / 8)
    }

    /// The bytes whose previous byte is in the mask; `first` says for the first byte.
    #[inline]
    pub fn shifted(self, first: bool) -> Mask {
        Mask((self.0 << 8) | (u64::from(first) << 7))
    }

    /// The bytes whose next byte is in the mask.
    #[inline]
    pub fn shifted_back(self) -> Mask {
        Mask(self.0 >> 8)
    }

    /// The runs of consecutive bytes of the mask that begin at a byte of `starts` (a subset of
    /// the mask, at the runs' first bytes). With the mask's bytes filled (0xff), adding a run's
    /// first byte's lowest bit carries through the run, clearing it: the bytes cleared are the
    /// run.
    #[inline]
    pub fn runs_from(self, starts: Mask) -> Mask {
        let filled = (self.0 >> 7) * 0xff;
        Mask(self.0 & !filled.wrapping_add(starts.0 >> 7))
    }
}

mask_set_operations!(HIGH_BITS);
