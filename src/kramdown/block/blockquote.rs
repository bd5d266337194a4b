//! Blockquotes: lines starting with `>` and every following line up to a lazy end (a blank
//! line, attribute list, `^` or block HTML tag), so a line without `>` stays inside the
//! quote. The markers are removed and the inside is parsed as blocks.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns;

impl Parser<'_> {
    pub(crate) fn parse_blockquote(&mut self, tree: &mut Element) -> bool {
        if patterns::blockquote_start(self.src.rest()).is_none() {
            return false;
        }
        let location = self.src.current_line_number();
        let mut inner = String::new();
        loop {
            let line = self.src.scan_line();
            inner.push_str(&line[patterns::blockquote_start(line).unwrap_or(0)..]);
            if patterns::lazy_end(self.src.rest(), &self.src.braces) {
                break;
            }
        }
        let mut quote = self.new_block_el(Kind::Blockquote, location);
        self.parse_blocks(&mut quote, Some(inner), location);
        tree.children.push(quote);
        true
    }
}
