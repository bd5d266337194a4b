//! Tests for one ASCII byte at the start of a text. `str::starts_with('x')` is, in the
//! size-optimised WebAssembly build, a call that encodes the character and calls `memcmp`
//! (three calls for one byte, about 1.5% of a render); these compare the byte in place.

pub trait AsciiPrefix {
    /// Whether the text starts with `byte`, an ASCII byte.
    fn starts_with_byte(&self, byte: u8) -> bool;
    /// The text after `byte` when it starts with it (`strip_prefix`).
    fn after_byte(&self, byte: u8) -> Option<&str>;
}

impl AsciiPrefix for str {
    #[inline(always)]
    fn starts_with_byte(&self, byte: u8) -> bool {
        debug_assert!(byte.is_ascii());
        self.as_bytes().first() == Some(&byte)
    }

    #[inline(always)]
    fn after_byte(&self, byte: u8) -> Option<&str> {
        // An ASCII byte is a whole character: the text after it starts on a boundary.
        self.starts_with_byte(byte).then(|| &self[1..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_prefix_agrees_with_the_character_prefix() {
        for text in ["", "a", "ab", "é", "\n", "<p>"] {
            for byte in [b'a', b'b', b'<', b'\n'] {
                let c = char::from(byte);
                assert_eq!(text.starts_with_byte(byte), text.starts_with(c), "{text:?} {c:?}");
                assert_eq!(text.after_byte(byte), text.strip_prefix(c), "{text:?} {c:?}");
            }
        }
    }
}
