//! UTF-8 read by its bytes, where decoding a character would be a call for nothing.

/// Bytes of the UTF-8 sequence starting with `lead`.
pub(crate) fn len_of(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::len_of;

    #[test]
    fn a_sequence_s_length_is_told_by_its_first_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut bytes = [0; 4];
            assert_eq!(len_of(c.encode_utf8(&mut bytes).as_bytes()[0]), c.len_utf8(), "{c:?}");
        }
    }
}
