//! Tabs that Ruby's YAML reader (libyaml), and so Jekyll, refuses and saphyr reads: a tab in a
//! line's indentation where a token starts (libyaml eats tabs there only inside quoted and block
//! scalars, brackets, and a plain value going on over lines, past its indentation), or in the
//! white space after a block sequence's `-`. (Where it is the other way round: `lenient`.)

use super::CharOffsets;
use super::input::TextInput;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::ops::Range;

/// A tab that libyaml may refuse.
struct Candidate {
    /// Where the tab is, in the text given.
    at: usize,
    /// Its column.
    column: usize,
    /// Where the line's content starts (after its white space, or the `-`; its end when it has none).
    content: usize,
    /// The column that must lie past a plain value's collection for the line to go on with the
    /// value: the tab's, or the `-`'s.
    past: usize,
    /// Whether it follows a `-` starting the line.
    after_dash: bool,
}

/// The first tab in the indentation of a line after `from`: where saphyr's "while scanning a
/// plain scalar, found a tab", said where the value starts, is about.
pub(super) fn indenting_tab_after(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut newlines = (from..bytes.len()).filter(|&i| bytes[i] == b'\n');
    newlines.find_map(|newline| {
        let line = newline + 1;
        let white = bytes[line..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        bytes[line..line + white].iter().position(|&b| b == b'\t').map(|i| line + i)
    })
}

/// The byte offset of the first tab libyaml refuses in `given`. Where quoted, block and plain
/// scalars and brackets are is read from `read`, the text saphyr read up to the document's end
/// (`given` with lines indented by `lenient`; `current` maps offsets of `given` into it).
pub(super) fn refused_tab(given: &str, read: &str, current: impl Fn(usize) -> usize) -> Option<usize> {
    let candidates = candidates(given);
    if candidates.is_empty() {
        return None;
    }
    let allowed = allowed_ranges(read);
    candidates.into_iter().take_while(|tab| current(tab.at) < read.len()).find_map(|tab| {
        let at = current(tab.at);
        // The ranges are sorted and apart: the one that may hold `at` is the last starting at or before it.
        let inside = |ranges: &[Range<usize>]| {
            let after = ranges.partition_point(|range| range.start <= at);
            after > 0 && ranges[after - 1].contains(&at)
        };
        // A plain value going on over the line, or over white space up to it, takes it past its
        // collection's column: the `-` then is text, and tabs in the indentation are white space.
        let plain_goes_on = || {
            let content = current(tab.content);
            let before = allowed.plain.partition_point(|plain| plain.range.start < content);
            let plain = before.checked_sub(1).map(|last| &allowed.plain[last]);
            plain.is_some_and(|plain| {
                let between = read.get(plain.range.end..content).unwrap_or("");
                (content <= plain.range.end || between.bytes().all(|b| b.is_ascii_whitespace()))
                    && plain.within.is_none_or(|within| tab.past > within)
            })
        };
        let accepted = if inside(&allowed.quoted_or_flow) {
            true
        } else if tab.after_dash {
            inside(&allowed.block) || plain_goes_on()
        } else if inside(&allowed.block) {
            // A block scalar's lines start with its indentation.
            tab.column > 0
        } else {
            plain_goes_on()
        };
        (!accepted).then_some(tab.at)
    })
}

/// The tabs [`refused_tab`] looks at: the first in each line's indentation, and in the white
/// space after a `-` starting a line.
fn candidates(text: &str) -> Vec<Candidate> {
    if !text.contains('\t') {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let blank = |from: usize| bytes[from..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let indent = blank(0);
        if let Some(tab) = bytes[..indent].iter().position(|&b| b == b'\t') {
            found.push(Candidate { at: start + tab, column: tab, content: start + indent, past: tab, after_dash: false });
        } else if bytes.get(indent) == Some(&b'-') {
            let after = blank(indent + 1);
            if let Some(tab) = bytes[indent + 1..indent + 1 + after].iter().position(|&b| b == b'\t') {
                let column = indent + 1 + tab;
                found.push(Candidate { at: start + column, column, content: start + indent, past: indent, after_dash: true });
            }
        }
        start += line.len();
    }
    found
}

/// Where libyaml takes tabs, or some.
struct Allowed {
    /// Quoted scalars and flow collections.
    quoted_or_flow: Vec<Range<usize>>,
    /// Block scalars (`|`, `>`), whose content a `-` may start.
    block: Vec<Range<usize>>,
    /// Plain scalars, in order (by where they start).
    plain: Vec<Plain>,
}

/// A plain scalar, and the column of the block collection it is in (none at the top).
struct Plain {
    range: Range<usize>,
    within: Option<usize>,
}

/// [`Allowed`], read from saphyr's events; the text is read again only when a candidate tab was
/// found.
fn allowed_ranges(text: &str) -> Allowed {
    let mut offsets = CharOffsets { text, chars: 0, bytes: 0 };
    let mut parser = Parser::new(TextInput::new(text));
    let mut allowed = Allowed { quoted_or_flow: Vec::new(), block: Vec::new(), plain: Vec::new() };
    // The open collections, innermost last.
    let mut open: Vec<Open> = Vec::new();
    let mut bytes = |span: Span| offsets.byte_offset(span.start)..offsets.byte_offset(span.end);
    while let Some(Ok((event, span))) = parser.next_event() {
        // A block collection's column is its first key's, or its first `-`'s (saphyr's span of
        // an indentless list starts before it).
        if let (Some(Open::Block { column: column @ None, list }), Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) | Event::Alias(_)) =
            (open.last_mut(), &event)
        {
            let start = bytes(span).start;
            let line = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let dash = if *list { text[line..start].rfind('-') } else { None };
            *column = Some(dash.unwrap_or(start - line));
        }
        match event {
            Event::Scalar(_, ScalarStyle::Literal | ScalarStyle::Folded, ..) => allowed.block.push(bytes(span)),
            Event::Scalar(_, ScalarStyle::Plain, ..) => {
                // libyaml's indentation for a plain value: one past its block collection's column.
                let within = open.iter().rev().find_map(|open| match open {
                    Open::Block { column, .. } => *column,
                    Open::Flow(_) => None,
                });
                allowed.plain.push(Plain { range: bytes(span), within });
            }
            Event::Scalar(..) => allowed.quoted_or_flow.push(bytes(span)),
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let start = bytes(span).start;
                let list = matches!(event, Event::SequenceStart(..));
                open.push(if opens_brackets(&text[start..]) { Open::Flow(start) } else { Open::Block { column: None, list } });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(Open::Flow(start)) = open.pop() {
                    allowed.quoted_or_flow.push(start..bytes(span).end);
                }
            }
            _ => {}
        }
    }
    // Looked up for every candidate tab: sorted, and nested ones merged, for a binary search.
    merge(&mut allowed.quoted_or_flow);
    merge(&mut allowed.block);
    allowed
}

/// Sorts `ranges` and joins those that overlap.
fn merge(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    *ranges = merged;
}

/// A collection open at a point of the events.
enum Open {
    /// In brackets, from this offset.
    Flow(usize),
    /// A block collection (a list or not), at this column once its first entry is read.
    Block { column: Option<usize>, list: bool },
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
        assert_eq!(refused("k: a\n  -\tb\n"), None, "a `-` going on with a plain value is text");
        assert_eq!(refused("k: |\n  a\n\t  b: 1\n"), Some(9), "past a block scalar's lines");
        assert_eq!(refused(" \ttitle: a\n"), Some(1), "after spaces too");
        assert_eq!(refused("title:\n \ta\n"), Some(8), "where the value starts");
        assert_eq!(refused("a:\n  k: x\n  \ty\n"), Some(12), "within a plain value, not past its indentation");
        for allowed in ["k: [a,\n\t b]\n", "k: &a !!map {a: b,\n\t c: d}\n", "k: |\n  -\tx\n", "k: a\tb\n", "k: 1 \t\n", "- a\n",
            "k: a\n  \tb\n", "k: a\n \t\nb: 1\n", "a:\n  k: x\n   \ty\n", "k: |\n  a\n  \tb\n"]
        {
            assert_eq!(refused(allowed), None, "{allowed:?}");
        }
    }
}
