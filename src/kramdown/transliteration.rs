//! `transliterated_header_ids`: kramdown writes a header's text in ASCII before it makes an id
//! of it (`Utils::Unidecoder`, for the ids its converter makes: every header's with kramdown
//! input, with GFM's those inside HTML elements). It does so with the data of the stringex gem,
//! which a site that sets the option has installed: without it, kramdown stops at the first such
//! id. Folio holds that data for the code points below U+3000 (alphabets, punctuation, symbols;
//! `transliteration_table.rs`). For a character of the blocks above it that stringex has (CJK
//! ideographs, kana, Hangul...) Folio cannot write what kramdown does, and says so.

use super::parser::Warning;
use super::transliteration_table::{BLOCKS, BLOCKS_ABOVE, LENGTHS, TEXT};
use std::borrow::Cow;

/// Warns, at each header's line, of the character its id left out (see [`to_ascii`]).
#[inline(never)]
pub fn warn(untransliterated: &[(usize, char)], warnings: &mut Vec<Warning>) {
    for &(line, c) in untransliterated {
        let message = format!(
            "transliterated_header_ids: Folio cannot write '{c}' (U+{:04X}) in ASCII as kramdown does with the stringex gem; this header's id leaves it out",
            u32::from(c)
        );
        warnings.push(Warning { line, message });
    }
}

/// `text` in ASCII as kramdown's Unidecoder writes it, and the first character Folio could not
/// write so, which is left out (as an id leaves out what is not ASCII).
pub fn to_ascii(text: &str) -> (Cow<'_, str>, Option<char>) {
    if text.is_ascii() {
        return (Cow::Borrowed(text), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut unknown = None;
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(ascii) = transliteration(c) {
            out.push_str(ascii);
        } else {
            unknown.get_or_insert(c);
        }
    }
    (Cow::Owned(out), unknown)
}

/// What kramdown writes for a character beyond ASCII; `None` for one of a block that stringex
/// has and Folio does not.
fn transliteration(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    let high = code >> 8;
    match usize::try_from(high).ok().and_then(|high| BLOCKS.get(high)) {
        Some(&Some((text_start, block))) => {
            let lengths = &LENGTHS[usize::from(block) * 256..][..256];
            let low = (code & 0xff) as usize;
            let start = usize::from(text_start) + lengths[..low].iter().map(|&l| usize::from(l)).sum::<usize>();
            Some(&TEXT[start..start + usize::from(lengths[low])])
        }
        // Where stringex has no table, kramdown's lookup fails and it writes `?`.
        Some(None) => Some("?"),
        None if BLOCKS_ABOVE.iter().any(|&b| u32::from(b) == high) => None,
        None => Some("?"),
    }
}

#[cfg(test)]
mod tests {
    use super::to_ascii;

    #[test]
    fn latin_letters_lose_their_accents_and_ligatures_split() {
        assert_eq!(to_ascii("Été à Noël: l’État œuvre"), ("Ete a Noel: l'Etat oeuvre".into(), None));
        assert_eq!(to_ascii("ß and Æ"), ("ss and AE".into(), None));
    }

    #[test]
    fn greek_and_cyrillic_are_spelt_in_latin_letters() {
        assert_eq!(to_ascii("Ελληνικά και Русский").0, "Ellinika kai Russkii");
    }

    #[test]
    fn ascii_text_is_given_back_as_it_is() {
        assert!(matches!(to_ascii("Plain header").0, std::borrow::Cow::Borrowed("Plain header")));
    }

    #[test]
    fn a_character_of_a_block_folio_does_not_hold_is_named_and_left_out() {
        assert_eq!(to_ascii("漢字 mixed"), (" mixed".into(), Some('漢')));
    }

    #[test]
    fn characters_stringex_has_no_table_for_become_question_marks() {
        // U+0800 (Samaritan) and U+1F600 (an emoji): no x08.yml, no x1f6.yml.
        assert_eq!(to_ascii("\u{800}a\u{1F600}").0, "?a?");
    }

    #[test]
    fn a_code_point_past_the_end_of_its_blocks_list_is_written_as_nothing() {
        // x02.yml lists 255 code points: U+02FF has none (Ruby's nil).
        assert_eq!(to_ascii("\u{ff}\u{1ff}\u{2ff}").0, "yo");
    }
}
