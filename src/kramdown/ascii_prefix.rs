//! Tests for ASCII bytes, known when compiling, at the start of a text. `str::starts_with`
//! is, in the size-optimised WebAssembly build, a call that (for a character) encodes it and
//! then calls `memcmp`, three calls to compare a byte or two; these compare them in place.

/// Whether `bytes` starts with `prefix`, compared a byte at a time: `prefix` is a literal of a
/// few bytes, and inlined this is as many comparisons.
#[inline(always)]
pub fn has_prefix<const N: usize>(bytes: &[u8], prefix: &[u8; N]) -> bool {
    bytes.len() >= N && (0..N).all(|i| bytes[i] == prefix[i])
}

pub trait AsciiPrefix {
    /// Whether the text starts with `byte`, an ASCII byte.
    fn starts_with_byte(&self, byte: u8) -> bool;
    /// The text after `byte` when it starts with it (`strip_prefix`).
    fn after_byte(&self, byte: u8) -> Option<&str>;
    /// Whether the text starts with `prefix`, ASCII bytes.
    fn starts_with_ascii<const N: usize>(&self, prefix: &[u8; N]) -> bool;
    /// The text after `prefix` when it starts with it.
    fn after_ascii<const N: usize>(&self, prefix: &[u8; N]) -> Option<&str>;
}

impl AsciiPrefix for str {
    #[inline(always)]
    fn starts_with_byte(&self, byte: u8) -> bool {
        self.starts_with_ascii(&[byte])
    }

    #[inline(always)]
    fn after_byte(&self, byte: u8) -> Option<&str> {
        self.after_ascii(&[byte])
    }

    #[inline(always)]
    fn starts_with_ascii<const N: usize>(&self, prefix: &[u8; N]) -> bool {
        debug_assert!(prefix.is_ascii());
        has_prefix(self.as_bytes(), prefix)
    }

    #[inline(always)]
    fn after_ascii<const N: usize>(&self, prefix: &[u8; N]) -> Option<&str> {
        // ASCII bytes are whole characters: the text after them starts on a boundary.
        self.starts_with_ascii(prefix).then(|| &self[N..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 8] = ["", "a", "ab", "é", "\n", "<p>", "</", "<!--"];

    #[test]
    fn a_byte_prefix_agrees_with_the_character_prefix() {
        for text in TEXTS {
            for byte in [b'a', b'b', b'<', b'\n'] {
                let c = char::from(byte);
                assert_eq!(text.starts_with_byte(byte), text.starts_with(c), "{text:?} {c:?}");
                assert_eq!(text.after_byte(byte), text.strip_prefix(c), "{text:?} {c:?}");
            }
        }
    }

    #[test]
    fn a_prefix_of_several_bytes_agrees_with_the_string_prefix() {
        for text in TEXTS {
            for prefix in [b"ab", b"</", b"<p"] {
                let s = std::str::from_utf8(prefix).unwrap();
                assert_eq!(text.starts_with_ascii(prefix), text.starts_with(s), "{text:?} {s:?}");
                assert_eq!(text.after_ascii(prefix), text.strip_prefix(s), "{text:?} {s:?}");
                assert_eq!(has_prefix(text.as_bytes(), prefix), text.starts_with(s), "{text:?} {s:?}");
            }
            assert_eq!(text.after_ascii(b"<!--"), text.strip_prefix("<!--"), "{text:?}");
        }
    }
}
