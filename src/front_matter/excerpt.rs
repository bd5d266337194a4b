//! The excerpt, as Jekyll derives it (`Jekyll::Excerpt#extract_excerpt`, Jekyll 4).
//!
//! The excerpt is the body up to the first `excerpt_separator` (by default `"\n\n"`: the first
//! paragraph). Link reference definitions further down (`[label]: url`) that the excerpt uses
//! are appended to it, so its links still resolve. An empty separator turns excerpts off.

use std::borrow::Cow;

use crate::name_map::NameMap;

/// The Markdown of the excerpt of `body`, or `None` when `separator` is empty. Borrowed, it is
/// the body's own start (`lead_paragraph` then finds it there without comparing it).
pub fn extract<'a>(body: &'a str, separator: &str) -> Option<Cow<'a, str>> {
    if separator.is_empty() {
        return None;
    }
    let Some(at) = crate::chunk::find_text(body, separator) else { return Some(Cow::Borrowed(body)) };
    let (head, tail) = (&body[..at], &body[at + separator.len()..]);
    // Without a `[`, the excerpt uses no definition: the rest of the body is not read.
    if tail.is_empty() || !head.contains('[') {
        return Some(Cow::Borrowed(head));
    }
    let all: Vec<(&str, &str)> = tail.split('\n').filter_map(link_definition).collect();
    let used = labels_in(head, all.iter().map(|(label, _)| label.len()).max().unwrap_or(0));
    let definitions: Vec<&str> = all.into_iter().filter(|(label, _)| used.contains(label)).map(|(_, line)| line).collect();
    if definitions.is_empty() {
        return Some(Cow::Borrowed(head));
    }
    Some(Cow::Owned(format!("{head}\n\n{}", definitions.join("\n"))))
}

/// Every `[label]` of `text` up to `longest` bytes long: a `[`, then up to the first `]`. A
/// label (whose inside holds no `]`) occurs in `text` exactly when it is one of these, so a
/// thousand definitions are looked up at once instead of searching the text for each one.
fn labels_in(text: &str, longest: usize) -> NameMap<()> {
    let bytes = text.as_bytes();
    let mut labels = NameMap::new();
    let mut next_close = None;
    for start in (0..bytes.len()).rev() {
        match bytes[start] {
            b']' => next_close = Some(start),
            b'[' => {
                if let Some(end) = next_close.filter(|&end| end - start < longest) {
                    labels.insert(text[start..=end].to_owned(), ());
                }
            }
            _ => {}
        }
    }
    labels
}

/// Jekyll's `MKDWN_LINK_REF_REGEX`, `^ {0,3}(?:(\[[^\]]+\])(:.+))$`: the `[label]` and the
/// definition without its indentation.
fn link_definition(line: &str) -> Option<(&str, &str)> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let definition = &line[indent..];
    let close = definition.strip_prefix('[')?.find(']')? + 1;
    let rest = &definition[close + 1..];
    (close > 1 && rest.starts_with(':') && rest.len() > 1).then(|| (&definition[..=close], definition))
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn the_default_excerpt_is_the_first_paragraph() {
        assert_eq!(extract("One\ntwo.\n\nThree.\n", "\n\n").as_deref(), Some("One\ntwo."));
        assert_eq!(extract("Only one.\n", "\n\n").as_deref(), Some("Only one.\n"));
    }

    #[test]
    fn a_custom_separator_cuts_there() {
        assert_eq!(extract("A\n\nB\n<!--more-->\nC", "<!--more-->").as_deref(), Some("A\n\nB\n"));
    }

    #[test]
    fn link_definitions_used_by_the_excerpt_are_appended() {
        let body = "See [the docs][docs] and [x].\n\nMore.\n\n[docs]: https://jekyllrb.com\n  [other]: /o\n[x]: /x \"X\"\n";
        assert_eq!(
            extract(body, "\n\n").as_deref(),
            Some("See [the docs][docs] and [x].\n\n[docs]: https://jekyllrb.com\n[x]: /x \"X\"")
        );
    }

    #[test]
    fn an_empty_separator_turns_excerpts_off() {
        assert_eq!(extract("A\n\nB", ""), None);
    }
}
