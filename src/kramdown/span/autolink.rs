//! Automatic links: `<https://example.org>` (schemes `http`, `https`, `ftp`, `ftps`,
//! `mailto`) and `<name@example.org>`, which links to `mailto:`. The HTML is
//! `<a href="URL">URL</a>`, the text without `mailto:`. No options are involved.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::is_alnum;
use crate::kramdown::span::closers::Closer;

impl Parser<'_> {
    pub(crate) fn parse_autolink(&mut self, el: &mut Element) -> bool {
        let Some((target, is_url, len)) = autolink(self.src.rest(), self.src.closers_from_here()) else { return false };
        let location = self.src.current_line_number();
        let (target, text) = if is_url {
            (target.to_owned(), target.after_ascii(b"mailto:").unwrap_or(target).to_owned())
        } else {
            (["mailto:", target].concat(), target.to_owned())
        };
        self.src.take(len);
        let mut link = Element::new(Kind::A).at(location);
        link.attr.set("href", target);
        self.add_text(&text, &mut link);
        el.children.push(link);
        true
    }
}

/// `AUTOLINK_START` (`<((mailto|https?|ftps?):.+?|[ACHARS]+?@[ACHARS]+?)>`, `ACHARS` being
/// `[[:alnum:]]-_.`): the target, whether it has a scheme, and the length with the brackets.
fn autolink(s: &str, next: impl Fn(Closer, usize) -> Option<usize>) -> Option<(&str, bool, usize)> {
    let inner = s.after_byte(b'<')?;
    let with_scheme = ["mailto:", "https:", "http:", "ftps:", "ftp:"].iter().find(|p| inner.starts_with(*p)).and_then(|p| {
        // `.+?>`: at least one character, none a newline, up to the first `>` after it.
        let first = inner[p.len()..].chars().next().filter(|&c| c != '\n')?;
        let from = p.len() + first.len_utf8();
        let end = next(Closer::AngleOrNewline, 1 + from)? - 1;
        (inner.as_bytes()[end] == b'>').then_some(end)
    });
    if let Some(end) = with_scheme {
        return Some((&inner[..end], true, end + 2));
    }
    let achar = |c: char| is_alnum(c) || matches!(c, '-' | '_' | '.');
    let local = inner.find(|c| !achar(c))?;
    let domain = inner[local..].after_byte(b'@')?;
    let domain_len = domain.find(|c| !achar(c))?;
    let end = local + 1 + domain_len;
    (local > 0 && domain_len > 0 && inner.as_bytes()[end] == b'>').then_some((&inner[..end], false, end + 2))
}

#[cfg(test)]
mod tests {
    use crate::kramdown::span::closers::searched;

    fn autolink(s: &str) -> Option<(&str, bool, usize)> {
        super::autolink(s, searched(s))
    }

    #[test]
    fn urls_and_addresses_are_links() {
        assert_eq!(autolink("<https://a.fr/b?c>d"), Some(("https://a.fr/b?c", true, 18)));
        assert_eq!(autolink("<http:>>"), Some(("http:>", true, 8)));
        assert_eq!(autolink("<jean.dupont@étaT.fr>"), Some(("jean.dupont@étaT.fr", false, 22)));
        assert_eq!(autolink("<https://a\nb>"), None);
        assert_eq!(autolink("<gopher://a>"), None);
        assert_eq!(autolink("<a@b c>"), None);
        assert_eq!(autolink("<@b>"), None);
    }
}
