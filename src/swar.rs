//! Eight bytes tested at once in a 64-bit integer, for the loops that read every byte of a text
//! (counting lines and words, looking for where a span may start). WebAssembly without its SIMD
//! extension still has 64-bit arithmetic, so this is its way of reading text faster than a
//! byte at a time. Each test leaves the high bit (0x80) set in the bytes it holds for.

pub const LANES: u64 = u64::from_ne_bytes([1; 8]);
pub const HIGH_BITS: u64 = LANES * 0x80;

/// The eight bytes of `bytes` from `i`, the first in the lowest byte; `None` past the end.
pub fn load(bytes: &[u8], i: usize) -> Option<u64> {
    let chunk = bytes.get(i..i.checked_add(8)?)?;
    Some(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
}

/// The bytes of `x` that are `b`.
pub fn equal(x: u64, b: u8) -> u64 {
    // A byte of `y` is zero where `x` holds `b`; adding 0x7f to the low seven bits of a byte
    // sets its high bit unless they are all zero, and nothing carries into the next byte.
    let y = x ^ (LANES * u64::from(b));
    !(((y & !HIGH_BITS) + LANES * 0x7f) | y | !HIGH_BITS)
}

/// The bytes of `x`, all below 0x80, that lie in `lo..=hi`: adding `0x80 - lo` sets the high
/// bit from `lo` on, adding `0x7f - hi` from past `hi` on, and no sum carries into the next byte.
pub fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(x & HIGH_BITS == 0 && lo <= hi && hi < 0x80);
    (x + LANES * u64::from(0x80 - lo)) & !(x + LANES * u64::from(0x7f - hi)) & HIGH_BITS
}

/// The bytes of `x`, all below 0x80, that are ASCII letters or digits.
pub fn alphanumeric(x: u64) -> u64 {
    // `| 0x20` lowers capitals and moves no other byte into `a..=z`.
    in_range(x | (LANES * 0x20), b'a', b'z') | in_range(x, b'0', b'9')
}

/// How many bytes a test's result holds for. Core's `count_ones` is one instruction in
/// WebAssembly but a dozen on x86-64 without `popcnt`: moving each high bit to its byte's low bit
/// and multiplying sums the bytes into the top one (at most 8, so nothing carries out).
pub fn count(found: u64) -> usize {
    ((found >> 7).wrapping_mul(LANES) >> 56) as usize
}

/// Where the first `b` is in `bytes`.
pub fn find(bytes: &[u8], b: u8) -> Option<usize> {
    let mut i = 0;
    while let Some(x) = load(bytes, i) {
        let found = equal(x, b);
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes[i..].iter().position(|&c| c == b).map(|j| i + j)
}

/// Where `needle` (not empty) first is in `haystack`: its first byte found eight bytes at a
/// time, then the rest compared. For short needles whose first byte is rare in text
/// (`{::options`, `\` before a line end, `</p>`), where core's two-way search spends more
/// setting up than searching.
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each test on every byte value, in every position of a chunk, against the byte's own test.
    #[test]
    fn each_test_holds_for_exactly_the_bytes_it_names() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[lane] = b;
                let x = load(&bytes, 0).unwrap();
                let bit = 0x80u64 << (8 * lane);
                assert_eq!(equal(x, b'\n') & bit != 0, b == b'\n', "{b:#x} at {lane}");
                assert_eq!(equal(x, b) & bit, bit, "{b:#x} at {lane}");
                assert_eq!(count(equal(x, b'x')), 7 + usize::from(b == b'x'), "{b:#x} at {lane}");
                if b < 0x80 {
                    assert_eq!(alphanumeric(x) & bit != 0, b.is_ascii_alphanumeric(), "{b:#x} at {lane}");
                    assert_eq!(in_range(x, b'!', b'/') & bit != 0, (b'!'..=b'/').contains(&b), "{b:#x} at {lane}");
                }
            }
        }
    }

    #[test]
    fn a_byte_is_found_first_where_it_first_is_in_a_chunk_or_the_tail() {
        for len in 0..20 {
            for at in 0..len {
                let mut bytes = vec![b'a'; len];
                bytes[at] = b'\n';
                bytes[len - 1] = b'\n';
                assert_eq!(find(&bytes, b'\n'), Some(at), "length {len}, at {at}");
            }
            assert_eq!(find(&vec![b'a'; len], b'\n'), None, "length {len}");
        }
    }

    #[test]
    fn a_needle_is_found_where_str_find_finds_it() {
        let texts = ["", "{", "{:", "a {:.c} {::options x} b", "\\\n", "a\\b\\\nc", "{{::option", "xxxxxxxx{::options"];
        for text in texts {
            for needle in ["{::options", "\\\n", "{", "b"] {
                assert_eq!(find_str(text.as_bytes(), needle.as_bytes()), text.find(needle), "{needle:?} in {text:?}");
            }
        }
    }

    #[test]
    fn eight_bytes_load_from_any_position_and_not_past_the_end() {
        let bytes = *b"0123456789";
        assert_eq!(load(&bytes, 2), Some(u64::from_le_bytes(*b"23456789")));
        assert_eq!(load(&bytes, 3), None);
        assert_eq!(load(&bytes, usize::MAX), None);
    }
}
