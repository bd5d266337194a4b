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

use crate::kramdown::element::{Attrs, ContentModel, Element, EobKind, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{is_word, opt_space, strip};

/// `ABBREV_DEFINITION_START` (`^ {0,3}\*\[(.+?)\]:(.*?)\n`): the abbreviation, its definition
/// (not stripped) and the line's length.
fn abbrev_definition_start(s: &str) -> Option<(&str, &str, usize)> {
    let start = opt_space(s) + 2;
    if !s[start - 2..].starts_with("*[") {
        return None;
    }
    let line_end = start + s[start..].find('\n')?;
    let line = &s[start..line_end];
    let first = line.chars().next()?.len_utf8();
    let close = line[first..].find("]:")? + first;
    Some((&line[..close], &line[close + 2..], line_end + 1))
}

impl Parser {
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
    /// (`correct_abbreviations_attributes`); run once every definition is known.
    pub(crate) fn correct_abbreviations_attributes(&mut self) {
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
        if self.data.abbrev_defs.is_empty() {
            return;
        }
        let mut abbrevs: Vec<&str> = self.data.abbrev_defs.keys().collect();
        // kramdown's regexp tries the longest first; only their order among prefixes of each
        // other matters.
        abbrevs.sort_by_key(|a| std::cmp::Reverse(a.len()));
        replace_in(el, &abbrevs);
    }
}

fn replace_in(el: &mut Element, abbrevs: &[&str]) {
    let raw = el.flags.content_model == Some(ContentModel::Raw);
    let holds_one = |child: &Element| child.kind == Kind::Text && !raw && abbrevs.iter().any(|a| child.value.contains(a));
    // Only a list of children with a text holding an abbreviation is made anew.
    if el.children.iter().any(holds_one) {
        for child in std::mem::take(&mut el.children) {
            if holds_one(&child) {
                split_text(&child, abbrevs, &mut el.children);
            } else {
                el.children.push(child);
            }
        }
    }
    for child in &mut el.children {
        if child.kind != Kind::Text {
            replace_in(child, abbrevs);
        }
    }
}

/// The abbreviation that `s` starts with, the longest if several do (the regexp union).
fn abbreviation_at<'a>(s: &str, abbrevs: &[&'a str]) -> Option<&'a str> {
    abbrevs.iter().copied().find(|a| s.starts_with(a))
}

/// The length of the character at the start of `s` if it is a non-word one (Ruby's `\W`).
fn non_word_char(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    (!(c.is_ascii() && is_word(c as u8))).then(|| c.len_utf8())
}

/// Splits a text at its abbreviations, as kramdown scans it: up to the next place matching
/// `(?=(?:\W|^)ABBREVS(?!\w))` (where `^` also matches where the scan stands), then the
/// abbreviation (taking the `\W` before it into the text when it does not start one).
fn split_text(text: &Element, abbrevs: &[&str], out: &mut Vec<Element>) {
    let value = text.value.as_str();
    let location = text.location;
    let ends_well = |at: usize| {
        abbrevs.iter().any(|a| value[at..].starts_with(a) && !value.as_bytes().get(at + a.len()).is_some_and(|&b| is_word(b)))
    };
    let matches_at = |pos: usize, at: usize| {
        let line_start = at == pos || at == 0 || value.as_bytes()[at - 1] == b'\n';
        non_word_char(&value[at..]).is_some_and(|len| ends_well(at + len)) || (line_start && ends_well(at))
    };
    let mut pos = 0;
    while let Some(at) = (pos..value.len()).filter(|&i| value.is_char_boundary(i)).find(|&i| matches_at(pos, i)) {
        let (text_end, abbr) = match abbreviation_at(&value[at..], abbrevs) {
            Some(abbr) => (at, abbr),
            None => {
                let end = at + non_word_char(&value[at..]).unwrap_or(0);
                match abbreviation_at(&value[end..], abbrevs) {
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

    fn split(value: &str, abbrevs: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        split_text(&Element::with_value(Kind::Text, value), abbrevs, &mut out);
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
    fn abbreviations_need_word_boundaries() {
        assert_eq!(split("ABCD AB.CD xAB", &["AB", "CD"]), ["ABCD ", "<AB>", ".", "<CD>", " xAB"]);
        assert_eq!(split("z A.Bc", &["A.B", "Bc"]), ["z A.", "<Bc>", ""]);
        assert_eq!(split("AB.x", &["AB", ".x"]), ["", "<AB>", "", "<.x>", ""]);
        assert_eq!(split("l'ONU é", &["ONU"]), ["l'", "<ONU>", " é"]);
    }
}
