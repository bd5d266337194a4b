//! Automatic header ids, the two ways kramdown makes them.
//!
//! - GFM input (Jekyll): from the header's text after span parsing (entities and smart
//!   quotes as characters, markup dropped), lowercased; everything but Unicode letters,
//!   digits, `_`, `-`, spaces and tabs dropped; spaces and tabs become `-`. A repeated id
//!   gets `-1`, `-2`... (`generate_gfm_header_id`).
//! - kramdown input: from the raw header text, leading non-letters dropped, only ASCII
//!   letters, digits, spaces and hyphens kept, spaces to `-`, lowercased; empty gives
//!   `section`; repeats get `-1`, `-2`... (`Converter::Base#generate_id`).
//!
//! With `transliterated_header_ids`, kramdown's own ids are made from the text written in ASCII
//! first (`transliteration.rs`); GFM's are not.

use super::element::{Element, Kind, Symbol};
use super::patterns;
use std::mem::MaybeUninit;
use crate::name_map::NameMap;

/// The text a header's id is made from, as GFM gathers it (`GFM#update_raw_text`).
pub fn gfm_raw_text(el: &Element) -> String {
    let mut out = String::new();
    gather_gfm(el, &mut out);
    out
}

fn gather_gfm(el: &Element, out: &mut String) {
    for child in &el.children {
        match child.kind {
            Kind::Text | Kind::Codespan | Kind::Math => out.push_str(&child.value),
            // Ids are made before abbreviations are marked (as kramdown makes them); the
            // outline's text after, from the same header.
            Kind::Abbreviation => out.push_str(&child.value),
            Kind::Entity => out.extend(child.options.entity.and_then(|e| e.char())),
            Kind::SmartQuote | Kind::TypographicSym => match child.flags.symbol {
                // With a non-breaking space, which ids then drop.
                Some(Symbol::LaquoSpace) => out.push_str("«\u{a0}"),
                Some(Symbol::RaquoSpace) => out.push_str("\u{a0}»"),
                Some(symbol) => out.extend(symbol.entity().and_then(|e| e.char())),
                None => {}
            },
            _ => gather_gfm(child, out),
        }
    }
}

/// The text of an element's `Text` descendants (kramdown's `update_raw_text`).
pub fn text_only(el: &Element) -> String {
    let mut out = String::new();
    gather_text(el, &mut out);
    out
}

fn gather_text(el: &Element, out: &mut String) {
    for child in &el.children {
        if child.kind == Kind::Text {
            out.push_str(&child.value);
        } else {
            gather_text(child, out);
        }
    }
}

/// Gives out unique ids, counting repeats (`-1`, `-2`...).
#[derive(Default)]
pub struct IdCounter {
    used: NameMap<usize>,
}

impl IdCounter {
    /// GFM: the first use of an id keeps it, later ones get a count.
    pub fn gfm(&mut self, text: &str, prefix: &str) -> String {
        let id = gfm_id(text);
        let count = self.count(&id);
        // Most headers' ids are the first of their text, without a prefix: the id itself.
        if count == 0 && prefix.is_empty() {
            return id;
        }
        let mut out = String::with_capacity(prefix.len() + id.len() + 4);
        out.push_str(prefix);
        out.push_str(&id);
        if count > 0 {
            out.push('-');
            crate::decimal::push_decimal(&mut out, count as u128);
        }
        out
    }

    /// kramdown: `section` for an empty id, then counted like GFM.
    pub fn kramdown(&mut self, text: &str, prefix: &str) -> String {
        let mut id = basic_id(text);
        if id.is_empty() {
            id = "section".into();
        }
        let count = self.count(&id);
        if count > 0 {
            id = format!("{id}-{count}");
        }
        [prefix, &id].concat()
    }

    /// How many times `id` was given out before: 0 the first time.
    fn count(&mut self, id: &str) -> usize {
        match self.used.get_or_insert(id, 0) {
            (_, true) => 0,
            (n, false) => {
                *n += 1;
                *n
            }
        }
    }
}

/// A GFM id before it is counted: the text lowered, keeping `\p{Word}`, `-`, spaces and tabs
/// (those two becoming `-`). Headers are mostly ASCII and Latin-1 letters, taken in runs by
/// [`lowered_run`]; another character is lowered by Unicode's tables.
fn gfm_id(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut id = String::with_capacity(bytes.len());
    let mut i = 0;
    loop {
        // SAFETY: the run writes whole UTF-8 characters, and only into the room it is given.
        let vec = unsafe { id.as_mut_vec() };
        let len = vec.len();
        let (read, written) = lowered_run(&bytes[i..], vec.spare_capacity_mut());
        // SAFETY: the run wrote `written` bytes after the id's end.
        unsafe { vec.set_len(len + written) };
        i += read;
        let Some(c) = text[i..].chars().next() else { return id };
        i += c.len_utf8();
        // Lowered, a character beyond ASCII is never a space, a tab or a hyphen.
        id.extend(c.to_lowercase().filter(|&lower| patterns::is_word_property(lower)));
        // A lowered character may be longer than it was ('İ'): the room left must still hold
        // every byte left, which the runs write at most.
        id.reserve(bytes.len() - i);
    }
}

/// The start of `bytes` that is ASCII or Latin-1's letters, written into `room` as a GFM id
/// keeps it: bytes read and bytes written. It writes no more than it reads, and stops at the
/// first other character (or the end). Written a byte at a time into the room, with the counts in
/// locals: pushed, each byte checked the string's capacity and stored its length again (the
/// 13.4 KB article's six ids cost its render 0.09% more instructions in wasm).
fn lowered_run(bytes: &[u8], room: &mut [MaybeUninit<u8>]) -> (usize, usize) {
    assert!(room.len() >= bytes.len(), "room for every byte");
    let (mut i, mut n) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // Written whether kept or not: only a kept byte moves the end on.
            let kept = GFM_ASCII[usize::from(b)];
            room[n].write(kept);
            n += usize::from(kept != 0);
            i += 1;
        } else if let Some(second) = latin1_letter(bytes, i) {
            // French headers have an accented letter every few words.
            room[n].write(0xc3);
            room[n + 1].write(second);
            (i, n) = (i + 2, n + 2);
        } else {
            break;
        }
    }
    (i, n)
}

/// What each ASCII byte is in a GFM id: a word byte lowered, `-` for a space, a tab or a hyphen,
/// 0 for a byte left out. Looked up, not tested byte by byte: headers are mostly ASCII.
const GFM_ASCII: [u8; 128] = {
    let mut table = [0; 128];
    let mut b = 0;
    while b < 128 {
        table[b as usize] = match b {
            b' ' | b'\t' | b'-' => b'-',
            _ if patterns::is_word(b) => b.to_ascii_lowercase(),
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The letter of Latin-1's upper half (`À` to `ÿ`, all letters but `×` and `÷`) starting at byte
/// `i`, lowered, without Unicode's tables: its capitals lie 32 below their small letters. The
/// letter is given as its second byte in UTF-8, the first being 0xc3 for them all.
fn latin1_letter(bytes: &[u8], i: usize) -> Option<u8> {
    if bytes[i] != 0xc3 {
        return None;
    }
    match *bytes.get(i + 1)? {
        // `×` and `÷`.
        0x97 | 0xb7 => None,
        // `À` to `Þ`.
        capital @ 0x80..=0x9e => Some(capital + 0x20),
        small => Some(small),
    }
}

/// kramdown's `basic_generate_id`: leading non-letters dropped, ASCII letters, digits,
/// spaces and hyphens kept, spaces to hyphens, lowercased.
pub fn basic_id(text: &str) -> String {
    text.trim_start_matches(|c: char| !c.is_ascii_alphabetic())
        .chars()
        .filter(|&c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        .map(|c| if c == ' ' { '-' } else { c.to_ascii_lowercase() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gfm_ids_keep_unicode_letters_and_drop_punctuation() {
        let mut ids = IdCounter::default();
        assert_eq!(ids.gfm("Le rôle de l’État : 2016 !", ""), "le-rôle-de-létat--2016-");
        assert_eq!(ids.gfm("Le rôle de l’État : 2016 !", ""), "le-rôle-de-létat--2016--1");
        assert_eq!(ids.gfm("A_b", "p-"), "p-a_b");
    }

    #[test]
    fn gfm_ids_lower_case_then_keep_word_characters_whatever_the_script() {
        // The rule as written (lower-case the whole text, then filter), against the one pass.
        let rule = |text: &str| -> String {
            crate::ruby_case::downcase(text)
                .chars()
                .filter(|&c| patterns::is_word_property(c) || matches!(c, '-' | ' ' | '\t'))
                .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
                .collect()
        };
        for text in ["ΑΣ Β_γ", "İstanbul\tx", "Ǆemal ½ ²", "日本語の見出し", "a\u{301}-b", "Ⅻ ⓐ ＡＢ"] {
            assert_eq!(IdCounter::default().gfm(text, ""), rule(text), "{text}");
        }
        for c in (0..0x250).chain(0x2000..0x2070).filter_map(char::from_u32) {
            let text = format!("A{c}b {c}");
            assert_eq!(IdCounter::default().gfm(&text, ""), rule(&text), "{c:?}");
        }
    }

    #[test]
    fn a_character_lowered_to_more_bytes_leaves_room_for_the_rest_of_the_id() {
        // 'İ' (two bytes) lowers to three: the runs after it must still find room for theirs.
        let text = format!("{}{}", "İ".repeat(8), "Éa b".repeat(40));
        let expected = format!("{}{}", "i\u{307}".repeat(8), "éa-b".repeat(40));
        assert_eq!(IdCounter::default().gfm(&text, ""), expected);
    }

    #[test]
    fn kramdown_ids_are_ascii_and_never_empty() {
        let mut ids = IdCounter::default();
        assert_eq!(ids.kramdown("1. Über uns", ""), "ber-uns");
        assert_eq!(ids.kramdown("123", ""), "section");
        assert_eq!(ids.kramdown("456", ""), "section-1");
    }
}
