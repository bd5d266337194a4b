//! Emphasis: `*text*` or `_text_` gives `<em>`, `**text**` or `__text__` gives `<strong>`.
//!
//! The delimiter must not be followed by white space, and the closing one not preceded by
//! it. An underscore right after a letter (or a letter and a hyphen) is text, and a closing
//! underscore may not be followed by a letter or digit, so `snake_case_names` stay as they
//! are. Emphasis does not nest in emphasis of the same kind; `**` that finds no closing
//! `**` is tried as `*` followed by emphasis. A single delimiter does not close before a
//! double one (`*a **b** c*`). No options are involved. Past `MAX_NESTING` delimiters are text.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::{Parser, MAX_NESTING};
use crate::kramdown::patterns::{is_alnum, is_alpha, is_space};
use crate::kramdown::span::Stop;

impl Parser<'_> {
    pub(crate) fn parse_emphasis(&mut self, el: &mut Element) -> bool {
        // EMPHASIS_START: `(?:\*\*?|__?)`
        let rest = self.src.rest().as_bytes();
        let Some(&c) = rest.first().filter(|&&c| c == b'*' || c == b'_') else { return false };
        let len = if rest.get(1) == Some(&c) { 2 } else { 1 };
        let delim = match (c, len) {
            (b'*', 1) => "*",
            (b'*', _) => "**",
            (_, 1) => "_",
            _ => "__",
        };
        let kind = if len == 2 { Kind::Strong } else { Kind::Em };
        let location = self.src.current_line_number();
        let start = self.src.pos;
        self.src.take(len);
        let followed_by_space = self.src.rest().bytes().next().is_some_and(is_space);
        let too_deep = self.depth > MAX_NESTING;
        if (c == b'_' && ends_in_word(&self.src.text()[..start])) || followed_by_space || self.inside(kind) || too_deep {
            self.add_text(delim, el);
            return true;
        }
        let mut parsed = self.emphasis_body(delim, kind, location);
        if parsed.is_none() && kind == Kind::Strong && self.innermost() != Some(Kind::Em) {
            self.src.give_back(start + 1);
            parsed = self.emphasis_body(&delim[..1], Kind::Em, location);
        }
        match parsed {
            Some((emphasis, closing_len)) => {
                self.src.take(closing_len);
                el.children.push(emphasis);
            }
            None => {
                self.src.give_back(start + len);
                self.add_text(delim, el);
            }
        }
        true
    }

    /// Parses up to the closing `delim`; the element and the delimiter's length when found.
    fn emphasis_body(&mut self, delim: &str, kind: Kind, location: usize) -> Option<(Element, usize)> {
        let d = delim.as_bytes();
        if !self.src.may_read_ahead() || self.src.cannot_close(d[0], self.src.pos) {
            return None;
        }
        let mut emphasis = Element::new(kind).at(location);
        let at = |text: &str, i: usize| text.as_bytes()[i..].starts_with(d);
        let mut accept = |parser: &Parser, emphasis: &Element| {
            let rest = parser.src.rest();
            let after = &rest[d.len()..];
            // `(?<!\s)`, and for `*`/`_` not `**`/`__` unless a third follows.
            let double = kind == Kind::Em && after.as_bytes().first() == Some(&d[0]) && after.as_bytes().get(1) != Some(&d[0]);
            // `_` must not be followed by `[[:alnum:]]`.
            let into_word = d[0] == b'_' && after.chars().next().is_some_and(is_alnum);
            !parser.src.before().bytes().next_back().is_some_and(is_space)
                && !double
                && !into_word
                && !emphasis.children.is_empty()
        };
        let stop = Stop { first: &d[..1], at: &at, accept: Some(&mut accept) };
        self.parse_spans(&mut emphasis, Some(stop), None).then_some((emphasis, d.len()))
    }
}

/// `[[:alpha:]]-?[[:alpha:]]*\z`: the text ends with a letter, or with a letter and a hyphen.
fn ends_in_word(before: &str) -> bool {
    let mut chars = before.chars().rev();
    match chars.next() {
        Some('-') => chars.next().is_some_and(is_alpha),
        Some(c) => is_alpha(c),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ends_in_word;

    #[test]
    fn underscores_after_letters_are_inside_words() {
        assert!(ends_in_word("snake"));
        assert!(ends_in_word("été"));
        assert!(ends_in_word("pre-"));
        assert!(!ends_in_word("a--"));
        assert!(!ends_in_word("1"));
        assert!(!ends_in_word("a "));
        assert!(!ends_in_word(""));
    }
}
