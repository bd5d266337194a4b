//! Abbreviations: `*[HTML]: Hyper Text Markup Language` (indented up to three spaces; the
//! abbreviation is everything up to the first `]:`) defines one; an attribute list on the
//! next line (or one waiting before it) gives attributes to every occurrence.
//!
//! After parsing, every occurrence in the text of the whole document (footnotes included,
//! raw HTML content excluded) becomes an abbreviation (`replace_abbreviations`): where the
//! text starts, a line starts or a non-word character stands before it, and no word character
//! follows it; the longest abbreviation wins. A second definition replaces the first, with a
//! warning.
//!
//! HTML: `<abbr title="definition">HTML</abbr>` (no title for an empty definition).

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::chunk;
use crate::kramdown::element::{Attrs, ContentModel, Element, EobKind, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{is_word, opt_space, strip};

/// `ABBREV_DEFINITION_START` (`^ {0,3}\*\[(.+?)\]:(.*?)\n`): the abbreviation, its definition
/// (not stripped) and the line's length.
fn abbrev_definition_start(s: &str) -> Option<(&str, &str, usize)> {
    let start = opt_space(s) + 2;
    if !s[start - 2..].starts_with_ascii(b"*[") {
        return None;
    }
    let line_end = start + chunk::find(&s.as_bytes()[start..], b'\n')?;
    let line = &s[start..line_end];
    let first = line.chars().next()?.len_utf8();
    let close = chunk::find_str(&line.as_bytes()[first..], b"]:")? + first;
    Some((&line[..close], &line[close + 2..], line_end + 1))
}

impl Parser<'_> {
    pub(crate) fn parse_abbrev_definition(&mut self, tree: &mut Element) -> bool {
        let Some((id, text, len)) = abbrev_definition_start(self.src.rest()) else { return false };
        let (id, text) = (id.to_owned(), strip(text).to_owned());
        let location = self.src.current_line_number();
        self.src.take(len);
        if self.data.abbrev_defs.contains(&id) {
            self.warn_at(location, format!("Duplicate abbreviation ID '{id}' - overwriting"));
        }
        let mut eob = self.eob(EobKind::AbbrevDef, location);
        eob.value = id.clone();
        self.note_definition_ial(&eob);
        tree.children.push(eob);
        self.data.abbrev_defs.insert(id, text);
        true
    }

    /// The attributes of each abbreviation, from the attribute lists of its definition
    /// (`correct_abbreviations_attributes`), and the abbreviations longest first; run once
    /// every definition is known.
    pub(crate) fn correct_abbreviations_attributes(&mut self) {
        self.abbreviations = Abbreviations::new(self.data.abbrev_defs.keys());
        for id in self.data.abbrev_defs.keys() {
            let mut attr = Attrs::default();
            if let Some(Some(ial)) = self.abbrev_ials.get(id) {
                self.update_attr_with_ial(&mut attr, ial);
            }
            self.data.abbrev_attr.insert(id.to_owned(), attr);
        }
    }

    /// Turns the occurrences of the abbreviations in the text under `el` into abbreviation
    /// elements (`replace_abbreviations`).
    pub(crate) fn replace_abbreviations(&self, el: &mut Element) {
        if !self.abbreviations.names.is_empty() {
            replace_in(el, &self.abbreviations);
        }
    }
}

/// The abbreviations of a document, as the text is searched for them.
pub(crate) struct Abbreviations {
    /// Longest first, the order kramdown's regexp tries them in (only their order among
    /// prefixes of each other matters).
    names: Vec<String>,
    /// The bytes an abbreviation starts with: a text is compared with them only there.
    first_bytes: [bool; 256],
    /// The same bytes, once each: a text is searched for them a chunk at a time when they are
    /// few (see [`chunk::find_any`]).
    firsts: Vec<u8>,
    /// Whether a name holds `’`, which a text then could be matched across where kramdown
    /// would not: there an apostrophe inside a word ends one text and starts the next.
    apostrophe: bool,
}

impl Default for Abbreviations {
    fn default() -> Self {
        Abbreviations::new(std::iter::empty())
    }
}

impl Abbreviations {
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Self {
        let mut names: Vec<String> = names.map(str::to_owned).collect();
        names.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let mut first_bytes = [false; 256];
        let mut firsts = Vec::new();
        for name in &names {
            let first = name.as_bytes()[0];
            if !std::mem::replace(&mut first_bytes[usize::from(first)], true) {
                firsts.push(first);
            }
        }
        let apostrophe = names.iter().any(|name| name.contains('\u{2019}'));
        Abbreviations { names, first_bytes, firsts, apostrophe }
    }

    /// Whether apostrophes inside words must stay elements of their own for the abbreviations
    /// to be found as kramdown finds them (see [`Parser::apostrophes_are_text`]).
    pub(crate) fn hold_apostrophe(&self) -> bool {
        self.apostrophe
    }

    /// The abbreviation that `s` starts with, the longest if several do (the regexp union).
    fn at(&self, s: &str) -> Option<&str> {
        self.names.iter().map(String::as_str).find(|a| s.starts_with(a))
    }

    /// Whether an abbreviation occurs anywhere in `text`. Names start with a whole character,
    /// so a name's bytes found at a byte of `text` are found at a character boundary. Every
    /// text of a document that defines one is asked: read byte by byte, this was a twentieth
    /// of the shared corpus's render in WebAssembly (one of its articles defines `CSS`).
    fn in_text(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let starts_one = |i: usize| self.names.iter().any(|a| bytes[i..].starts_with(a.as_bytes()));
        if self.firsts.len() > FIRSTS_SEARCHED {
            return (0..bytes.len()).any(|i| self.first_bytes[usize::from(bytes[i])] && starts_one(i));
        }
        let mut from = 0;
        while let Some(i) = chunk::find_any(&bytes[from..], &self.firsts) {
            if starts_one(from + i) {
                return true;
            }
            from += i + 1;
        }
        false
    }
}

/// The most first bytes a text is searched for a chunk at a time: each costs a comparison a
/// chunk, and beyond these the text is read a byte at a time against a table instead.
const FIRSTS_SEARCHED: usize = 4;

/// Every text under `el` split at its abbreviations. One pass over the children: a whole
/// document's tree is walked, and texts and leaves (most of it) cost no call of their own.
fn replace_in(el: &mut Element, abbrevs: &Abbreviations) {
    let raw = el.flags.content_model == Some(ContentModel::Raw);
    let mut first_holding = None;
    for (i, child) in el.children.iter_mut().enumerate() {
        if child.kind != Kind::Text {
            if !child.children.is_empty() {
                replace_in(child, abbrevs);
            }
        } else if first_holding.is_none() && !raw && abbrevs.in_text(&child.value) {
            first_holding = Some(i);
        }
    }
    // Only the children from the first text holding an abbreviation on are made anew; that
    // text was searched above, the ones after it are searched here.
    if let Some(first) = first_holding {
        for (k, child) in el.children.split_off(first).into_iter().enumerate() {
            if child.kind == Kind::Text && (k == 0 || abbrevs.in_text(&child.value)) {
                split_text(&child, abbrevs, &mut el.children);
            } else {
                el.children.push(child);
            }
        }
    }
}

/// The length of the character at the start of `s` if it is a non-word one (Ruby's `\W`).
fn non_word_char(s: &str) -> Option<usize> {
    // Told by its first byte, without decoding it: a character beyond ASCII is never a word one.
    let first = *s.as_bytes().first()?;
    (!(first.is_ascii() && is_word(first))).then(|| crate::utf8::len_of(first))
}

/// Splits a text at its abbreviations, as kramdown scans it: up to the next place matching
/// `(?=(?:\W|^)ABBREVS(?!\w))` (where `^` also matches where the scan stands), then the
/// abbreviation (taking the `\W` before it into the text when it does not start one).
fn split_text(text: &Element, abbrevs: &Abbreviations, out: &mut Vec<Element>) {
    let value = text.value.as_str();
    let location = text.location;
    let ends_well = |at: usize| {
        abbrevs.names.iter().any(|a| value[at..].starts_with(a.as_str()) && !value.as_bytes().get(at + a.len()).is_some_and(|&b| is_word(b)))
    };
    let matches_at = |pos: usize, at: usize| {
        let line_start = at == pos || at == 0 || value.as_bytes()[at - 1] == b'\n';
        non_word_char(&value[at..]).is_some_and(|len| ends_well(at + len)) || (line_start && ends_well(at))
    };
    let mut pos = 0;
    while let Some(at) = (pos..value.len()).filter(|&i| value.is_char_boundary(i)).find(|&i| matches_at(pos, i)) {
        let (text_end, abbr) = match abbrevs.at(&value[at..]) {
            Some(abbr) => (at, abbr),
            None => {
                let end = at + non_word_char(&value[at..]).unwrap_or(0);
                match abbrevs.at(&value[end..]) {
                    Some(abbr) => (end, abbr),
                    None => break,
                }
            }
        };
        out.push(Element::with_value(Kind::Text, &value[pos..text_end]).at(location));
        out.push(Element::with_value(Kind::Abbreviation, abbr).at(location));
        pos = text_end + abbr.len();
    }
    out.push(Element::with_value(Kind::Text, &value[pos..]).at(location));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_word_character_is_told_by_its_first_byte_as_decoding_it_would() {
        let rule = |s: &str| s.chars().next().filter(|&c| !(c.is_ascii() && is_word(c as u8))).map(char::len_utf8);
        for c in (0..0x300).chain([0x2019, 0x212A, 0x1F389]).filter_map(char::from_u32) {
            let text = format!("{c}x");
            assert_eq!(non_word_char(&text), rule(&text), "{c:?}");
        }
        assert_eq!(non_word_char(""), None);
    }

    fn split(value: &str, abbrevs: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        split_text(&Element::with_value(Kind::Text, value), &Abbreviations::new(abbrevs.iter().copied()), &mut out);
        out.iter().map(|e| if e.kind == Kind::Abbreviation { format!("<{}>", e.value) } else { e.value.clone() }).collect()
    }

    #[test]
    fn definitions_end_at_the_first_colon_after_a_bracket() {
        assert_eq!(abbrev_definition_start("*[HTML]: Hyper Text\n"), Some(("HTML", " Hyper Text", 20)));
        assert_eq!(abbrev_definition_start("  *[]]: x\n"), Some(("]", " x", 10)));
        assert_eq!(abbrev_definition_start("*[]: x\n"), None);
        assert_eq!(abbrev_definition_start("*[é]: e\n"), Some(("é", " e", 9)));
    }

    #[test]
    fn a_text_holds_an_abbreviation_wherever_its_bytes_start() {
        let abbrevs = Abbreviations::new(["CSS", "é.e", "CSSOM"].into_iter());
        assert_eq!(abbrevs.names, ["CSSOM", "é.e", "CSS"]);
        assert!(abbrevs.in_text("xCSSx"));
        assert!(abbrevs.in_text("fin : é.e"));
        assert!(!abbrevs.in_text("CS S, éé, e.e, C"));
        assert!(!Abbreviations::default().in_text("CSS"));
    }

    #[test]
    fn a_text_is_searched_for_few_first_bytes_or_many_alike() {
        let few = ["CSS", "é.e", "HTML", "W3C"];
        let many = ["CSS", "é.e", "HTML", "W3C", "ONU", "Z"];
        let mut random = crate::test_random::Random::new();
        for names in [&few[..], &many[..]] {
            let abbrevs = Abbreviations::new(names.iter().copied());
            for _ in 0..2000 {
                let text = random.text(&["C", "SS", "CSS", "é", ".e", "HT", "ML", "W3", "O", "NU", "Z", "xxxxxxxx", " "], 16);
                let expected = names.iter().any(|name| text.contains(name));
                assert_eq!(abbrevs.in_text(&text), expected, "{text:?} with {names:?}");
            }
        }
    }

    #[test]
    fn abbreviations_need_word_boundaries() {
        assert_eq!(split("ABCD AB.CD xAB", &["AB", "CD"]), ["ABCD ", "<AB>", ".", "<CD>", " xAB"]);
        assert_eq!(split("z A.Bc", &["A.B", "Bc"]), ["z A.", "<Bc>", ""]);
        assert_eq!(split("AB.x", &["AB", ".x"]), ["", "<AB>", "", "<.x>", ""]);
        assert_eq!(split("l'ONU é", &["ONU"]), ["l'", "<ONU>", " é"]);
    }
}
