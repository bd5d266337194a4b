//! Paragraphs: a line that starts with at most three spaces and then text, and the lines
//! after it up to a paragraph end (`PARAGRAPH_END`: a blank line, an attribute list, `^`, a
//! block HTML tag; with GFM's `paragraph_end` quirk also a list, header, quote or fence).

use crate::kramdown::element::{Element, Kind, Mark};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, lstrip, rstrip};
use crate::options::GfmQuirk;

impl Parser<'_> {
    pub(crate) fn parse_paragraph(&mut self, tree: &mut Element) -> bool {
        // PARAGRAPH_START: `^ {0,3}[^ \t].*?\n`
        let line = self.src.line();
        let first = patterns::opt_space(line);
        if !line.ends_with('\n') || matches!(line.as_bytes().get(first), None | Some(b' ' | b'\t' | b'\n')) {
            return false;
        }
        let pos = self.src.pos;
        let location = self.src.current_line_number();
        self.src.scan_line();
        let mut one_line = true;
        while !self.paragraph_end(self.src.rest()) {
            self.src.scan_line();
            one_line = false;
        }
        let end = pos + rstrip(&self.src.text()[pos..self.src.pos]).len();
        match tree.children.last_mut() {
            Some(para) if para.kind == Kind::P => {
                let joiner = if self.src.text()[..pos].ends_with("  \n") { "  \n" } else { "\n" };
                if para.flags.has(Mark::TextInBody) && self.extend_in_body(para, joiner, pos, end) {
                    return true;
                }
                self.text_out_of_body(para);
                let result = &self.src.text()[pos..end];
                if para.last_kind() == Some(self.text_kind) {
                    let text = &mut para.children.last_mut().expect("checked above").value;
                    text.push_str(joiner);
                    text.push_str(result);
                } else {
                    self.add_text(result, para);
                }
            }
            _ => {
                let mut para = self.new_block_el(Kind::P, location);
                let start = end - lstrip(&self.src.text()[pos..end]).len();
                if !(self.text_kind == Kind::RawText && self.keep_in_body(&mut para, start, end, one_line)) {
                    self.add_text(&self.src.text()[start..end], &mut para);
                }
                tree.children.push(para);
            }
        }
        true
    }

    /// Whether a paragraph (or a GFM paragraph's lazy line) stops before `rest`.
    pub(crate) fn paragraph_end(&self, rest: &str) -> bool {
        if !patterns::may_end_paragraph(rest) {
            return false;
        }
        if patterns::lazy_end(rest, &self.src.braces) || patterns::definition_list_start(rest).is_some() {
            return true;
        }
        self.is_gfm()
            && self.options.gfm_quirks.contains(&GfmQuirk::ParagraphEnd)
            && (patterns::list_start(rest)
                || patterns::atx_header_start_gfm(rest).is_some()
                || patterns::blockquote_start(rest).is_some()
                || patterns::fenced_codeblock_start_gfm(rest))
    }
}
