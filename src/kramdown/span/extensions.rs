//! Span extensions: attribute lists and `{::name}` extensions inside text.
//!
//! - `{: .cls #id key="v"}` right after a span element (link, image, emphasis, code...)
//!   adds its attributes to it (`[lien](url){:target="_blank"}`); after text it is ignored
//!   with a warning.
//! - `{::comment}...{:/comment}` (an HTML comment), `{::nomarkdown}...{:/}` (output as is),
//!   `{::options key="v" /}` (changes kramdown options from there on).
//!
//! Anything else starting with `{:` is text.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::block::extensions::extension_tag;
use crate::kramdown::element::{Category, Element, Ial, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::attribute_list_body;
use crate::kramdown::span::closers::Closer;

impl Parser<'_> {
    pub(crate) fn parse_span_extensions(&mut self, el: &mut Element) -> bool {
        // SPAN_EXTENSIONS_START: `\{:`
        let rest = self.src.rest();
        if !rest.starts_with_ascii(b"{:") {
            return false;
        }
        let location = self.src.current_line_number();
        match extension_tag(rest) {
            Some(Ok(tag)) => {
                let tag = (tag.name.to_owned(), tag.attributes.to_owned(), tag.self_closing, tag.len);
                if let Err(message) = self.parse_span_extension(el, tag, location) {
                    self.warn_at(location, message);
                    self.take_char(el);
                }
            }
            Some(Err(stop)) => {
                self.warn_at(location, stop.warning());
                self.take_char(el);
            }
            // IAL_SPAN_START: `\{:(ALD_ANY_CHARS+)\}`
            None => match attribute_list_body(&rest[2..], &self.src.braces) {
                Some(len) if el.children.last().is_some_and(|last| last.kind != Kind::Text) => {
                    let body = self.src.pos + 2..self.src.pos + 2 + len;
                    self.src.take(2 + len + 1);
                    let mut ial = Ial::default();
                    self.read_attribute_list_at(body, &mut ial);
                    let last = el.children.last_mut().expect("checked above");
                    self.update_attr_with_ial(&mut last.attr, &ial);
                    keep_ial(&mut last.options.ial, ial);
                }
                Some(_) => {
                    self.warn_at(location, "Found span IAL after text - ignoring it");
                    self.take_char(el);
                }
                None => self.take_char(el),
            },
        }
        true
    }

    /// Carries out `{::name attrs}...{:/name}` (`parse_extension_start_tag(:span)`); the
    /// warning when it cannot.
    fn parse_span_extension(&mut self, el: &mut Element, tag: (String, String, bool, usize), location: usize) -> Result<(), String> {
        let (name, attributes, self_closing, len) = tag;
        let mut opts = Ial::default();
        self.read_attribute_list(&attributes, &mut opts);
        let mut consumed = len;
        let mut body = None;
        if !self_closing {
            let after = &self.src.rest()[len..];
            let closers = self.src.closers_from_here();
            let (body_len, stop_len) = find_span_stop(after, &name, |from| closers(Closer::ExtensionStop, len + from).map(|at| at - len))
                .ok_or_else(|| format!("No stop tag for extension '{name}' found - ignoring it"))?;
            body = Some(after[..body_len].to_owned());
            consumed += body_len + stop_len;
        }
        let start = self.src.pos;
        self.src.take(consumed);
        if self.handle_extension(el, &name, &opts, body, Category::Span, location) {
            Ok(())
        } else {
            self.src.pos = start;
            Err(format!("Invalid extension with name '{name}' specified - ignoring it"))
        }
    }
}

/// `EXT_STOP_STR % name` (`\{:/(name)?\}`) searched for in `s`: the length of the text
/// before it and its own. `next` finds the next `{:/` in `s`.
fn find_span_stop(s: &str, name: &str, next: impl Fn(usize) -> Option<usize>) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = next(from) {
        let after = &s[at + 3..];
        if after.starts_with_byte(b'}') {
            return Some((at, 4));
        }
        if after.strip_prefix(name).is_some_and(|t| t.starts_with_byte(b'}')) {
            return Some((at, 3 + name.len() + 1));
        }
        from = at + 3;
    }
    None
}

/// Keeps a span's attribute list on the element, merged into any it has. Most spans have none:
/// the list is then kept as it is, not merged into an empty one, copy by copy. Merged, a class
/// loses its leading white space (`add_class`), so such a list is still merged.
fn keep_ial(kept: &mut Option<Ial>, ial: Ial) {
    match kept {
        None if !ial.attrs.get("class").is_some_and(|class| class.starts_with(char::is_whitespace)) => *kept = Some(ial),
        _ => kept.get_or_insert_with(Ial::default).merge(&ial),
    }
}

#[cfg(test)]
mod tests {
    use crate::kramdown::span::closers::Closer;

    fn find_span_stop(s: &str, name: &str) -> Option<(usize, usize)> {
        super::find_span_stop(s, name, |from| Closer::ExtensionStop.find(s.as_bytes(), from))
    }

    #[test]
    fn the_stop_tag_may_name_the_extension() {
        assert_eq!(find_span_stop("a {:/x} {:/}", "comment"), Some((8, 4)));
        assert_eq!(find_span_stop("a{:/comment}", "comment"), Some((1, 11)));
        assert_eq!(find_span_stop("a{:/commentx}", "comment"), None);
    }
}
