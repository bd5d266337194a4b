//! Backslash escapes: `\` before one of kramdown's escapable characters gives that character.
//! kramdown (`ESCAPED_CHARS`): `` \ . * _ + ` < > ( ) [ ] { } # ! : | " ' $ = - ``;
//! GFM (`ESCAPED_CHARS_GFM`) adds `~`.

use crate::kramdown::element::Element;
use crate::kramdown::parser::Parser;

impl Parser {
    pub(crate) fn parse_escaped_chars(&mut self, el: &mut Element) -> bool {
        let rest = self.src.rest().as_bytes();
        let escapable = match rest {
            [b'\\', c, ..] => b"\\.*_+`<>()[]{}#!:|\"'$=-".contains(c) || (*c == b'~' && self.is_gfm()),
            _ => false,
        };
        if !escapable {
            return false;
        }
        let c = self.src.take(2)[1..].to_owned();
        self.add_text(&c, el);
        true
    }
}
