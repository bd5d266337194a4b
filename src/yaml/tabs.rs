//! Tabs, where Ruby's YAML reader (libyaml) and saphyr disagree.
//!
//! saphyr follows YAML 1.2's test suite; libyaml, which reads Jekyll's front matter, is more
//! lenient in one place and stricter in two:
//!
//! - a tab alone after a mapping's `:` (`title:<tab>Foo`): libyaml reads it, saphyr refuses it
//!   before a letter, a digit or `-`. The separator is not content, so the text is read again
//!   with a space there ([`space_after_colon`]);
//! - a tab at the start of a line, or in the white space after a block sequence's `-`: libyaml
//!   refuses it outside quoted, block and flow scalars and collections, where saphyr often reads
//!   it ([`refused_tab`]).

use super::CharOffsets;
use super::input::TextInput;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::ops::Range;

/// Puts a space in place of the tab after the `:` that ends before the value starting at byte
/// `value_at`. Returns false when there is no such tab.
pub(super) fn space_after_colon(text: &mut String, value_at: usize) -> bool {
    let before = text[..value_at].trim_end_matches([' ', '\t']);
    let Some(tab) = before.strip_suffix(':').and(text[before.len()..value_at].find('\t')) else { return false };
    let at = before.len() + tab;
    text.replace_range(at..at + 1, " ");
    true
}

/// The byte offset of the first tab libyaml refuses in `text`, a text saphyr reads: one starting
/// a line, or in the white space after a `-` starting a line (after spaces), outside quoted,
/// block and flow scalars and collections.
pub(super) fn refused_tab(text: &str) -> Option<usize> {
    let candidates = candidates(text);
    if candidates.is_empty() {
        return None;
    }
    let allowed = allowed_ranges(text);
    candidates.into_iter().find(|at| !allowed.iter().any(|range| range.contains(at)))
}

/// The tabs of [`refused_tab`]'s two kinds, wherever they are.
fn candidates(text: &str) -> Vec<usize> {
    if !text.contains('\t') {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        if bytes.first() == Some(&b'\t') {
            found.push(start);
        } else {
            let indent = bytes.iter().take_while(|&&b| b == b' ').count();
            if bytes.get(indent) == Some(&b'-') {
                let blank = bytes[indent + 1..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
                if let Some(tab) = bytes[indent + 1..indent + 1 + blank].iter().position(|&b| b == b'\t') {
                    found.push(start + indent + 1 + tab);
                }
            }
        }
        start += line.len();
    }
    found
}

/// Where libyaml takes tabs as they come: quoted and block scalars, flow collections. Read from
/// saphyr's events; the text is read again only when a candidate tab was found.
fn allowed_ranges(text: &str) -> Vec<Range<usize>> {
    let mut offsets = CharOffsets { text, chars: 0, bytes: 0 };
    let mut parser = Parser::new(TextInput::new(text));
    let mut ranges = Vec::new();
    // The open collections: where each flow collection starts, None for a block one.
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut bytes = |span: Span| offsets.byte_offset(span.start)..offsets.byte_offset(span.end);
    while let Some(Ok((event, span))) = parser.next_event() {
        match event {
            Event::Scalar(_, style, ..) if style != ScalarStyle::Plain => ranges.push(bytes(span)),
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let range = bytes(span);
                open.push(text[range.start..].starts_with(['[', '{']).then_some(range.start));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(Some(start)) = open.pop() {
                    ranges.push(start..bytes(span).end);
                }
            }
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_after_a_colon_becomes_a_space_and_nothing_else_moves() {
        let mut text = "title:\t\tFoo\n".to_owned();
        assert!(space_after_colon(&mut text, 8));
        assert_eq!(text, "title: \tFoo\n");
        let mut text = "a b\tc\n".to_owned();
        assert!(!space_after_colon(&mut text, 4), "no colon before the value");
    }

    #[test]
    fn tabs_starting_a_line_or_after_a_dash_are_refused_outside_quotes_blocks_and_brackets() {
        assert_eq!(refused_tab("\ttitle: a\n"), Some(0));
        assert_eq!(refused_tab("k: 1\n\t\nb: 2\n"), Some(5));
        assert_eq!(refused_tab("k: a\n\t# note\n"), Some(5));
        assert_eq!(refused_tab("tags:\n  -\t\"a\"\n"), Some(9));
        assert_eq!(refused_tab("tags:\n- \ta\n"), Some(8));
        for allowed in ["k: [a,\n\t b]\n", "k: {a: b,\n\t c: d}\n", "k: |\n  -\tx\n", "k: a\tb\n", "k: 1 \t\n", "- a\n"] {
            assert_eq!(refused_tab(allowed), None, "{allowed:?}");
        }
    }
}
