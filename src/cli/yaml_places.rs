//! Where a value nested in lists and mappings of a YAML text starts, to place a problem found in
//! it after the text was read: the library's [`folio::yaml::value_at_path`] follows keys only,
//! and a `_config.yml`'s `defaults:` is a list.

use saphyr_parser::{Event, Parser};

/// A step down into a value: a key of a mapping, or an item of a list.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    Key(&'static str),
    Item(usize),
}

/// The byte offset in `text` where the value at `steps` starts, from its root; `None` when the
/// text does not read or does not have it. A repeated key leads to its last value, the one kept.
pub fn value_at(text: &str, steps: &[Step]) -> Option<usize> {
    let mut events = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        if !matches!(event, Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd) {
            events.push((event, span.start.index()));
        }
    }
    let mut at = 0;
    for step in steps {
        at = child(&events, at, *step)?;
    }
    let chars = events.get(at)?.1;
    Some(text.char_indices().nth(chars).map_or(text.len(), |(byte, _)| byte))
}

/// The index of the event that starts the child `step` of the node starting at event `node`.
fn child(events: &[(Event, usize)], node: usize, step: Step) -> Option<usize> {
    let mut at = node + 1;
    let mut found = None;
    let mut index = 0;
    match (&events.get(node)?.0, step) {
        (Event::SequenceStart(..), Step::Item(wanted)) => {
            while !matches!(events.get(at)?.0, Event::SequenceEnd) {
                if index == wanted {
                    return Some(at);
                }
                (at, index) = (after(events, at)?, index + 1);
            }
        }
        (Event::MappingStart(..), Step::Key(wanted)) => {
            while !matches!(events.get(at)?.0, Event::MappingEnd) {
                let is_wanted = matches!(&events[at].0, Event::Scalar(key, ..) if key == wanted);
                let value = after(events, at)?;
                if is_wanted {
                    found = Some(value);
                }
                at = after(events, value)?;
            }
        }
        _ => {}
    }
    found
}

/// The index of the event after the node that starts at event `node`.
fn after(events: &[(Event, usize)], node: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate().skip(node) {
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
            Event::SequenceEnd | Event::MappingEnd => depth = depth.checked_sub(1)?,
            _ => {}
        }
        if depth == 0 {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_of_lists_and_values_of_keys_are_found_in_blocks_and_in_braces() {
        let text = "title: T\ndefaults:\n  - scope: {path: docs, type: posts}\n    values:\n      lang: fr\n  - [x, {y: é}]\n";
        let steps = [Step::Key("defaults"), Step::Item(0), Step::Key("scope"), Step::Key("type")];
        assert_eq!(value_at(text, &steps), text.find("posts"));
        assert_eq!(value_at(text, &[Step::Key("defaults"), Step::Item(0), Step::Key("values"), Step::Key("lang")]), text.find("fr"));
        assert_eq!(value_at(text, &[Step::Key("defaults"), Step::Item(1), Step::Item(1), Step::Key("y")]), text.find('é'));
        assert_eq!(value_at(text, &[Step::Key("defaults"), Step::Item(2)]), None);
        assert_eq!(value_at(text, &[Step::Key("title"), Step::Item(0)]), None);
    }
}
