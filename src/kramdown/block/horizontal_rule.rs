//! Horizontal rules: three or more `*`, `-` or `_` (spaces between allowed) → `<hr />`.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns;

impl Parser<'_> {
    pub(crate) fn parse_horizontal_rule(&mut self, tree: &mut Element) -> bool {
        let Some(len) = patterns::horizontal_rule(self.src.rest()) else { return false };
        let location = self.src.current_line_number();
        self.src.take(len);
        let rule = self.new_block_el(Kind::Hr, location);
        tree.children.push(rule);
        true
    }
}
