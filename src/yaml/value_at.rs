//! Where a top-level key's value starts, for a problem found with that value after the
//! document was read (a `date` that is not a date), or a nested one's (a `_config.yml`'s
//! `kramdown: {auto_ids: maybe}`).
//!
//! The composer keeps only keys' offsets: every article pays for what it keeps, and a value
//! with a problem is rare. This reads the text's events again and follows the root mapping.

use super::{input::TextInput, CharOffsets};
use saphyr_parser::{Event, Parser};

/// The byte offset in `text` where the value of the root mapping's `key` starts (of the last
/// one, which is the one kept), or `None` when the key is not a plain key of the root mapping
/// or the text stops reading before it (it was read after settling its tabs).
pub fn value_at(text: &str, key: &str) -> Option<usize> {
    let mut parser = Parser::new(TextInput::new(text));
    let mut offsets = CharOffsets { text, chars: 0, bytes: 0 };
    // Depth 1 is inside the root mapping, where nodes are a key, then its value.
    let (mut depth, mut next_is_key, mut wanted, mut found) = (0usize, true, false, None);
    while let Some(Ok((event, span))) = parser.next_event() {
        let node = matches!(event, Event::Scalar(..) | Event::Alias(_) | Event::SequenceStart(..) | Event::MappingStart(..));
        if node && depth == 1 {
            if next_is_key {
                wanted = matches!(&event, Event::Scalar(text, ..) if text == key);
            } else if wanted {
                found = Some(offsets.byte_offset(span.start));
            }
            next_is_key = !next_is_key;
        }
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
            Event::SequenceEnd | Event::MappingEnd => depth -= 1,
            Event::DocumentEnd => break,
            _ => {}
        }
    }
    found
}

/// The byte offset in `text` where the value at `path` starts: `["kramdown", "auto_ids"]` is the
/// `auto_ids` of the root mapping's `kramdown`. Each step is found by [`value_at`] in the value
/// the steps before it lead to, read as a document of its own, so the walk that every article
/// pays for stays one key deep: a block mapping from its first line (its indentation the
/// document's), a mapping in braces from its `{`; what follows the value stops that reading
/// after it. `None` where [`value_at`] finds nothing, or a step's value is not a mapping.
pub fn value_at_path(text: &str, path: &[&str]) -> Option<usize> {
    let (first, rest) = path.split_first()?;
    let at = value_at(text, first)?;
    if rest.is_empty() {
        return Some(at);
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let start = if text[line_start..at].trim_start_matches(' ').is_empty() { line_start } else { at };
    Some(start + value_at_path(&text[start..], rest)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_found_on_its_line_quoted_on_the_next_line_or_as_an_alias() {
        let text = "title: T\ndate:   \"x\"\nnext:\n  y\nd: &d z\nalias: *d\n";
        assert_eq!(value_at(text, "date"), text.find("\"x"));
        assert_eq!(value_at(text, "next"), text.find("  y").map(|i| i + 2));
        assert_eq!(value_at(text, "alias"), text.find("*d"));
    }

    #[test]
    fn a_repeated_key_gives_its_last_value_which_is_the_one_kept() {
        let text = "date: a\ntitle: T\ndate: b\n";
        assert_eq!(value_at(text, "date"), text.find('b'));
    }

    #[test]
    fn keys_of_nested_mappings_and_values_named_like_the_key_are_not_it() {
        let text = "meta: {date: a}\nlist: [date, date]\nother: date\ntitle: «é»\ndate: [b]\n";
        assert_eq!(value_at(text, "date"), text.find("[b"), "after multibyte text too");
        assert_eq!(value_at("meta:\n  date: a\n", "date"), None);
    }

    #[test]
    fn a_path_follows_mappings_in_blocks_and_in_braces() {
        let text = "title: T\nkramdown:\n  input: GFM\n  toc: {levels: 2..3}\n  auto_ids: maybe\nafter: {x: 1}\n";
        assert_eq!(value_at_path(text, &["kramdown", "auto_ids"]), text.find("maybe"));
        assert_eq!(value_at_path(text, &["kramdown", "toc", "levels"]), text.find("2..3"));
        assert_eq!(value_at_path(text, &["after", "x"]), text.find('1'));
        assert_eq!(value_at_path(text, &["title"]), value_at(text, "title"));
        let text = "k: {a: [1, {b: 2}], b: 3}\n";
        assert_eq!(value_at_path(text, &["k", "b"]), text.find('3'), "not the b inside the list");
        let text = "k: &anchored\n  a: 1\n";
        assert_eq!(value_at_path(text, &["k", "a"]), text.find('1'));
    }

    #[test]
    fn a_path_that_leads_nowhere_finds_nothing() {
        assert_eq!(value_at_path("kramdown: [auto_ids]\n", &["kramdown", "auto_ids"]), None);
        assert_eq!(value_at_path("kramdown: {a: 1}\nauto_ids: x\n", &["kramdown", "auto_ids"]), None);
        assert_eq!(value_at_path("kramdown:\n  a: 1\nauto_ids: x\n", &["kramdown", "auto_ids"]), None);
        assert_eq!(value_at_path("a: 1\n", &[]), None);
    }

    #[test]
    fn of_a_repeated_parent_the_last_value_counts() {
        assert_eq!(value_at_path("k: {a: 1}\nk: {b: 2}\n", &["k", "a"]), None);
        let text = "k: {a: 1}\nk: {a: 2}\n";
        assert_eq!(value_at_path(text, &["k", "a"]), text.find('2'));
    }
}
