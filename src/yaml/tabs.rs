//! Tabs that Ruby's YAML reader (libyaml), and so Jekyll, refuses and saphyr reads: a tab at the
//! start of a line, or in the white space after a block sequence's `-`, outside quoted and block
//! scalars and flow collections. (Where it is the other way round: `lenient`.)

use super::CharOffsets;
use super::input::TextInput;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::ops::Range;

/// The byte offset of the first tab libyaml refuses in `given`: one starting a line, or in the
/// white space after a `-` starting a line (after spaces), outside quoted, block and flow
/// scalars and collections. Where those are is read from `read`, the text saphyr read (`given`
/// with lines indented by `lenient`; `current` maps offsets of `given` into it).
pub(super) fn refused_tab(given: &str, read: &str, current: impl Fn(usize) -> usize) -> Option<usize> {
    let candidates = candidates(given);
    if candidates.is_empty() {
        return None;
    }
    let allowed = allowed_ranges(read);
    candidates.into_iter().find_map(|(at, after_dash)| {
        let inside = |ranges: &[Range<usize>]| ranges.iter().any(|range| range.contains(&current(at)));
        // A block scalar's lines start with its indentation: a tab before it is refused there too.
        let allowed = inside(&allowed.quoted_or_flow) || (after_dash && inside(&allowed.block));
        (!allowed).then_some(at)
    })
}

/// The tabs of [`refused_tab`]'s two kinds, wherever they are: where, and whether after a `-`.
fn candidates(text: &str) -> Vec<(usize, bool)> {
    if !text.contains('\t') {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        if bytes.first() == Some(&b'\t') {
            found.push((start, false));
        } else {
            let indent = bytes.iter().take_while(|&&b| b == b' ').count();
            if bytes.get(indent) == Some(&b'-') {
                let blank = bytes[indent + 1..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
                if let Some(tab) = bytes[indent + 1..indent + 1 + blank].iter().position(|&b| b == b'\t') {
                    found.push((start + indent + 1 + tab, true));
                }
            }
        }
        start += line.len();
    }
    found
}

/// Where libyaml takes tabs as they come.
struct Allowed {
    /// Quoted scalars and flow collections.
    quoted_or_flow: Vec<Range<usize>>,
    /// Block scalars (`|`, `>`), whose content a `-` may start.
    block: Vec<Range<usize>>,
}

/// [`Allowed`], read from saphyr's events; the text is read again only when a candidate tab was
/// found.
fn allowed_ranges(text: &str) -> Allowed {
    let mut offsets = CharOffsets { text, chars: 0, bytes: 0 };
    let mut parser = Parser::new(TextInput::new(text));
    let mut allowed = Allowed { quoted_or_flow: Vec::new(), block: Vec::new() };
    // The open collections: where each flow collection starts, None for a block one.
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut bytes = |span: Span| offsets.byte_offset(span.start)..offsets.byte_offset(span.end);
    while let Some(Ok((event, span))) = parser.next_event() {
        match event {
            Event::Scalar(_, ScalarStyle::Literal | ScalarStyle::Folded, ..) => allowed.block.push(bytes(span)),
            Event::Scalar(_, style, ..) if style != ScalarStyle::Plain => allowed.quoted_or_flow.push(bytes(span)),
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let range = bytes(span);
                open.push(opens_brackets(&text[range.start..]).then_some(range.start));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(Some(start)) = open.pop() {
                    allowed.quoted_or_flow.push(start..bytes(span).end);
                }
            }
            _ => {}
        }
    }
    allowed
}

/// Whether a collection starting here (its anchor and tag first, if any) is in brackets.
fn opens_brackets(mut rest: &str) -> bool {
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        if !rest.starts_with(['&', '!']) {
            return rest.starts_with(['[', '{']);
        }
        rest = &rest[rest.find([' ', '\t', '\r', '\n']).unwrap_or(rest.len())..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<usize> {
        refused_tab(text, text, |at| at)
    }

    #[test]
    fn tabs_starting_a_line_or_after_a_dash_are_refused_outside_quotes_blocks_and_brackets() {
        assert_eq!(refused("\ttitle: a\n"), Some(0));
        assert_eq!(refused("k: 1\n\t\nb: 2\n"), Some(5));
        assert_eq!(refused("k: a\n\t# note\n"), Some(5));
        assert_eq!(refused("tags:\n  -\t\"a\"\n"), Some(9));
        assert_eq!(refused("tags:\n- \ta\n"), Some(8));
        assert_eq!(refused("k: |\n  a\n\t  b: 1\n"), Some(9), "past a block scalar's lines");
        for allowed in ["k: [a,\n\t b]\n", "k: &a !!map {a: b,\n\t c: d}\n", "k: |\n  -\tx\n", "k: a\tb\n", "k: 1 \t\n", "- a\n"] {
            assert_eq!(refused(allowed), None, "{allowed:?}");
        }
    }
}
