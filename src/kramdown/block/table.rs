//! Tables: consecutive lines holding an unescaped `|` (outside code spans), after a block
//! boundary and followed by one.
//!
//! kramdown's rules (`parse_table`):
//!
//! - A row's cells are separated by `|` (`\|` is a literal pipe; pipes in code spans and
//!   `<code>` elements do not count); a leading pipe (when the first line has one) and a
//!   trailing one are optional. Rows are padded to the widest row with empty cells.
//! - A separator line (`|`, `+`, `:`, `-` and white space, with a `-`) after the first rows
//!   makes them the header and gives the alignments (`:-` left, `-:` right, `:-:` center);
//!   a later one starts a new body. A first line that is a separator is dropped.
//! - A footer separator line (with `=` instead of `-`) makes the following rows the footer.
//! - Without a body the table is text (with a warning).
//!
//! HTML: `<table>` with `<thead>` (`<th>` cells), `<tbody>`s and `<tfoot>`; aligned cells get
//! `style="text-align: ..."`, empty cells `&nbsp;`.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::chunk;
use crate::kramdown::element::{Alignment, Element, Kind};
use crate::kramdown::parser::{Parser, SpanParser};
use crate::kramdown::patterns::{is_space, opt_space, strip, trim_end_ascii, trim_start_space};
use crate::kramdown::scanner::Scanner;
use std::borrow::Cow;

/// `TABLE_PIPE_CHECK` (`(?:\||.*?[^\\\n]\|)`) at the start of `s`: a `|` first, or after a
/// character other than a backslash on the same line.
fn pipe_check(s: &str) -> bool {
    // One pass over the line (this is asked of most lines of most paragraphs).
    let mut after = 0;
    for &b in s.as_bytes() {
        match b {
            b'\n' => return false,
            b'|' if after != b'\\' => return true,
            _ => after = b,
        }
    }
    false
}

/// `TABLE_LINE` (`TABLE_PIPE_CHECK.*?\n`).
fn table_line(s: &str) -> bool {
    pipe_check(s) && s.contains('\n')
}

/// `TABLE_START` (`^ {0,3}(?=\S)TABLE_LINE`).
fn table_start(s: &str) -> bool {
    let at = opt_space(s);
    s.as_bytes().get(at).is_some_and(|&b| !is_space(b)) && table_line(&s[at..])
}

/// `TABLE_SEP_LINE` (`^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n`) or `TABLE_FSEP_LINE` (the same
/// with `=` instead of `-`), asked of every line of a table: the marker (`-` or `=`), the line
/// without its trailing white space, and its length.
fn separator_line(s: &str) -> Option<(u8, &str, usize)> {
    let (mut dash, mut equals) = (false, false);
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match b {
            b'-' => dash = true,
            b'=' => equals = true,
            b'+' | b'|' | b':' | b' ' | b'\t' => {}
            b'\n' => {
                let marker = match (dash, equals) {
                    (true, false) => b'-',
                    (false, true) => b'=',
                    _ => return None,
                };
                return Some((marker, trim_end_ascii(&s[..i], b" \t"), i + 1));
            }
            _ => return None,
        }
    }
    None
}

/// The alignments of a header separator (`TABLE_HSEP_ALIGN`, `[ \t]?(:?)-+(:?)[ \t]?`, scanned).
fn alignments(separator: &str) -> Vec<Alignment> {
    let b = separator.as_bytes();
    let mut result = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let mut at = i + usize::from(matches!(b[i], b' ' | b'\t'));
        let left = b.get(at) == Some(&b':');
        at += usize::from(left);
        let dashes = b[at.min(b.len())..].iter().take_while(|&&c| c == b'-').count();
        if dashes == 0 {
            i += 1;
            continue;
        }
        at += dashes;
        let right = b.get(at) == Some(&b':');
        at += usize::from(right);
        at += usize::from(b.get(at).is_some_and(|&c| c == b' ' || c == b'\t'));
        result.push(match (left, right) {
            (false, false) => Alignment::Default,
            (true, false) => Alignment::Left,
            (false, true) => Alignment::Right,
            (true, true) => Alignment::Center,
        });
        i = at;
    }
    result
}

/// `row.split(/(<code.*?>.*?<\/code>)/)`: the text between `<code>` elements and the elements,
/// alternately.
fn split_code_elements(row: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut pos = 0;
    while let Some(start) = chunk::find_str(&row.as_bytes()[pos..], b"<code").map(|i| pos + i) {
        let Some(open_end) = row[start + 5..].find('>').map(|i| start + 5 + i + 1) else { break };
        // No `</code>` after the first `>` means none after any later `<code` either.
        let Some(end) = chunk::find_str(&row.as_bytes()[open_end..], b"</code>").map(|i| open_end + i + 7) else { break };
        pieces.push(&row[pos..start]);
        pieces.push(&row[start..end]);
        pos = end;
    }
    pieces.push(&row[pos..]);
    pieces
}

/// `value.split(/(?<!\\)\|/, -1)` with `\|` then made `|`.
fn split_unescaped_pipes(value: &str) -> Vec<Cow<'_, str>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut after = 0;
    for (i, &b) in value.as_bytes().iter().enumerate() {
        if b == b'|' && after != b'\\' {
            parts.push(unescaped(&value[start..i]));
            start = i + 1;
        }
        after = b;
    }
    parts.push(unescaped(&value[start..]));
    parts
}

/// `part` with `\|` made `|`, copied only where it holds a backslash.
fn unescaped(part: &str) -> Cow<'_, str> {
    if part.as_bytes().contains(&b'\\') {
        Cow::Owned(part.replace("\\|", "|"))
    } else {
        Cow::Borrowed(part)
    }
}

/// Ruby's `split("\n")`: trailing empty strings dropped.
fn lines_of(value: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = value.split('\n').collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// Whether `s` has a backtick or a `<`: without either, the span parses kramdown runs over a
/// table's rows and lines (code spans, HTML) find nothing but text.
fn may_hold_code_or_html(s: &str) -> bool {
    s.bytes().any(|b| b == b'`' || b == b'<')
}

/// `code` as a code span again, with a delimiter its content cannot close: one backtick more
/// than its longest run, and a space inside a delimiter of several. Written without `format!`
/// and `repeat`: tables of code spans have one in most cells.
fn code_span(code: &str) -> String {
    let ticks = longest_backtick_run(code) + 1;
    let pad = if ticks > 1 { " " } else { "" };
    let mut span = String::with_capacity(code.len() + 2 * (ticks + pad.len()));
    span.extend(std::iter::repeat_n('`', ticks));
    span.push_str(pad);
    span.push_str(code);
    span.push_str(pad);
    span.extend(std::iter::repeat_n('`', ticks));
    span
}

/// The length of the longest run of backticks in `code`, counted by bytes: splitting the code at
/// every other character decoded each one (1.7% of a page of tables' render in Node, self time).
fn longest_backtick_run(code: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for &b in code.as_bytes() {
        run = if b == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// Without the empty first cell (after a leading pipe) and the empty last one.
fn without_empty_edges(mut cells: Vec<Cow<'_, str>>, leading_pipe: bool) -> Vec<Cow<'_, str>> {
    if leading_pipe && cells.first().is_some_and(|c| strip(c).is_empty()) {
        cells.remove(0);
    }
    if cells.last().is_some_and(|c| strip(c).is_empty()) {
        cells.pop();
    }
    cells
}

/// Appends to the last cell, or starts the first (`(cells.empty? ? cells : cells.last) << s`).
fn append_to_cell(cells: &mut Vec<Cow<'_, str>>, s: &str) {
    match cells.last_mut() {
        Some(cell) => cell.to_mut().push_str(s),
        None => cells.push(Cow::Owned(s.to_owned())),
    }
}

impl Parser<'_> {
    pub(crate) fn parse_table(&mut self, tree: &mut Element) -> bool {
        // Most lines have no pipe: a search of the line (known already), eight bytes at a time,
        // rules them out faster than the pattern's byte-by-byte reading.
        let line = self.src.line();
        if crate::chunk::find(line.as_bytes(), b'|').is_none() || !table_start(line) || !self.after_block_boundary(tree) {
            return false;
        }
        let start = self.src.pos;
        // kramdown takes a waiting attribute list here, and loses it when this is no table.
        let mut table = self.new_block_el(Kind::Table, self.src.current_line_number());
        let leading_pipe = trim_start_space(self.src.line()).starts_with_byte(b'|');
        if let Some((b'-', _, len)) = separator_line(self.src.rest()) {
            self.src.take(len);
        }

        let mut rows: Vec<Element> = Vec::new();
        let mut has_footer = false;
        let mut columns = 0;
        let mut alignment: Option<Vec<Alignment>> = None;
        let add_container = |table: &mut Element, rows: &mut Vec<Element>, kind: Kind, has_footer: bool, force: bool| {
            if !has_footer || kind != Kind::Tbody || force {
                let mut container = Element::new(kind);
                container.children = std::mem::take(rows);
                table.children.push(container);
            }
        };
        while !self.src.eos() && table_line(self.src.rest()) {
            match separator_line(self.src.rest()) {
                Some((b'-', separator, len)) => {
                    if rows.is_empty() {
                        // Consecutive separator lines count as one.
                    } else if alignment.is_none() && !has_footer {
                        add_container(&mut table, &mut rows, Kind::Thead, has_footer, false);
                        alignment = Some(alignments(separator));
                    } else {
                        add_container(&mut table, &mut rows, Kind::Tbody, has_footer, false);
                    }
                    self.src.take(len);
                }
                Some((_, _, len)) => {
                    self.src.take(len);
                    if !rows.is_empty() {
                        add_container(&mut table, &mut rows, Kind::Tbody, has_footer, true);
                    }
                    has_footer = true;
                }
                None => {
                    let line_start = self.src.pos;
                    self.src.scan_line();
                    let row = trim_end_ascii(trim_end_ascii(&self.src.text()[line_start..self.src.pos], b"\n"), b" \t");
                    // Without a code span or a tag the row is one text: its cells are slices of it.
                    let cells = if may_hold_code_or_html(row) {
                        let row = row.to_owned();
                        self.table_cells(&row)
                    } else {
                        split_unescaped_pipes(row)
                    };
                    let cells = without_empty_edges(cells, leading_pipe);
                    columns = columns.max(cells.len());
                    let mut tr = Element::new(Kind::Tr);
                    tr.children.reserve_exact(cells.len());
                    for cell in &cells {
                        let mut td = Element::new(Kind::Td);
                        self.add_text_of_kind(strip(cell), &mut td, Kind::RawText);
                        tr.children.push(td);
                    }
                    rows.push(tr);
                }
            }
        }

        if !self.before_block_boundary() || !self.pipe_on_every_line(start) {
            self.src.pos = start;
            return false;
        }
        if !rows.is_empty() {
            let kind = if has_footer { Kind::Tfoot } else { Kind::Tbody };
            add_container(&mut table, &mut rows, kind, has_footer, false);
        }
        if !table.children.iter().any(|c| c.kind == Kind::Tbody) {
            let location = table.location;
            self.warn_at(location, "Found table without body - ignoring it");
            self.src.pos = start;
            return false;
        }
        for row in table.children.iter_mut().flat_map(|section| section.children.iter_mut()) {
            while row.children.len() < columns {
                row.children.push(Element::new(Kind::Td));
            }
        }
        let mut alignment = alignment.unwrap_or_default();
        alignment.resize(columns, Alignment::Default);
        table.options.alignment = alignment;
        tree.children.push(table);
        true
    }

    /// A row's cells: split at unescaped pipes outside code spans and `<code>` elements.
    fn table_cells(&mut self, row: &str) -> Vec<Cow<'static, str>> {
        let mut cells = Vec::new();
        for (index, piece) in split_code_elements(row).into_iter().enumerate() {
            if index % 2 == 1 {
                append_to_cell(&mut cells, piece);
                continue;
            }
            // Without a backtick there is no code span: the piece is one text (what the span
            // parse would give, without its scanner and tree for every row).
            let spans = if piece.contains('`') {
                self.raw_spans(piece.to_owned(), &[SpanParser::Codespan])
            } else if piece.is_empty() {
                Vec::new()
            } else {
                vec![Element::with_value(Kind::RawText, piece)]
            };
            for span in spans {
                if span.kind == Kind::Codespan {
                    append_to_cell(&mut cells, &code_span(&span.value));
                } else {
                    let parts = split_unescaped_pipes(&span.value);
                    append_to_cell(&mut cells, &parts[0]);
                    // Copied: the parts borrow the span, which goes at the end of this turn.
                    for part in &parts[1..] {
                        cells.push(Cow::Owned(String::from(&**part)));
                    }
                }
            }
        }
        cells
    }

    /// Whether every line of the table from `start` to here has an unescaped pipe outside code
    /// spans (kramdown parses the lines again with the code span and HTML parsers to know).
    fn pipe_on_every_line(&mut self, start: usize) -> bool {
        let text = self.src.text()[start..self.src.pos - 1].to_owned();
        // Without a code span or a tag the text is one span.
        let spans = if may_hold_code_or_html(&text) {
            self.raw_spans(text, &[SpanParser::Codespan, SpanParser::SpanHtml])
        } else {
            vec![Element::with_value(Kind::RawText, text)]
        };
        let mut pipe_on_line = false;
        for span in spans {
            let lines = lines_of(&span.value);
            if lines.is_empty() {
                continue;
            }
            if span.kind == Kind::Codespan {
                if lines.len() > 2 || (lines.len() == 2 && !pipe_on_line) {
                    break;
                } else if lines.len() == 2 {
                    pipe_on_line = false;
                }
            } else {
                if lines.len() > 1 && !pipe_on_line && !pipe_check(lines[0]) {
                    break;
                }
                pipe_on_line = (lines.len() == 1 && pipe_on_line) || pipe_check(lines[lines.len() - 1]);
            }
        }
        pipe_on_line
    }

    /// The spans of `text` with only `parsers` active, the text left raw.
    fn raw_spans(&mut self, text: String, parsers: &[SpanParser]) -> Vec<Element> {
        let location = self.src.current_line_number();
        let saved_src = std::mem::replace(&mut self.src, Scanner::new(text, location));
        let saved_kind = std::mem::replace(&mut self.text_kind, Kind::RawText);
        let mut root = Element::new(Kind::Root).at(location);
        self.parse_spans(&mut root, None, Some(parsers));
        self.text_kind = saved_kind;
        self.src = saved_src;
        root.children
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lines_need_an_unescaped_pipe() {
        assert!(table_start("  a | b\n"));
        assert!(table_start("|a\n"));
        assert!(!table_start("a \\| b\n"));
        assert!(!table_start("    | a\n"));
        assert!(table_line("\\|x|\n"));
        assert!(table_line("a\\||\n"), "a pipe after an escaped one");
        assert!(!table_line("a\n|b\n"), "a pipe on the next line only");
    }

    #[test]
    fn separators_give_alignments() {
        assert_eq!(separator_line("|:--|--:|  \n"), Some((b'-', "|:--|--:|", 12)));
        assert_eq!(separator_line("|+===|\n"), Some((b'=', "|+===|", 7)));
        assert_eq!(separator_line("|-=|\n"), None, "both markers: neither kind of separator");
        assert_eq!(separator_line("| a |\n"), None);
        assert_eq!(separator_line("|---|"), None, "a separator line ends with a newline");
        use Alignment::*;
        assert_eq!(alignments("|:--|--:| - |:-:|---"), [Left, Right, Default, Center, Default]);
        assert_eq!(alignments(":-:-"), [Center, Default]);
    }

    #[test]
    fn cells_split_at_unescaped_pipes_outside_code_elements() {
        assert_eq!(split_code_elements("a|<code>x|y</code>|b"), ["a|", "<code>x|y</code>", "|b"]);
        assert_eq!(split_code_elements("<code x>|"), ["<code x>|"]);
        assert_eq!(split_unescaped_pipes("a\\|b|c|"), ["a|b", "c", ""]);
    }

    #[test]
    fn code_spans_are_written_again_with_a_delimiter_their_content_cannot_close() {
        assert_eq!(code_span("a|b"), "`a|b`");
        assert_eq!(code_span("a`b"), "`` a`b ``");
        assert_eq!(code_span("``"), "``` `` ```");
        assert_eq!(code_span(""), "``");
    }

    #[test]
    fn the_longest_run_of_backticks_is_counted_wherever_it_is() {
        for (code, longest) in [("", 0), ("x", 0), ("`", 1), ("a``b`", 2), ("`é```", 3), ("``x`````", 5)] {
            assert_eq!(longest_backtick_run(code), longest, "{code:?}");
        }
    }
}
