//! The text a live preview shows, kept on the Rust side and edited in place, so that a keystroke
//! crosses the WebAssembly boundary as the edit it is (a few bytes), not as the whole article
//! again (for a 100 KB article, copying it in cost about half a millisecond a keystroke).
//!
//! Editors in the browser count positions in UTF-16 code units; Rust's text is UTF-8. A cursor
//! remembers where the last edit was in both units, so that finding the next one (usually near)
//! scans only the text between them.

use std::fmt;

/// The text, its length in UTF-16 units, and the last edit's place in both units.
#[derive(Clone, Debug, Default)]
pub struct EditedText {
    text: String,
    units: usize,
    /// A byte offset on a character boundary and the UTF-16 units before it.
    cursor: (usize, usize),
}

/// An edit that does not fit the text: the editor's text and this copy are out of step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The edit reaches past the end of the text (`units` long).
    PastTheEnd { at: usize, units: usize },
    /// The edit starts or ends between the two halves of a surrogate pair.
    InsideACharacter { at: usize },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::PastTheEnd { at, units } => write!(f, "an edit at UTF-16 offset {at} is past the end of the text ({units} units)"),
            EditError::InsideACharacter { at } => write!(f, "an edit at UTF-16 offset {at} splits a character"),
        }
    }
}

/// So that `?` takes it into `Box<dyn Error>` and other error types.
impl std::error::Error for EditError {}

impl EditedText {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The length in UTF-16 code units, as JavaScript's `length` counts.
    pub fn units(&self) -> usize {
        self.units
    }

    /// Replaces the whole text.
    pub fn set(&mut self, text: &str) {
        self.text.clear();
        self.text.push_str(text);
        self.units = utf16_len(text);
        self.cursor = (0, 0);
    }

    /// Replaces `removed` UTF-16 units at UTF-16 offset `from` by `inserted`. Several edits of
    /// one change are applied in order, each at its offset in the text as edited so far.
    pub fn splice(&mut self, from: usize, removed: usize, inserted: &str) -> Result<(), EditError> {
        let start = self.byte_offset(from)?;
        let end = self.byte_offset(from + removed)?;
        self.text.replace_range(start..end, inserted);
        self.units = self.units - removed + utf16_len(inserted);
        self.cursor = (start, from);
        Ok(())
    }

    /// The byte offset of UTF-16 offset `unit`, scanning from the cursor (and moving it there).
    fn byte_offset(&mut self, unit: usize) -> Result<usize, EditError> {
        if unit > self.units {
            return Err(EditError::PastTheEnd { at: unit, units: self.units });
        }
        let bytes = self.text.as_bytes();
        let (mut byte, mut at) = self.cursor;
        while at < unit {
            at += units_of(bytes[byte]);
            byte += crate::utf8::len_of(bytes[byte]);
        }
        while at > unit {
            byte -= 1;
            while !self.text.is_char_boundary(byte) {
                byte -= 1;
            }
            at -= units_of(bytes[byte]);
        }
        if at != unit {
            return Err(EditError::InsideACharacter { at: unit });
        }
        self.cursor = (byte, at);
        Ok(byte)
    }
}

/// The length of `text` in UTF-16 code units.
pub fn utf16_len(text: &str) -> usize {
    text.bytes().map(units_of).sum()
}

/// UTF-16 units of the character a UTF-8 sequence starting with `lead` encodes (four-byte
/// sequences are surrogate pairs); 0 for a continuation byte, counted with its lead.
fn units_of(lead: u8) -> usize {
    match lead {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> EditedText {
        let mut text = EditedText::default();
        text.set(s);
        text
    }

    #[test]
    fn lengths_are_counted_in_utf16_units_as_javascript_counts_them() {
        assert_eq!(utf16_len("abc"), 3);
        assert_eq!(utf16_len("société"), 7);
        assert_eq!(utf16_len("« a »"), 5);
        assert_eq!(utf16_len("😀"), 2);
        assert_eq!(text("a😀é").units(), 4);
    }

    #[test]
    fn typing_inserts_at_the_offset_the_editor_gives() {
        let mut t = text("La société civile");
        t.splice(10, 0, " très").unwrap();
        assert_eq!(t.as_str(), "La société très civile");
        t.splice(15, 0, "s").unwrap();
        assert_eq!(t.as_str(), "La société trèss civile");
        t.splice(15, 1, "").unwrap();
        assert_eq!(t.as_str(), "La société très civile");
        assert_eq!(t.units(), utf16_len(t.as_str()));
    }

    #[test]
    fn offsets_after_an_astral_character_count_its_two_units() {
        let mut t = text("a😀b");
        t.splice(3, 1, "c").unwrap();
        assert_eq!(t.as_str(), "a😀c");
        t.splice(0, 1, "").unwrap();
        assert_eq!(t.as_str(), "😀c");
        t.splice(2, 0, "é").unwrap();
        assert_eq!(t.as_str(), "😀éc");
    }

    #[test]
    fn edits_far_before_the_last_one_are_found_scanning_back() {
        let mut t = text("éééééééééé\nfin");
        t.splice(13, 0, "!").unwrap();
        t.splice(2, 1, "e").unwrap();
        assert_eq!(t.as_str(), "ééeééééééé\nfi!n");
        assert_eq!(t.units(), utf16_len(t.as_str()));
    }

    #[test]
    fn several_edits_of_one_change_apply_in_order() {
        // Two cursors typing "x" at 1 and 3 of "abcd": CodeMirror gives the second at its
        // offset in the text after the first (4).
        let mut t = text("abcd");
        t.splice(1, 0, "x").unwrap();
        t.splice(4, 0, "x").unwrap();
        assert_eq!(t.as_str(), "axbcxd");
    }

    #[test]
    fn an_edit_out_of_step_is_an_error_and_changes_nothing() {
        let mut t = text("a😀b");
        assert_eq!(t.splice(5, 0, "x"), Err(EditError::PastTheEnd { at: 5, units: 4 }));
        assert_eq!(t.splice(2, 0, "x"), Err(EditError::InsideACharacter { at: 2 }));
        assert_eq!(t.splice(1, 1, "x"), Err(EditError::InsideACharacter { at: 2 }));
        assert_eq!(t.as_str(), "a😀b");
        assert_eq!(t.splice(3, 9, ""), Err(EditError::PastTheEnd { at: 12, units: 4 }));
        assert_eq!(t.as_str(), "a😀b");
    }
}
