//! Links and images.
//!
//! - Inline: `[text](url)`, `[text](url "title")` (or `'title'`), `[text](<url with spaces>)`;
//!   parentheses in the URL must balance.
//! - Reference: `[text][id]`, `[text][]` and `[text]`, with `[id]: url "title"` defined
//!   anywhere (or in the `link_defs` option); ids match without regard to case and runs of
//!   white space. `[text]` and `[text][]` without a definition are text, with a warning.
//! - Images: the same with `!` before; the text becomes the `alt` attribute.
//!
//! Links do not nest; images may be inside links (and images, up to `MAX_NESTING`). The HTML is `<a href="URL" title="T">text</a>`
//! and `<img src="URL" alt="TEXT" title="T" />`.

use crate::kramdown::ascii_prefix::has_prefix;
use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::{normalize_link_id, Parser, MAX_NESTING};
use crate::kramdown::patterns::{is_space, strip};
use crate::kramdown::span::escaped_chars::unescape;
use crate::kramdown::span::closers::Closer;
use crate::kramdown::span::Stop;

impl Parser<'_> {
    pub(crate) fn parse_link(&mut self, el: &mut Element) -> bool {
        // LINK_START: `!?\[(?=[^^])`
        let rest = self.src.rest();
        let opening_len = if rest.starts_with_ascii(b"![") { 2 } else { 1 };
        if !rest[opening_len - 1..].starts_with_byte(b'[') || matches!(rest[opening_len..].chars().next(), None | Some('^')) {
            return false;
        }
        let location = self.src.current_line_number();
        let opening = if opening_len == 2 { "![" } else { "[" };
        self.src.take(opening_len);
        let text_start = self.src.pos;
        let kind = if opening_len == 2 { Kind::Img } else { Kind::A };
        let nested_link = kind == Kind::A && (self.inside(Kind::A) || self.inside(Kind::Img));
        if nested_link || self.depth > MAX_NESTING {
            self.add_text(opening, el);
            return true;
        }
        let mut link = Element::new(kind).at(location);
        if !self.src.may_read_ahead() || self.src.cannot_close(b']', text_start) || !self.parse_link_text(&mut link) {
            self.src.give_back(text_start);
            self.add_text(opening, el);
            return true;
        }
        // The link's text, unescaped only where it is used: an image's `alt`, a reference's id.
        let text = text_start..self.src.pos;
        self.src.take(1);

        let after = self.src.rest();
        let reference = reference_id(after, self.src.closers_from_here());
        if reference.is_some() || !after.starts_with_byte(b'(') {
            let (id, len) = reference.unwrap_or((None, 0));
            let link_id = match id {
                Some(id) => normalize_link_id(id),
                None => normalize_link_id(&unescape(&self.src.text()[text.clone()])),
            };
            let warn = id.is_none();
            self.src.take(len);
            match self.link_defs.get(&link_id).cloned() {
                Some((url, title)) => {
                    // The definition's attribute list goes first; its URL and title win.
                    let mut link = link;
                    if let Some(ial) = self.link_def_ials.get(&link_id).cloned().flatten() {
                        self.update_attr_with_ial(&mut link.attr, &ial);
                        link.options.ial = Some(ial);
                    }
                    add_link(el, link, url, title, &self.src.text()[text])
                }
                None => {
                    if warn {
                        self.warn_at(location, format!("No link definition for link ID '{link_id}' found"));
                    }
                    self.src.give_back(text_start);
                    self.add_text(opening, el);
                }
            }
            return true;
        }

        let url = match angle_url(after, self.src.closers_from_here()) {
            Some((url, len)) => {
                let url = url.to_owned();
                self.src.take(len);
                if self.src.rest().starts_with_byte(b')') {
                    self.src.take(1);
                    add_link(el, link, url, None, &self.src.text()[text]);
                    return true;
                }
                url
            }
            None => {
                let (url, balanced, len) = paren_url(after);
                self.src.take(len);
                if balanced {
                    add_link(el, link, url, None, &self.src.text()[text]);
                    return true;
                }
                url
            }
        };
        match inline_title(self.src.rest(), self.src.closers_from_here()) {
            Some((title, len)) => {
                let title = title.to_owned();
                self.src.take(len);
                add_link(el, link, url, Some(title), &self.src.text()[text]);
            }
            None => {
                self.src.give_back(text_start);
                self.add_text(opening, el);
            }
        }
        true
    }

    /// Parses the link text up to its closing bracket (`LINK_BRACKET_STOP_RE`: `(\])|!?\[`);
    /// returns whether it was found. Brackets count: the text ends where they balance, the
    /// images inside having taken their own closing brackets.
    fn parse_link_text(&mut self, link: &mut Element) -> bool {
        let mut count: isize = 1;
        let at = |text: &str, i: usize| {
            let s = &text.as_bytes()[i..];
            s[0] == b']' || s[0] == b'[' || has_prefix(s, b"![")
        };
        // The images among the link's children, counted as they come: counting them all at each
        // bracket made a long link text quadratic.
        let (mut images, mut counted) = (0, 0);
        let mut accept = |parser: &Parser, link: &Element| {
            count += if parser.src.rest().starts_with_byte(b']') { -1 } else { 1 };
            if link.children.len() < counted {
                (images, counted) = (0, 0);
            }
            images += link.children[counted..].iter().filter(|c| c.kind == Kind::Img).count();
            counted = link.children.len();
            count == images as isize
        };
        let stop = Stop { first: b"]![", at: &at, accept: Some(&mut accept) };
        self.parse_spans(link, Some(stop), None)
    }
}

/// Sets the link's target and title, as kramdown's `add_link` does, and adds it to `tree`;
/// `text` is the link's text as written (an image's `alt`, unescaped).
fn add_link(tree: &mut Element, mut link: Element, url: String, title: Option<String>, text: &str) {
    if link.kind == Kind::A {
        link.attr.set("href", url);
    } else {
        link.attr.set("src", url);
        link.attr.set("alt", unescape(text));
        link.children.clear();
    }
    if let Some(title) = title {
        link.attr.set("title", title);
    }
    tree.children.push(link);
}

/// `LINK_INLINE_ID_RE` (`\s*?\[([^\]]+)?\]`): the id (none for `[]`) and the length. Here and
/// below, `next` finds closers in `s`.
fn reference_id(s: &str, next: impl Fn(Closer, usize) -> Option<usize>) -> Option<(Option<&str>, usize)> {
    let start = s.bytes().take_while(|&b| is_space(b)).count();
    let inner = s[start..].after_byte(b'[')?;
    let end = next(Closer::Bracket, start + 1)? - (start + 1);
    Some(((end > 0).then(|| &inner[..end]), start + 1 + end + 1))
}

/// `\(<(.*?)>`: the URL between angle brackets, on one line, and the length.
fn angle_url(s: &str, next: impl Fn(Closer, usize) -> Option<usize>) -> Option<(&str, usize)> {
    let inner = s.after_ascii(b"(<")?;
    let end = next(Closer::AngleOrNewline, 2)? - 2;
    (inner.as_bytes()[end] == b'>').then(|| (&inner[..end], 2 + end + 1))
}

/// The URL in parentheses, read as kramdown does with `LINK_PAREN_STOP_RE`
/// (`(\()|(\))|\s(?=['"])`): up to the parenthesis that balances the first one, or to white
/// space before a quote (a title follows). Returns the stripped URL, whether the
/// parentheses balanced, and the length read.
fn paren_url(s: &str) -> (String, bool, usize) {
    let bytes = s.as_bytes();
    let mut depth = 0;
    let mut read = 0;
    let mut balanced = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    read = i + 1;
                    balanced = true;
                    break;
                }
            }
            b if is_space(b) && matches!(bytes.get(i + 1), Some(b'"' | b'\'')) => {
                read = i + 1;
                break;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        read = i + 1;
        i += 1;
    }
    // `link_url[1..-2]`: without the first parenthesis and the last character read.
    let url = if read >= 2 { &s[1..read - 1] } else { "" };
    (strip(url).to_owned(), balanced, read)
}

/// `LINK_INLINE_TITLE_RE` (`\s*?(["'])(.+?)\1\s*?\)`, across lines): the title and the length.
fn inline_title(s: &str, next: impl Fn(Closer, usize) -> Option<usize>) -> Option<(&str, usize)> {
    let start = s.bytes().take_while(|&b| is_space(b)).count();
    let quote = *s.as_bytes().get(start).filter(|&&b| b == b'"' || b == b'\'')?;
    let body = start + 1;
    let first = s[body..].chars().next()?;
    let close = next(Closer::Title(quote), body + first.len_utf8())?;
    let after = close + 1 + s[close + 1..].bytes().take_while(|&b| is_space(b)).count();
    Some((&s[body..close], after + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kramdown::span::closers::searched;

    fn inline_title(s: &str) -> Option<(&str, usize)> {
        super::inline_title(s, searched(s))
    }

    fn reference_id(s: &str) -> Option<(Option<&str>, usize)> {
        super::reference_id(s, searched(s))
    }

    #[test]
    fn urls_in_parentheses_balance_and_stop_before_titles() {
        assert_eq!(paren_url("(a(b)c) x"), ("a(b)c".into(), true, 7));
        assert_eq!(paren_url("( a ) x"), ("a".into(), true, 5));
        assert_eq!(paren_url("() x"), ("".into(), true, 2));
        assert_eq!(paren_url("(a \"t\")"), ("a".into(), false, 3));
        assert_eq!(paren_url("(a(b"), ("a".into(), false, 3));
    }

    #[test]
    fn titles_end_at_a_quote_before_the_parenthesis() {
        assert_eq!(inline_title(" \"a \"b\" c\" )x"), Some(("a \"b\" c", 12)));
        assert_eq!(inline_title("'l'arbre')"), Some(("l'arbre", 10)));
        assert_eq!(inline_title("\"\")"), None);
        assert_eq!(inline_title("\"a\" b)"), None);
    }

    #[test]
    fn reference_ids_follow_the_text() {
        assert_eq!(reference_id(" \n[Id]x"), Some((Some("Id"), 6)));
        assert_eq!(reference_id("[]"), Some((None, 2)));
        assert_eq!(reference_id("(x)"), None);
    }
}
