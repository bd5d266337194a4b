//! Blank lines (`BLANK_LINE`): kept as a `Blank` element, since list and definition rules
//! look at them; consecutive ones join.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns;

impl Parser<'_> {
    pub(crate) fn parse_blank_line(&mut self, tree: &mut Element) -> bool {
        let Some(len) = patterns::blank_lines(self.src.rest()) else { return false };
        let location = self.src.current_line_number();
        match tree.children.last_mut() {
            Some(last) if last.kind == Kind::Blank => last.value.push_str(self.src.take(len)),
            _ => {
                let mut blank = self.new_block_el(Kind::Blank, location);
                blank.value = self.src.take(len).to_owned();
                tree.children.push(blank);
            }
        }
        true
    }
}
