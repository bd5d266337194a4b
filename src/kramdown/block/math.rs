//! Block math: `$$...$$` (the inside may span lines), indented up to three spaces, standing
//! alone between block boundaries (the start, a blank line, `^` or an attribute list before;
//! one of those or the end after). Otherwise the text is left to the paragraph, where it
//! becomes inline math.
//!
//! `\$$` at such a place is not math: the backslash is dropped and the rest read again.
//!
//! Options: `math_engine` (`mathjax`, or none). HTML with MathJax: `\[...\]` (in a `<div>` when
//! the block has attributes); without an engine: `<div class="kdmath">$$...$$</div>`.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Category, Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, opt_space};

/// `BLOCK_MATH_START` (`^ {0,3}(\\)?\$\$(.*?)\$\$(\s*?\n)?`, multi-line).
struct MathStart<'a> {
    escaped: bool,
    content: &'a str,
    /// The match's length, and whether it ended with a line end (`(\s*?\n)?`).
    len: usize,
    line_end: bool,
}

fn block_math_start(s: &str) -> Option<MathStart<'_>> {
    let indent = opt_space(s);
    let escaped = s[indent..].starts_with_byte(b'\\');
    let open = indent + usize::from(escaped);
    let after = s[open..].after_ascii(b"$$")?;
    let close = after.find("$$")?;
    let end = open + 2 + close + 2;
    let tail = patterns::rest_of_line_is_blank(&s[end..]);
    Some(MathStart { escaped, content: &after[..close], len: end + tail.unwrap_or(0), line_end: tail.is_some() })
}

impl Parser<'_> {
    pub(crate) fn parse_block_math(&mut self, tree: &mut Element) -> bool {
        let Some(start) = block_math_start(self.src.rest()) else { return false };
        if !self.after_block_boundary(tree) {
            return false;
        }
        if start.escaped {
            // kramdown drops the backslash and lets the next parsers read the rest.
            if start.line_end {
                let backslash = opt_space(self.src.rest()) + 1;
                self.src.take(backslash);
            }
            return false;
        }
        let location = self.src.current_line_number();
        let (data, len) = (patterns::strip(start.content).to_owned(), start.len);
        let saved = self.src.pos;
        self.src.take(len);
        // Ruby's `^` matches at the scan position, so `$$x$$ {: .cls}` is a boundary too.
        if !self.before_block_boundary() {
            self.src.pos = saved;
            return false;
        }
        let mut math = self.new_block_el(Kind::Math, location);
        math.value = data;
        math.flags.category = Some(Category::Block);
        tree.children.push(math);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_math_ends_at_the_first_closing_dollars() {
        let start = block_math_start("  $$a\nb$$ $$c$$\n").unwrap();
        assert_eq!((start.content, start.len, start.line_end), ("a\nb", 9, false));
        let start = block_math_start("\\$$x$$  \n\n").unwrap();
        assert!(start.escaped && start.line_end);
        assert_eq!(start.len, 9);
        assert!(block_math_start("$$x$\n").is_none());
    }
}
