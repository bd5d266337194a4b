//! Word count and reading time of an article's body, from the kramdown tree.

use crate::kramdown::element::{Element, Kind};
use crate::char_memo::CharMemo;
use crate::chunk::{self, Chunk, Mask};

/// Words a reader reads in a minute, for the reading time.
pub const WORDS_PER_MINUTE: usize = 200;

/// The words of the body's text (code blocks and raw HTML markup left out; the text inside
/// HTML elements counts).
pub fn word_count(root: &Element) -> usize {
    let mut counter = WordCounter::default();
    counter.add(root);
    counter.words
}

/// Counts words over a tree given piece by piece, in order: a word can run on from one piece
/// into the next (text at the top level around an inline element).
#[derive(Default)]
pub struct WordCounter {
    pub words: usize,
    in_word: bool,
}

impl WordCounter {
    /// Adds the words under `el`, and those of `el` itself.
    pub fn add(&mut self, el: &Element) {
        // Each element's first child is read next without going through the stack, which then
        // holds only later siblings: a block of one text, most of them, allocates nothing.
        let mut stack = Vec::new();
        let mut next = Some(el);
        while let Some(el) = next.take().or_else(|| stack.pop()) {
            match el.kind {
                Kind::Text | Kind::Codespan | Kind::Abbreviation => (self.words, self.in_word) = count_words(&el.value, self.words, self.in_word),
                // Apostrophes made typographic join the words around them (d’Afrique).
                Kind::SmartQuote => {}
                Kind::Codeblock | Kind::XmlComment | Kind::Comment | Kind::Raw => self.in_word = false,
                _ => {
                    if el.is_block() {
                        self.in_word = false;
                    }
                    if let Some((first, rest)) = el.children.split_first() {
                        // Most elements hold one child: extending by nothing is still a call.
                        if !rest.is_empty() {
                            stack.extend(rest.iter().rev());
                        }
                        next = Some(first);
                    }
                }
            }
        }
    }
}

/// Counts the words starting in `text`; `in_word` carries a word on from the text before.
/// An apostrophe or hyphen inside a word does not end it.
///
/// This reads every byte of the body's text (a character at a time, it was about 8% of a render
/// in wasm), so a chunk of bytes is taken at once where it holds ASCII, Latin-1 and `’`: there a
/// word starts at each letter or digit that follows no byte inside a word. A chunk is taken up to
/// the end of the last character it holds whole, and the end of a text in a chunk padded with
/// zeros: a character cut by a chunk's end, and each text's last bytes, were read a character at
/// a time, and with the typographic apostrophe those were most of the count's time.
fn count_words(text: &str, mut words: usize, mut in_word: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (chunk, mut end) = match Chunk::load(bytes, i) {
            Some(chunk) => (chunk, i + chunk::WIDTH),
            None => (Chunk::load_padded(bytes, i), bytes.len()),
        };
        // Only bytes beyond ASCII can be a character cut by the chunk's end (and the padding's
        // zeros are no letter, joiner or byte beyond ASCII).
        let mut high = chunk.non_ascii();
        if high.any() {
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            high = high & Mask::first_bytes(end - i);
        }
        if let Some(Plain { letters, apostrophes }) = plain_letters(chunk, high) {
            // Inside a word: a letter or digit, or a joiner right after a byte inside one, which
            // is a run of joiners after a letter (or after the word the text before left open).
            let joiners = chunk.eq(b'\'') | chunk.eq(b'-') | apostrophes;
            let inside = letters | joiners.runs_from(joiners & letters.shifted(in_word));
            words += (letters & !inside.shifted(in_word)).count();
            in_word = inside.holds_at(end - i - 1);
            i = end;
            continue;
        }
        while i < end {
            // Most text is ASCII, whose classes need neither decoding nor a Unicode table.
            let (word_char, joins, len) = match bytes[i] {
                b if b.is_ascii() => (b.is_ascii_alphanumeric(), b == b'\'' || b == b'-', 1),
                _ => {
                    let c = text[i..].chars().next().expect("a character starts here");
                    (is_alphanumeric(c), c == '’', c.len_utf8())
                }
            };
            if word_char && !in_word {
                words += 1;
            }
            in_word = word_char || (in_word && joins);
            i += len;
        }
    }
    (words, in_word)
}

/// The bytes of a chunk that are part of a letter or digit, and those of its typographic
/// apostrophes (which join words as `'` does).
struct Plain {
    letters: Mask,
    apostrophes: Mask,
}

/// For a chunk that holds ASCII, two-byte characters of Latin-1 (`U+0080..=U+00FF`) and `’`
/// (`high`, its bytes beyond ASCII, leaves out those of a character the chunk's end cuts), its
/// letters and apostrophes; `None` for other chunks. French has an accented letter every few
/// words and an apostrophe every few lines: taking those chunks a character at a time was most of
/// the count's time.
fn plain_letters(chunk: Chunk, high: Mask) -> Option<Plain> {
    let ascii = chunk.ascii_alphanumeric();
    if !high.any() {
        return Some(Plain { letters: ascii, apostrophes: Mask::NONE });
    }
    // The text is UTF-8 and `high` ends at a character's end, so each lead byte in it has its
    // continuation bytes there too: every byte of `high` is of Latin-1 (a lead 0xc2 or 0xc3, then
    // one) or of `’` (0xe2 0x80 0x99) exactly when those account for all of them.
    let (c2, c3) = (chunk.eq(0xc2) & high, chunk.eq(0xc3) & high);
    let leads = c2 | c3;
    let e2 = chunk.eq(0xe2) & high;
    let apostrophes = if e2.any() {
        let apostrophe = e2 & chunk.eq(0x80).shifted_back() & chunk.eq(0x99).shifted_back().shifted_back();
        apostrophe | apostrophe.shifted(false) | apostrophe.shifted(false).shifted(false)
    } else {
        Mask::NONE
    };
    if high != (leads | leads.shifted(false) | apostrophes) {
        return None;
    }
    // After 0xc2 come symbols and spaces (`«`, `»`, no-break space), but for a few letters and
    // digits, left to the character loop; after 0xc3 come letters, but for `×` and `÷`.
    if c2.any() && LATIN1_C2_LETTERS.iter().any(|&b| (chunk.eq(b) & c2.shifted(false)).any()) {
        return None;
    }
    let sign = (chunk.eq(0x97) | chunk.eq(0xb7)) & c3.shifted(false);
    let latin = (c3 | c3.shifted(false)) & !(sign | sign.shifted_back());
    Some(Plain { letters: ascii | latin, apostrophes })
}

/// The second bytes of the letters and digits encoded after 0xc2: `ª ² ³ µ ¹ º ¼ ½ ¾`.
const LATIN1_C2_LETTERS: [u8; 9] = [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe];

/// `char::is_alphanumeric`, answered without Unicode's tables for Latin-1, where French and
/// most Western European text stays, and for General Punctuation, where its typographic
/// apostrophe, dashes and quotes are (those tables were a twentieth of a render in wasm); other
/// scripts' answers are remembered (Cyrillic, Greek, CJK: every letter is asked).
fn is_alphanumeric(c: char) -> bool {
    static ALPHANUMERIC: CharMemo = CharMemo::new(char::is_alphanumeric);
    match u32::from(c) {
        0x80..=0xff => matches!(c, 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | '²' | '³' | '¹' | '¼'..='¾'),
        0x2000..=0x206f => false,
        _ => ALPHANUMERIC.get(c),
    }
}

/// Minutes to read `words`, rounded up; none for an empty body.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(WORDS_PER_MINUTE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kramdown::Document;
    use crate::Options;
    // The chunks are wider in the WebAssembly module built with SIMD: run there too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn words(markdown: &str) -> usize {
        word_count(&Document::parse(markdown, &Options::jekyll()).root)
    }

    #[test]
    fn words_are_counted_across_markup_but_not_in_code_blocks() {
        assert_eq!(words("Un *très* beau [lien](x) ici.\n\n    code not counted\n\n# Titre\n"), 6);
    }

    #[test]
    fn typographic_apostrophes_join_words() {
        assert_eq!(words("L'association d'Afrique.\n"), 2);
    }

    #[test]
    fn latin_1_and_punctuation_letters_and_digits_are_told_as_unicode_tells_them() {
        for c in (0x80..0x100).chain(0x2000..0x2070).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The rule as the docs of `count_words` state it, a character at a time.
    fn words_one_by_one(texts: &[&str]) -> usize {
        let (mut words, mut in_word) = (0, false);
        for c in texts.iter().flat_map(|t| t.chars()) {
            let word_char = c.is_alphanumeric();
            words += usize::from(word_char && !in_word);
            in_word = word_char || (in_word && matches!(c, '\'' | '-' | '’'));
        }
        words
    }

    #[test]
    fn words_counted_a_chunk_at_a_time_are_those_counted_one_by_one() {
        let pieces = [
            "a", "Zz", "09", " ", "'", "-", "’", "é", "«", "»", "\u{a0}", "×", "÷", "ÿ", "ª", "²", "©", "œ", "Ł", "ſ", "–", "…",
            "⁰", "ℕ", "ё", "東", "😀", ".", "\n", "word", "@[`{", "/:",
        ];
        let mut random = crate::test_random::Random::new();
        for _ in 0..5000 {
            let text = random.text(&pieces, 40);
            let cut = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).nth(random.below(text.chars().count() + 1)).unwrap();
            let (first, second) = text.split_at(cut);
            let (words, in_word) = count_words(first, 0, false);
            let (words, _) = count_words(second, words, in_word);
            assert_eq!(words, words_one_by_one(&[first, second]), "{first:?} then {second:?}");
        }
    }

    #[test]
    fn each_character_of_the_scripts_taken_a_chunk_at_a_time_counts_as_one_by_one() {
        // Latin-1, Latin Extended-A and -B, General Punctuation and beyond it, at every place in
        // a chunk, around letters, spaces and joiners.
        let characters = (0x80..0x250).chain(0x2000..0x2100).filter_map(char::from_u32);
        for c in characters {
            for pad in 0..=chunk::WIDTH {
                for around in ["a{}b", "{}{}x", " {}a", "a'{}", "x{} y", "{}"] {
                    let text = format!("{}{}", "z".repeat(pad), around.replace("{}", &c.to_string()));
                    let (words, _) = count_words(&text, 0, false);
                    assert_eq!(words, words_one_by_one(&[&text]), "{c:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn french_chunks_with_accents_and_apostrophes_are_taken_whole_not_a_character_at_a_time() {
        let text = "l’été d’où « là » ça ôté… ".repeat(2);
        let bytes = text.as_bytes();
        let chunk = Chunk::load(bytes, 0).expect("a whole chunk");
        let whole = (0..=chunk::WIDTH).rev().find(|&n| text.is_char_boundary(n)).unwrap();
        assert!(plain_letters(chunk, chunk.non_ascii() & Mask::first_bytes(whole)).is_some(), "{:?}", &text[..whole]);
        let at = text.find('…').unwrap();
        let ellipsis = Chunk::load_padded(&bytes[..at + '…'.len_utf8()], at);
        assert!(plain_letters(ellipsis, ellipsis.non_ascii()).is_none());
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(401), 3);
    }
}
