//! Headers: atx (`## Title`, optionally closed by `#`s) and setext (a line underlined with
//! `=` or `-`), with an explicit id at the end (`## Title {#id}`).
//!
//! kramdown wants a header after a block boundary and lets `#Title` be one; GFM needs a
//! space after the `#`s and, with the `paragraph_end` quirk, no boundary.

use crate::chunk;
use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, rstrip, trim_end_ascii, trim_start_ascii};
use crate::options::GfmQuirk;

impl Parser<'_> {
    pub(crate) fn parse_atx_header(&mut self, tree: &mut Element) -> bool {
        let rest = self.src.rest();
        let Some(line_len) = chunk::find(rest.as_bytes(), b'\n') else { return false };
        let line = &rest[..line_len];
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let gfm = self.is_gfm();
        // kramdown's `\#{1,6}` leaves a seventh `#` to the text; GFM's needs white space after.
        let level = if gfm { hashes } else { hashes.min(6) };
        if !(1..=6).contains(&level) {
            return false;
        }
        let after = &line[level..];
        let quirk = gfm && self.options.gfm_quirks.contains(&GfmQuirk::ParagraphEnd);
        let (contents, len) = if gfm {
            // `[\t ]+(?<contents>.*)\n`
            if !after.starts_with([' ', '\t']) {
                return false;
            }
            (trim_start_ascii(after, b" \t"), line_len + 1)
        } else {
            // `[\t ]*(?<contents>[^ \t].*)\n`, where `[^ \t]` matches a newline too: after `#`s
            // and white space alone, the text is the next line's, the newline before it kept.
            let contents = trim_start_ascii(after, b" \t");
            if !contents.is_empty() {
                (contents, line_len + 1)
            } else {
                let Some(next_len) = chunk::find(&rest.as_bytes()[line_len + 1..], b'\n') else { return false };
                (&rest[line_len..line_len + 1 + next_len], line_len + 1 + next_len + 1)
            }
        };
        if !quirk && !self.after_block_boundary(tree) {
            return false;
        }
        let (text, id) = header_contents(contents);
        let text = if quirk { strip_closing_hashes_gfm(text) } else { strip_closing_hashes(text) };
        if text.is_empty() {
            return false;
        }
        let (text, id) = (text.to_owned(), id.map(str::to_owned));
        self.add_header(tree, level as u8, text, id, len);
        true
    }

    pub(crate) fn parse_setext_header(&mut self, tree: &mut Element) -> bool {
        // `^ {0,3}(?<contents>[^ \t].*)\n(?<level>[-=])[-=]*[ \t\r\f\v]*\n`
        // The scanner's current line, which the parsers tried after this one ask for too.
        let Some(first) = self.src.line().strip_suffix('\n') else { return false };
        let indent = patterns::opt_space(first);
        let contents = &first[indent..];
        // By bytes: a pattern of characters decodes one, and every paragraph's first line is asked.
        if matches!(contents.as_bytes().first(), None | Some(b' ' | b'\t')) {
            return false;
        }
        let underline_rest = &self.src.rest()[first.len() + 1..];
        // Most lines are followed by no underline: its end is looked for only after its start.
        let marker = match underline_rest.as_bytes().first() {
            Some(&m @ (b'-' | b'=')) => m,
            _ => return false,
        };
        let Some(underline_end) = chunk::find(underline_rest.as_bytes(), b'\n') else { return false };
        let underline = &underline_rest[..underline_end];
        let marks = underline.trim_start_matches(['-', '=']);
        if !marks.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\x0c' | b'\x0b')) {
            return false;
        }
        if !self.after_block_boundary(tree) {
            return false;
        }
        let (text, id) = header_contents(contents);
        if text.is_empty() {
            return false;
        }
        let (text, id) = (text.to_owned(), id.map(str::to_owned));
        let level = if marker == b'-' { 2 } else { 1 };
        self.add_header(tree, level, text, id, first.len() + 1 + underline_end + 1);
        true
    }

    fn add_header(&mut self, tree: &mut Element, level: u8, text: String, id: Option<String>, len: usize) {
        let location = self.src.current_line_number();
        self.src.take(len);
        let mut header = self.new_block_el(Kind::Header, location);
        header.flags.level = level;
        self.add_text(&text, &mut header);
        header.options.raw_text = Some(text);
        if let Some(id) = id {
            header.attr.set("id", id);
        }
        tree.children.push(header);
    }
}

/// The header text and its explicit id (`HEADER_ID`: `[\t ]{#(NAME_START_CHAR NAME_CHAR*)}\z`).
fn header_contents(contents: &str) -> (&str, Option<&str>) {
    let text = rstrip(contents);
    if let Some(inner) = text.strip_suffix('}') {
        if let Some(open) = inner.as_bytes().windows(2).rposition(|w| w == b"{#") {
            let id = &inner[open + 2..];
            let spaced = inner[..open].ends_with([' ', '\t']);
            let mut chars = id.chars();
            if spaced && chars.next().is_some_and(is_xml_name_start) && chars.all(is_xml_name_char) {
                return (rstrip(&inner[..open - 1]), Some(id));
            }
        }
    }
    (text, None)
}

/// `text.sub!(/(?<!\\)#+\z/, '') && text.rstrip!`
fn strip_closing_hashes(text: &str) -> &str {
    let stripped = trim_end_ascii(text, b"#");
    // An escaped first `#` stays; the match starts after it.
    let end = if stripped.ends_with('\\') { stripped.len() + 1 } else { stripped.len() };
    if end >= text.len() {
        return text;
    }
    rstrip(&text[..end])
}

/// GFM: `text.sub!(/[\t ]#+\z/, '') && text.rstrip!`
fn strip_closing_hashes_gfm(text: &str) -> &str {
    let stripped = trim_end_ascii(text, b"#");
    if stripped.len() == text.len() || !stripped.ends_with([' ', '\t']) {
        return text;
    }
    rstrip(&stripped[..stripped.len() - 1])
}

/// XML's `NameStartChar` (REXML's `NAME_START_CHAR`).
fn is_xml_name_start(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// XML's `NameChar`.
fn is_xml_name_char(c: char) -> bool {
    is_xml_name_start(c) || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_id_needs_a_space_before_it() {
        assert_eq!(header_contents("Title {#my-id}  "), ("Title", Some("my-id")));
        assert_eq!(header_contents("Title{#my-id}"), ("Title{#my-id}", None));
        assert_eq!(header_contents("Title {#1bad}"), ("Title {#1bad}", None));
    }

    #[test]
    fn closing_hashes_go_unless_escaped() {
        assert_eq!(strip_closing_hashes("Title ##"), "Title");
        assert_eq!(strip_closing_hashes("Title \\#"), "Title \\#");
        assert_eq!(strip_closing_hashes("Title \\##"), "Title \\#");
        assert_eq!(strip_closing_hashes_gfm("C#"), "C#");
        assert_eq!(strip_closing_hashes_gfm("Title ##"), "Title");
    }
}
