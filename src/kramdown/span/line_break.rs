//! Line breaks: two spaces (or two backslashes) at the end of a line inside a paragraph
//! give `<br />`. GFM with `hard_wrap: true` turns every line end into one instead (see
//! `gfm.rs`) and does without this parser.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;

/// `LINE_BREAK` (`(  |\\\\)(?=\n)`), which is also its start pattern.
pub(super) fn span_start(s: &[u8]) -> bool {
    matches!(s, [b' ', b' ', b'\n', ..] | [b'\\', b'\\', b'\n', ..])
}

impl Parser<'_> {
    pub(crate) fn parse_line_break(&mut self, el: &mut Element) -> bool {
        if !span_start(self.src.rest().as_bytes()) {
            return false;
        }
        el.children.push(Element::new(Kind::Br).at(self.src.current_line_number()));
        self.src.take(2);
        true
    }
}
