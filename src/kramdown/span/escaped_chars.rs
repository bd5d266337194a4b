//! Backslash escapes: `\` before one of kramdown's escapable characters gives that character.
//! kramdown (`ESCAPED_CHARS`): `` \ . * _ + ` < > ( ) [ ] { } # ! : | " ' $ = - ``;
//! GFM (`ESCAPED_CHARS_GFM`) adds `~`. A backslash before anything else is text.

use crate::kramdown::element::Element;
use crate::kramdown::parser::Parser;

impl Parser<'_> {
    pub(crate) fn parse_escaped_chars(&mut self, el: &mut Element) -> bool {
        let escapable = match self.src.rest().as_bytes() {
            [b'\\', c, ..] => is_escapable(*c, self.is_gfm()),
            _ => false,
        };
        if !escapable {
            return false;
        }
        // The backslash goes; the character it escapes (ASCII punctuation) stays as text.
        self.src.pos += 1;
        self.take_text(1, el);
        true
    }
}

fn is_escapable(c: u8, gfm: bool) -> bool {
    b"\\.*_+`<>()[]{}#!:|\"'$=-".contains(&c) || (c == b'~' && gfm)
}

/// `text.gsub(ESCAPED_CHARS, '\1')`: kramdown's escapes (also under GFM, which has its own
/// list only for the escape parser) replaced by the characters they stand for.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        match rest.as_bytes().get(i + 1) {
            Some(&c) if is_escapable(c, false) => {
                out.push(char::from(c));
                rest = &rest[i + 2..];
            }
            _ => {
                out.push('\\');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn escapes_give_their_characters() {
        assert_eq!(unescape(r"a\*b\\\]c\d\~"), r"a*b\]c\d\~");
        assert_eq!(unescape("x\\"), "x\\");
    }
}
