//! The end-of-block marker `^` on a line of its own: ends the current block (two lists or
//! quotes in a row stay apart) and outputs nothing.

use crate::kramdown::element::{Element, EobKind, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns;

impl Parser<'_> {
    pub(crate) fn parse_eob_marker(&mut self, tree: &mut Element) -> bool {
        let Some(len) = patterns::eob_marker(self.src.rest()) else { return false };
        let location = self.src.current_line_number();
        self.src.take(len);
        tree.children.push(self.eob(EobKind::Marker, location));
        true
    }

    /// An end-of-block element of the given kind, taking a waiting block attribute list.
    pub(crate) fn eob(&mut self, kind: EobKind, location: usize) -> Element {
        let mut el = self.new_block_el(Kind::Eob, location);
        el.flags.eob = Some(kind);
        el
    }
}
