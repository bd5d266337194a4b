//! Bytes tested a chunk at a time, for the loops that read every byte of a text (finding a line's
//! end, counting lines and words, looking for where a span may start, escaping HTML).
//!
//! A chunk is sixteen bytes in a SIMD register where the WebAssembly module is built with SIMD
//! (`simd128`, [`simd`]), and eight bytes in a 64-bit integer elsewhere ([`swar`]): natively, and in
//! the module for engines without SIMD. Both give the same tests, and a test's result is a
//! [`Mask`] of the bytes it holds for, so the loops below are written once.

/// A mask's constant and set operations: the same in both widths, given the bits that stand for
/// all the lanes (`$all`).
macro_rules! mask_set_operations {
    ($all:expr) => {
        impl Mask {
            pub const NONE: Mask = Mask(0);

            #[inline]
            pub fn any(self) -> bool {
                self.0 != 0
            }

            /// The mask without its first byte (each byte is one bit in either width).
            #[inline]
            pub fn without_first(self) -> Mask {
                Mask(self.0 & self.0.wrapping_sub(1))
            }
        }

        impl core::ops::BitOr for Mask {
            type Output = Mask;
            #[inline]
            fn bitor(self, other: Mask) -> Mask {
                Mask(self.0 | other.0)
            }
        }

        impl core::ops::BitAnd for Mask {
            type Output = Mask;
            #[inline]
            fn bitand(self, other: Mask) -> Mask {
                Mask(self.0 & other.0)
            }
        }

        impl core::ops::Not for Mask {
            type Output = Mask;
            #[inline]
            fn not(self) -> Mask {
                Mask(!self.0 & $all)
            }
        }
    };
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub use simd::{Chunk, Mask, WIDTH};

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod swar;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub use swar::{Chunk, Mask, WIDTH};

/// The last bytes of `bytes` from `i` (fewer than a chunk) as a chunk padded with zeros, and
/// which of its bytes they are; `None` when there are none. A loop a byte at a time over them
/// cost as much as the chunks before them in the short texts of an article.
#[inline]
fn tail(bytes: &[u8], i: usize) -> Option<(Chunk, Mask)> {
    (i < bytes.len()).then(|| (Chunk::load_padded(bytes, i), Mask::first_bytes(bytes.len() - i)))
}

/// The bytes of `chunk` that are any of `any` (at most four). Always inlined, as its callers
/// are: their constant bytes then cost a comparison each. Written out, not folded over `any`: the
/// size build kept a fold as a loop loading each byte from memory, at every chunk.
#[inline(always)]
pub fn any_of(chunk: Chunk, any: &[u8]) -> Mask {
    debug_assert!(any.len() <= 4);
    #[inline(always)]
    fn eq(chunk: Chunk, any: &[u8], k: usize) -> Mask {
        any.get(k).map_or(Mask::NONE, |&b| chunk.eq(b))
    }
    eq(chunk, any, 0) | eq(chunk, any, 1) | eq(chunk, any, 2) | eq(chunk, any, 3)
}

/// Where the first `b` is in `bytes`.
pub fn find(bytes: &[u8], b: u8) -> Option<usize> {
    find_where(bytes, |chunk| chunk.eq(b))
}

/// Where the first of the bytes `any` (at most four are looked for a chunk at a time) is in `bytes`.
/// Always inlined, its test too: HTML escaping's constant bytes then cost a comparison each, where
/// a call kept for its callers made every render 1.6% slower.
#[inline(always)]
pub fn find_any(bytes: &[u8], any: &[u8]) -> Option<usize> {
    find_where(bytes, #[inline(always)] |chunk| any_of(chunk, any))
}

/// Where the first byte that `test` holds for is in `bytes`. Always inlined, so that each
/// caller's test is inlined in its loop.
#[inline(always)]
pub fn find_where(bytes: &[u8], test: impl Fn(Chunk) -> Mask) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = Chunk::load(bytes, i) {
        if let Some(at) = test(chunk).first() {
            return Some(i + at);
        }
        i += WIDTH;
    }
    let (chunk, left) = tail(bytes, i)?;
    (test(chunk) & left).first().map(|at| i + at)
}

/// Where the last of the bytes `any` (at most four, as for [`find_any`]) is in `bytes`: chunks
/// taken from the end back.
pub fn rfind_any(bytes: &[u8], any: &[u8]) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(chunk) = end.checked_sub(WIDTH).and_then(|start| Chunk::load(bytes, start)) {
        let found = any_of(chunk, any);
        if let Some(at) = found.last_position() {
            return Some(end - WIDTH + at);
        }
        end -= WIDTH;
    }
    let (chunk, left) = tail(&bytes[..end], 0)?;
    (any_of(chunk, any) & left).last_position()
}

/// Where `needle` (not empty) first is in `haystack`: its first byte found a chunk at a time,
/// then the rest compared. For short needles whose first byte is rare in text (`{::options`, `\`
/// before a line end, `</p>`), where core's two-way search spends more setting up than searching.
pub fn find_str(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = find(&haystack[from..], needle[0]) {
        if haystack[from + i..].starts_with(needle) {
            return Some(from + i);
        }
        from += i + 1;
    }
    None
}

/// Where `needle` first is in `haystack`, for needles an article chooses (the excerpt's
/// separator, a class word): [`find_str`] up to 64 bytes; beyond, core's two-way search, linear
/// in the text whatever the needle (after each first byte, `find_str` may compare up to the
/// needle's length).
pub fn find_text(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() || needle.len() > 64 {
        haystack.find(needle)
    } else {
        find_str(haystack.as_bytes(), needle.as_bytes())
    }
}

/// How many times `b` is in `bytes`. Bytes fewer than a chunk (a blank line's, the few between
/// two line numbers asked) are counted one at a time: a padded chunk of them is a copy of a
/// length known only at run time, which V8 makes a call out of WebAssembly.
pub fn count(bytes: &[u8], b: u8) -> usize {
    if bytes.len() < WIDTH {
        return bytes.iter().filter(|&&c| c == b).count();
    }
    let mut i = 0;
    let mut count = 0;
    while let Some(chunk) = Chunk::load(bytes, i) {
        count += chunk.eq(b).count();
        i += WIDTH;
    }
    count + tail(bytes, i).map_or(0, |(chunk, left)| (chunk.eq(b) & left).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    // The SIMD chunk exists only in WebAssembly: these run there too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// Each byte value at each place of a chunk of otherwise `fill`.
    fn each_byte_in_each_lane(fill: u8) -> impl Iterator<Item = (u8, usize, Chunk)> {
        (0..=255u8).flat_map(move |b| {
            (0..WIDTH).map(move |lane| {
                let mut bytes = [fill; WIDTH];
                bytes[lane] = b;
                (b, lane, Chunk::load(&bytes, 0).expect("a whole chunk"))
            })
        })
    }

    /// The mask of the one byte at `lane`, made through the masks' own operations.
    fn only(lane: usize) -> Mask {
        (0..lane).fold(Mask::NONE.shifted(true), |mask, _| mask.shifted(false))
    }

    #[test]
    fn each_test_holds_for_exactly_the_bytes_it_names() {
        for fill in [b'x', 0x80, 0xc3, b'\n'] {
            for (b, lane, chunk) in each_byte_in_each_lane(fill) {
                let at = |mask: Mask| (mask & only(lane)).any();
                assert_eq!(at(chunk.eq(b'\n')), b == b'\n', "{b:#x} at {lane}");
                assert!(at(chunk.eq(b)), "{b:#x} at {lane}");
                assert_eq!(at(chunk.non_ascii()), !b.is_ascii(), "{b:#x} at {lane}");
                assert_eq!(at(chunk.ascii_alphanumeric()), b.is_ascii_alphanumeric(), "{b:#x} at {lane}");
                assert_eq!(at(chunk.control()), b < b' ', "{b:#x} at {lane}");
                assert_eq!(chunk.eq(fill).count(), WIDTH - 1 + usize::from(b == fill), "{b:#x} at {lane}");
            }
        }
    }

    #[test]
    fn any_of_holds_for_each_of_up_to_four_bytes_and_no_other() {
        let set = b"<>&\"";
        for len in 1..=set.len() {
            let any = &set[..len];
            for (b, lane, chunk) in each_byte_in_each_lane(b'x') {
                assert_eq!((any_of(chunk, any) & only(lane)).any(), any.contains(&b), "{b:#x} at {lane} in {any:?}");
            }
        }
    }

    #[test]
    fn masks_count_shift_and_find_their_bytes() {
        let all = !Mask::NONE;
        assert!(all.any() && !Mask::NONE.any() && !(all & Mask::NONE).any());
        for lane in 0..WIDTH {
            let mask = only(lane);
            assert_eq!(mask.count(), 1);
            assert_eq!(mask.first(), Some(lane));
            assert_eq!(mask.last_position(), Some(lane));
            assert_eq!((mask | only(0)).last_position(), Some(lane));
            for at in 0..WIDTH {
                assert_eq!(mask.holds_at(at), at == lane);
            }
            assert_eq!(Mask::first_bytes(lane), (0..lane).fold(Mask::NONE, |m, l| m | only(l)));
            assert_eq!((mask | only(WIDTH - 1)).first(), Some(lane));
            assert_eq!(mask.shifted(false).first(), (lane + 1 < WIDTH).then_some(lane + 1));
            assert_eq!(mask.shifted_back().first(), lane.checked_sub(1));
            assert_eq!((!mask).count(), WIDTH - 1);
        }
        assert_eq!(Mask::NONE.first(), None);
        assert_eq!(Mask::NONE.last_position(), None);
        assert_eq!(Mask::NONE.without_first(), Mask::NONE);
        let (a, b) = (only(1), only(WIDTH - 1));
        assert_eq!((a | b).without_first(), b);
        assert_eq!((a | b).without_first().without_first(), Mask::NONE);
        assert_eq!(all.count(), WIDTH);
        assert_eq!(Mask::first_bytes(WIDTH), all);
    }

    #[test]
    fn runs_are_taken_whole_from_each_start_and_only_from_a_start() {
        // Every mask of the chunk's width, with starts at every other run's first byte (the
        // first and the third...), checked a byte at a time: a byte of the mask is taken when
        // its run's first byte is a start.
        for bits in 0..1u32 << WIDTH {
            let mask = (0..WIDTH).filter(|&lane| bits >> lane & 1 != 0).fold(Mask::NONE, |m, lane| m | only(lane));
            let first_bytes: Vec<usize> = (0..WIDTH).filter(|&l| mask.holds_at(l) && (l == 0 || !mask.holds_at(l - 1))).collect();
            let starts = first_bytes.iter().step_by(2).fold(Mask::NONE, |m, &lane| m | only(lane));
            let runs = mask.runs_from(starts);
            for lane in 0..WIDTH {
                let run_start = (0..=lane).rev().take_while(|&l| mask.holds_at(l)).last();
                assert_eq!(runs.holds_at(lane), run_start.is_some_and(|l| starts.holds_at(l)), "{bits:#b}, lane {lane}");
            }
        }
    }

    #[test]
    fn a_byte_is_found_and_counted_where_it_is_in_a_chunk_or_the_tail() {
        for len in 0..(3 * WIDTH) {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'\n';
                bytes[len - 1] = b'\n';
                assert_eq!(find(&bytes, b'\n'), Some(at), "length {len}, at {at}");
                assert_eq!(find_any(&bytes, b"<\n&"), Some(at), "length {len}, at {at}");
                assert_eq!(count(&bytes, b'\n'), 1 + usize::from(at != len - 1), "length {len}, at {at}");
            }
            assert_eq!(find(&vec![b'a'; len], b'\n'), None, "length {len}");
            assert_eq!(find_any(&vec![b'a'; len], b"<>&\""), None, "length {len}");
            assert_eq!(rfind_any(&vec![b'a'; len], b"<>&\""), None, "length {len}");
        }
    }

    #[test]
    fn a_byte_is_found_from_the_end_where_it_last_is_in_a_chunk_or_the_tail() {
        for len in 1..(3 * WIDTH) {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[0] = b'\n';
                bytes[at] = b'<';
                assert_eq!(rfind_any(&bytes, b"\n<"), Some(at), "length {len}, at {at}");
                assert_eq!(rfind_any(&bytes, b"\n"), (at != 0).then_some(0), "length {len}, at {at}");
            }
        }
    }

    #[test]
    fn a_needle_is_found_where_str_find_finds_it() {
        let texts = ["", "{", "{:", "a {:.c} {::options x} b", "\\\n", "a\\b\\\nc", "{{::option", "xxxxxxxxxxxxxxxxxxxxxx{::options"];
        for text in texts {
            for needle in ["{::options", "\\\n", "{", "b"] {
                assert_eq!(find_str(text.as_bytes(), needle.as_bytes()), text.find(needle), "{needle:?} in {text:?}");
            }
        }
    }

    #[test]
    fn a_needle_of_any_length_is_found_where_str_find_finds_it() {
        for n in [1, 2, 63, 64, 65, 200] {
            let needle = format!("{}b", "a".repeat(n - 1));
            for text in [needle.clone(), format!("{}{needle}", "a".repeat(300)), "a".repeat(300), format!("é{needle}é")] {
                assert_eq!(find_text(&text, &needle), text.find(&needle), "{n}");
            }
        }
        assert_eq!(find_text("abc", ""), Some(0));
    }

    #[test]
    fn chunks_load_from_any_position_and_not_past_the_end() {
        let bytes: Vec<u8> = (0..=WIDTH as u8 + 1).collect();
        let chunk = Chunk::load(&bytes, 2).expect("a whole chunk");
        assert_eq!(chunk.eq(2).first(), Some(0));
        assert_eq!(chunk.eq(WIDTH as u8 + 1).first(), Some(WIDTH - 1));
        assert!(Chunk::load(&bytes, 3).is_none());
        assert!(Chunk::load(&bytes, usize::MAX).is_none());
    }

    #[test]
    fn a_padded_chunk_holds_the_last_bytes_then_zeros() {
        // Texts longer and shorter than a chunk.
        for len in 1..=WIDTH + 2 {
            let bytes: Vec<u8> = (1..=len as u8).collect();
            for from in len.saturating_sub(WIDTH - 1)..len {
                let chunk = Chunk::load_padded(&bytes, from);
                let left = len - from;
                for lane in 0..WIDTH {
                    let expected = if lane < left { bytes[from + lane] } else { 0 };
                    assert!(chunk.eq(expected).holds_at(lane), "length {len}, from {from}, lane {lane}");
                }
            }
        }
    }
}
