//! Lists: unordered (`*`, `+` or `-`) and ordered (digits and `.`), the marker indented up to
//! three spaces and followed by a space, a tab (or, by a quirk of kramdown's pattern, `|`).
//!
//! kramdown's rules (`parse_list`), which differ from CommonMark's:
//!
//! - The item's content starts where the text after the marker starts (its *indentation*:
//!   marker and spaces, tabs counted to the next multiple of four); a first line that is empty
//!   or only an attribute list sets it to 4. Lines indented that much (or a tab or four spaces
//!   more) belong to the item; unindented "lazy" lines too, unless a blank line came before.
//! - A later item's marker may be indented less than the first item's content (`fetch_pattern`).
//! - A nested list starts a new piece of the item, parsed after the text before it.
//! - `^` ends the list; after a blank line, a horizontal rule does.
//! - An item's first paragraph is *transparent* (no `<p>`) unless a blank line follows it
//!   (or, for the last item, all the others had a `<p>`).
//! - `{: attrs}` at the start of an item's first line (`LIST_ITEM_IAL`) applies to the `<li>`.
//!
//! With GFM input, items starting `[ ]` or `[x]` become task list items (`GFM#parse_list`):
//! a disabled checkbox, `class="task-list-item"` on them and every later item, and
//! `class="task-list"` on the list.
//!
//! HTML: `<ul>`/`<ol>` with one `<li>` per item; a transparent paragraph stays on the
//! `<li>` line.

use crate::chunk;
use std::borrow::Cow;
use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, Ial, Kind, Mark};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, is_space, is_word, trim_start_space, Braces};

/// The continuation rules of an item whose content starts `indentation` columns in (the
/// patterns kramdown's `parse_first_list_line` returns).
#[derive(Clone, Copy)]
pub(crate) struct ItemIndent(pub usize);

impl ItemIndent {
    /// `^(?:(?:\t| {4}){I/4} {I%4}|(?:\t| {4}){I/4+1}).*\S.*\n`: a line indented for the item.
    pub(crate) fn content_line(self, s: &str) -> Option<usize> {
        let line = text_line(s)?;
        let units = |count: usize| -> Option<usize> {
            let mut at = 0;
            for _ in 0..count {
                at += if line[at..].starts_with_byte(b'\t') {
                    1
                } else if line[at..].starts_with_ascii(b"    ") {
                    4
                } else {
                    return None;
                };
            }
            Some(at)
        };
        let spaces = self.0 % 4;
        let first = units(self.0 / 4).filter(|&at| line[at..].bytes().take(spaces).filter(|&b| b == b' ').count() == spaces);
        (first.is_some() || units(self.0 / 4 + 1).is_some()).then_some(line.len())
    }

    /// `(?!^ {0,min(I,3)}(?:IAL_BLOCK|LAZY_END_HTML_STOP|LAZY_END_HTML_START)).*\S.*\n`: a line
    /// that may continue the item's text without being indented.
    pub(crate) fn lazy_line(self, s: &str, braces: &Braces) -> Option<usize> {
        let line = text_line(s)?;
        let spaces = s.bytes().take_while(|&b| b == b' ').count();
        if spaces <= self.0.min(3)
            && (patterns::ial_block_start(&s[spaces..], braces).is_some() || patterns::lazy_end_html(&s[spaces..]))
        {
            return None;
        }
        Some(line.len())
    }

    /// `result.sub!(/^(\t+)/)` with four spaces a tab, then `result.sub!(/^ {I}/, '')`: the
    /// line without the item's indentation, and whether it had it.
    /// A line without tabs to expand is not copied.
    pub(crate) fn dedent(self, line: &str) -> (Cow<'_, str>, bool) {
        let tabs = line.bytes().take_while(|&b| b == b'\t').count();
        let line = if tabs == 0 { Cow::Borrowed(line) } else { Cow::Owned(" ".repeat(4 * tabs) + &line[tabs..]) };
        if line.bytes().take(self.0).filter(|&b| b == b' ').count() == self.0 {
            (after(line, self.0), true)
        } else {
            (line, false)
        }
    }

    /// How far a later marker may be indented (`fetch_pattern`): less than the content, at
    /// most three spaces.
    pub(crate) fn marker_indent(self) -> usize {
        self.0.clamp(1, 4) - 1
    }
}

/// A whole line with a non-space character (`.*\S.*\n`).
fn text_line(s: &str) -> Option<&str> {
    let line = &s[..=chunk::find(s.as_bytes(), b'\n')?];
    line.bytes().any(|b| !is_space(b)).then_some(line)
}

/// `text` from byte `at` on, copied only if it was.
fn after(text: Cow<'_, str>, at: usize) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[at..]),
        Cow::Owned(text) => Cow::Owned(text[at..].to_owned()),
    }
}

/// `parse_first_list_line`: the first line's content (leading white space removed) and the
/// item's indentation, from the marker's length and the text after the marker. A line without
/// tabs to expand is not copied.
pub(crate) fn first_list_line(marker_len: usize, tail: &str) -> (Cow<'_, str>, ItemIndent) {
    if list_item_ial_check(tail) {
        return (Cow::Borrowed(trim_start_space(tail)), ItemIndent(4));
    }
    let mut content = Cow::Borrowed(tail);
    loop {
        let spaces = content.bytes().take_while(|&b| b == b' ').count();
        let tabs = content[spaces..].bytes().take_while(|&b| b == b'\t').count();
        if tabs == 0 {
            break;
        }
        // Tabs stop at multiples of four, counted from the line's start.
        let width = 4 - (spaces + marker_len) % 4 + (tabs - 1) * 4;
        content = Cow::Owned([&content[..spaces], &" ".repeat(width), &content[spaces + tabs..]].concat());
    }
    let indentation = marker_len + content.bytes().take_while(|&b| b == b' ').count();
    let stripped = content.len() - trim_start_space(&content).len();
    (after(content, stripped), ItemIndent(indentation))
}

/// `LIST_ITEM_IAL` (`^\s*(?:\{:(?!(?:ALD_ID_NAME)?:|\/)(ALD_ANY_CHARS+)\})\s*`) at the start
/// of `s`: the list's inside and the length of the match (white space after it included).
fn list_item_ial(s: &str) -> Option<(&str, usize)> {
    let start = s.len() - trim_start_space(s).len();
    let after = s[start..].after_ascii(b"{:")?;
    let name = if after.as_bytes().first().is_some_and(|&b| is_word(b)) {
        after.bytes().take_while(|&b| is_word(b) || b == b'-').count()
    } else {
        0
    };
    if after[name..].starts_with_byte(b':') || after.starts_with_byte(b'/') {
        return None;
    }
    // The list is on this one line: the line is the whole text searched.
    let body = patterns::attribute_list_body(after, &Braces::default())?;
    let end = start + 2 + body + 1;
    Some((&after[..body], s.len() - trim_start_space(&s[end..]).len()))
}

/// `LIST_ITEM_IAL_CHECK` (`^LIST_ITEM_IAL?\s*\n`): a first line holding nothing, or only an
/// attribute list.
fn list_item_ial_check(s: &str) -> bool {
    let rest = list_item_ial(s).map_or(s, |(_, len)| &s[len..]);
    // The attribute list's trailing `\s*` gives back the newline `\s*\n` needs.
    let taken = &s[..s.len() - rest.len()];
    rest.is_empty() && taken.contains('\n') || patterns::rest_of_line_is_blank(rest).is_some()
}

impl Parser<'_> {
    /// Applies an attribute list starting an item's first line (or a term) to `el`
    /// (`sub!(LIST_ITEM_IAL)`), and returns the text after it.
    pub(crate) fn strip_item_ial<'t>(&mut self, text: &'t str, el: &mut Element) -> &'t str {
        let Some((body, len)) = list_item_ial(text) else { return text };
        let mut ial = Ial::default();
        self.read_attribute_list(body, &mut ial);
        el.options.ial = Some(ial);
        &text[len..]
    }

    /// Moves past an item's first line (of a list or a definition list), whose marker is
    /// `marker_len` bytes long: its content, with an attribute list starting it applied to
    /// `item`, and the item's indentation.
    pub(crate) fn take_first_item_line(&mut self, marker_len: usize, item: &mut Element) -> (String, ItemIndent) {
        let start = self.src.pos;
        let end = start + self.src.scan_line().len();
        let (content, indent) = first_list_line(marker_len, &self.src.text()[start + marker_len..end]);
        let mut content = content.into_owned();
        let kept = self.strip_item_ial(&content, item).len();
        content.drain(..content.len() - kept);
        (content, indent)
    }

    pub(crate) fn parse_list(&mut self, tree: &mut Element) -> bool {
        let ordered = match (patterns::list_start_ul(self.src.rest()), patterns::list_start_ol(self.src.rest())) {
            (Some(_), _) => false,
            (None, Some(_)) => true,
            (None, None) => return false,
        };
        let location = self.src.current_line_number();
        let mut list = self.new_block_el(if ordered { Kind::Ol } else { Kind::Ul }, location);
        // Each item's text, in pieces: a nested list starts a new one.
        let mut pieces: Vec<Vec<String>> = Vec::new();
        let mut indent = ItemIndent(0);
        let mut marker_indent = 3;
        let mut eob_found = false;
        let mut nested_list_found = false;
        let mut last_is_blank = false;
        while !self.src.eos() {
            let location = self.src.current_line_number();
            let rest = self.src.rest();
            if last_is_blank && patterns::horizontal_rule(rest).is_some() {
                break;
            } else if let Some(len) = patterns::eob_marker(rest) {
                self.src.take(len);
                eob_found = true;
                break;
            } else if let Some(marker_len) = patterns::list_marker(rest, ordered, marker_indent) {
                list.options.first_list_marker.get_or_insert_with(|| patterns::strip(&rest[..marker_len]).to_owned());
                let mut item = Element::new(Kind::Li).at(location);
                let (content, item_indent) = self.take_first_item_line(marker_len, &mut item);
                indent = item_indent;
                marker_indent = indent.marker_indent();
                nested_list_found = patterns::list_start(&content);
                last_is_blank = false;
                list.children.push(item);
                pieces.push(vec![content]);
            } else if let Some(len) =
                indent.content_line(rest).or_else(|| if last_is_blank { None } else { indent.lazy_line(rest, &self.src.braces) })
            {
                let (line, indentation_found) = indent.dedent(self.src.take(len));
                let item = pieces.last_mut().expect("a list starts with an item");
                let mut indented = false;
                if !nested_list_found && indentation_found && patterns::list_start(&line) {
                    item.push(String::new());
                    nested_list_found = true;
                } else if nested_list_found && !indentation_found && patterns::list_start(&line) {
                    indented = true;
                }
                let piece = item.last_mut().expect("items have a piece");
                if indented {
                    piece.push_str(&" ".repeat(indent.0 + 4));
                }
                piece.push_str(&line);
                last_is_blank = false;
            } else if let Some(len) = patterns::blank_lines(rest) {
                nested_list_found = true;
                last_is_blank = true;
                let blank = self.src.take(len);
                let item = pieces.last_mut().expect("a list starts with an item");
                item.last_mut().expect("items have a piece").push_str(blank);
            } else {
                break;
            }
        }

        let mut last = None;
        let count = list.children.len();
        for (index, item_pieces) in pieces.into_iter().enumerate() {
            let (before, rest) = list.children.split_at_mut(index);
            let item = &mut rest[0];
            let mut location = item.location;
            let mut temp = Element::new(Kind::Temp).at(location);
            for piece in item_pieces {
                let lines = piece.matches('\n').count();
                self.parse_blocks(&mut temp, Some(piece), location);
                location += lines;
            }
            item.children = temp.children;
            let children = &mut item.children;
            if children.is_empty() {
                continue;
            }
            // A block attribute list after the first paragraph leaves an end-of-block marker.
            if children[0].kind == Kind::P
                && children.len() >= 2
                && children[1].kind == Kind::Eob
                && children[0].options.ial.is_some()
            {
                children.remove(1);
            }
            let is_last = index + 1 == count;
            let second = children.get(1).map(|c| c.kind);
            let no_blank_after =
                second != Some(Kind::Blank) || (is_last && children.len() == 2 && !eob_found);
            let others_allow = !is_last
                || count == 1
                || before.iter().any(|other| {
                    other.children.first().is_none_or(|first| first.kind != Kind::P || first.flags.has(Mark::Transparent))
                });
            if children[0].kind == Kind::P && no_blank_after && others_allow {
                if children.len() > 1 && second != Some(Kind::Blank) {
                    if let Some(text) = children[0].children.first_mut() {
                        text.value.push('\n');
                    }
                }
                children[0].flags.set(Mark::Transparent, true);
            }
            last = if children.last().is_some_and(|c| c.kind == Kind::Blank) { children.pop() } else { None };
        }
        if self.is_gfm() {
            mark_task_list(&mut list);
        }
        tree.children.push(list);
        if let Some(blank) = last.filter(|_| !eob_found) {
            tree.children.push(blank);
        }
        true
    }
}

/// GFM task lists: a first paragraph starting `[ ]` or `[x]` (any case) and white space gets a
/// checkbox instead.
fn mark_task_list(list: &mut Element) {
    const UNCHECKED: &str = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />";
    const CHECKED: &str =
        "<input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />";
    let mut is_task_list = false;
    for item in &mut list.children {
        let Some(text) = item.children.first_mut().filter(|p| p.kind == Kind::P).and_then(|p| p.children.first_mut())
        else {
            continue;
        };
        // `\A\s*\[ \]\s+`, then `\A\s*\[x\]\s+` (case-insensitive) on the result.
        for (marker, checkbox) in [("[ ]", UNCHECKED), ("[x]", CHECKED)] {
            let after_space = trim_start_space(&text.value);
            let Some(after) = after_space.get(..3).filter(|m| m.eq_ignore_ascii_case(marker)).map(|_| &after_space[3..])
            else {
                continue;
            };
            let rest = trim_start_space(after);
            if rest.len() < after.len() {
                text.value = [checkbox, rest].concat();
                is_task_list = true;
            }
        }
        if is_task_list {
            item.attr.set("class", "task-list-item");
        }
    }
    if is_task_list {
        list.attr.set("class", "task-list");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_sets_the_indentation() {
        assert_eq!(first_list_line(1, " text\n").0, "text\n");
        assert_eq!(first_list_line(1, "   text\n").1 .0, 4);
        assert_eq!(first_list_line(2, "\ttext\n").1 .0, 4);
        assert_eq!(first_list_line(1, " \t text\n").1 .0, 5);
        assert_eq!(first_list_line(3, "\n").1 .0, 4);
        assert_eq!(first_list_line(3, " {: .cls}\n").1 .0, 4);
        assert_eq!(first_list_line(1, "|x\n").1 .0, 1);
    }

    #[test]
    fn item_attribute_lists_start_the_first_line() {
        assert_eq!(list_item_ial("{: .cls}  text\n"), Some((" .cls", 10)));
        assert_eq!(list_item_ial("{:name: .cls} text\n"), None);
        assert_eq!(list_item_ial("{::comment} text\n"), None);
        assert_eq!(list_item_ial("{:.a\\}\n"), Some((".a\\", 7)));
        assert!(list_item_ial_check("{:.a}\n"));
        assert!(!list_item_ial_check("{:.a} b\n"));
    }

    #[test]
    fn continuation_lines_need_the_indentation_or_follow_text() {
        let indent = ItemIndent(2);
        assert_eq!(indent.content_line("  text\n"), Some(7));
        assert_eq!(indent.content_line("\ttext\n"), Some(6));
        assert_eq!(indent.content_line(" text\n"), None);
        assert_eq!(indent.content_line("  \n"), None);
        assert_eq!(indent.lazy_line("text\n", &Braces::default()), Some(5));
        assert_eq!(indent.lazy_line("{: .cls}\n", &Braces::default()), None);
        assert_eq!(indent.lazy_line("   <div>\n", &Braces::default()), Some(9));
        assert_eq!(ItemIndent(4).lazy_line("   <div>\n", &Braces::default()), None);
        assert_eq!(indent.dedent("\tx\n"), ("  x\n".into(), true));
        assert_eq!(indent.dedent("   x\n"), (" x\n".into(), true));
        assert_eq!(indent.dedent(" x\n"), (" x\n".into(), false));
        assert_eq!(indent.marker_indent(), 1);
    }
}
