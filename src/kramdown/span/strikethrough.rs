//! GFM strikethrough: `~~text~~` gives `<del>text</del>`. The text may not start or end
//! with white space or `~`, and may run over lines. It is parsed afresh, as if at the
//! start of a paragraph: emphasis and links around it do not count inside.

use crate::kramdown::ascii_prefix::has_prefix;
use crate::kramdown::element::{Category, Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::is_space;
use crate::kramdown::span::closers::Closer;

impl Parser<'_> {
    pub(crate) fn parse_strikethrough(&mut self, el: &mut Element) -> bool {
        let Some(end) = strikethrough(self.src.rest(), self.src.closers_from_here()) else { return false };
        let location = self.src.current_line_number();
        let text = self.src.take(end + 2)[2..end].to_owned();
        let mut del = Element::with_value(Kind::HtmlElement, "del").at(location);
        del.flags.category = Some(Category::Span);
        self.parse_span_text(&mut del, text, location);
        el.children.push(del);
        true
    }
}

/// `STRIKETHROUGH_MATCH` (`~~(?!\s|~).*?[^\s~]~~`, across lines): where the closing `~~`
/// starts; `next` finds closers in `s`.
fn strikethrough(s: &str, next: impl Fn(Closer, usize) -> Option<usize>) -> Option<usize> {
    let b = s.as_bytes();
    let not_space_or_tilde = |c: u8| !is_space(c) && c != b'~';
    if !has_prefix(b, b"~~") || !b.get(2).is_some_and(|&c| not_space_or_tilde(c)) {
        return None;
    }
    next(Closer::Strikethrough, 3)
}

#[cfg(test)]
mod tests {
    use crate::kramdown::span::closers::searched;

    fn strikethrough(s: &str) -> Option<usize> {
        super::strikethrough(s, searched(s))
    }

    #[test]
    fn the_text_is_the_shortest_that_ends_in_a_visible_character() {
        assert_eq!(strikethrough("~~a~~"), Some(3));
        assert_eq!(strikethrough("~~a ~~ b~~"), Some(8));
        assert_eq!(strikethrough("~~a~~~"), Some(3));
        assert_eq!(strikethrough("~~ a~~"), None);
        assert_eq!(strikethrough("~~~a~~"), None);
        assert_eq!(strikethrough("~~é~~"), Some(4));
    }
}
