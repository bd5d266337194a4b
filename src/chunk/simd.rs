//! Sixteen bytes in a WebAssembly SIMD register (`simd128`): the chunk of the module built for
//! engines that have SIMD. A comparison is one instruction here where eight bytes in an integer
//! take half a dozen, and `bitmask` gathers a test's result into one bit a byte.

use core::arch::wasm32::{
    i8x16_lt, i8x16_splat, u16x8_extend_high_u8x16, u16x8_extend_low_u8x16, u8x16, u8x16_add, u8x16_bitmask, u8x16_eq, u8x16_lt, u8x16_splat, u8x16_sub,
    u8x16_swizzle, v128, v128_load, v128_or, v128_store,
};
use core::mem::MaybeUninit;

pub const WIDTH: usize = 16;

const ALL: u32 = 0xffff;

/// Sixteen bytes.
#[derive(Clone, Copy)]
pub struct Chunk(v128);

/// The bytes of a chunk a test holds for: bit `i` for byte `i`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Mask(u32);

impl Chunk {
    /// The sixteen bytes of `bytes` from `i`; `None` past the end.
    #[inline]
    pub fn load(bytes: &[u8], i: usize) -> Option<Chunk> {
        let chunk = bytes.get(i..i.checked_add(WIDTH)?)?;
        // SAFETY: `chunk` holds sixteen bytes, and a WebAssembly load needs no alignment.
        Some(Chunk(unsafe { v128_load(chunk.as_ptr().cast::<v128>()) }))
    }

    /// The bytes of `bytes` from `i` to its end, one to fifteen, then zeros.
    #[inline]
    pub fn load_padded(bytes: &[u8], i: usize) -> Chunk {
        match bytes.len().checked_sub(WIDTH) {
            // The last sixteen bytes, their lanes moved down past those before `i` (a lane taken
            // from beyond the sixteenth is zero): V8 makes a copy of a length known only at run
            // time a call out of WebAssembly, and every text's last bytes were copied so.
            Some(start) => {
                let last = Chunk::load(bytes, start).expect("sixteen bytes");
                let lanes = u8x16_add(u8x16_splat((i - start) as u8), u8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
                Chunk(u8x16_swizzle(last.0, lanes))
            }
            None => {
                let rest = &bytes[i..];
                let mut padded = [0; WIDTH];
                padded[..rest.len()].copy_from_slice(rest);
                // SAFETY: `padded` holds sixteen bytes, and a WebAssembly load needs no alignment.
                Chunk(unsafe { v128_load(padded.as_ptr().cast::<v128>()) })
            }
        }
    }

    /// The bytes that are `b`.
    #[inline]
    pub fn eq(self, b: u8) -> Mask {
        Mask(u32::from(u8x16_bitmask(u8x16_eq(self.0, u8x16_splat(b)))))
    }

    /// The bytes that are not ASCII.
    #[inline]
    pub fn non_ascii(self) -> Mask {
        Mask(u32::from(u8x16_bitmask(self.0)))
    }

    /// The control characters below the space (what JSON escapes besides `"` and `\`).
    #[inline]
    pub fn control(self) -> Mask {
        Mask(u32::from(u8x16_bitmask(u8x16_lt(self.0, u8x16_splat(b' ')))))
    }

    /// The bytes that are ASCII letters or digits.
    #[inline]
    pub fn ascii_alphanumeric(self) -> Mask {
        // `| 0x20` lowers capitals and moves no other byte into `a..=z`. A byte is in a range
        // when, moved so that the range starts at -128, it is below -128 plus the range's
        // length: a signed comparison is one instruction on x86, where an unsigned one is three.
        let in_range = |v: v128, first: u8, len: u8| {
            let moved = u8x16_sub(v, u8x16_splat(first ^ 0x80));
            i8x16_lt(moved, i8x16_splat((0x80 + len) as i8))
        };
        let letter = in_range(v128_or(self.0, u8x16_splat(0x20)), b'a', 26);
        let digit = in_range(self.0, b'0', 10);
        Mask(u32::from(u8x16_bitmask(v128_or(letter, digit))))
    }

    /// Each byte as a 16-bit unit, into the first sixteen of `out`.
    #[inline]
    pub fn widen(self, out: &mut [MaybeUninit<u16>]) {
        let out = &mut out[..WIDTH];
        // SAFETY: `out` holds sixteen units, two registers' worth; a store needs no alignment.
        unsafe {
            v128_store(out.as_mut_ptr().cast::<v128>(), u16x8_extend_low_u8x16(self.0));
            v128_store(out.as_mut_ptr().add(8).cast::<v128>(), u16x8_extend_high_u8x16(self.0));
        }
    }
}

impl Mask {
    /// How many bytes the test holds for.
    #[inline]
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The first byte the test holds for.
    #[inline]
    pub fn first(self) -> Option<usize> {
        self.any().then(|| self.0.trailing_zeros() as usize)
    }

    /// The first `n` bytes (`n` at most sixteen).
    #[inline]
    pub fn first_bytes(n: usize) -> Mask {
        Mask(ALL >> (WIDTH - n))
    }

    /// Whether the test holds for byte `i`.
    #[inline]
    pub fn holds_at(self, i: usize) -> bool {
        self.0 >> i & 1 != 0
    }

    /// The last byte the test holds for.
    #[inline]
    pub fn last_position(self) -> Option<usize> {
        self.any().then(|| (31 - self.0.leading_zeros()) as usize)
    }

    /// The bytes whose previous byte is in the mask; `first` says for the first byte.
    #[inline]
    pub fn shifted(self, first: bool) -> Mask {
        Mask(((self.0 << 1) | u32::from(first)) & ALL)
    }

    /// The bytes whose next byte is in the mask.
    #[inline]
    pub fn shifted_back(self) -> Mask {
        Mask(self.0 >> 1)
    }

    /// The runs of consecutive bytes of the mask that begin at a byte of `starts` (a subset of
    /// the mask, at the runs' first bytes). Adding a run's first bit carries through the run,
    /// clearing it: the bits cleared are the run.
    #[inline]
    pub fn runs_from(self, starts: Mask) -> Mask {
        Mask(self.0 & !(self.0 + starts.0))
    }
}

mask_set_operations!(ALL);
