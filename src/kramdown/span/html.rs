//! Span HTML (`SpanHtml`): an HTML tag, comment or stray end tag inside text.
//!
//! - `<!-- ... -->` is kept as is.
//! - A start tag starts an element that ends at its end tag (case-insensitively for known
//!   HTML elements); its content is parsed as spans when `parse_span_html` is on (the
//!   default) and the element's content model is not raw (`code`, `kbd`, unknown elements and
//!   anything inside a raw element stay raw, where only HTML is recognised).
//!   `markdown="1|span|0"` chooses (`"1"`: the element's model; `"block"` is not allowed
//!   here and warns). Newlines in attribute values become spaces.
//! - A block element's tag (`<div>`, `<p>`) and an end tag that closes nothing stay text, with
//!   a warning.
//!
//! Elements nested deeper than [`MAX_NESTING`] are kept as text.
//!
//! Output: the element re-written (attributes double-quoted, `<br />`), its end tag added
//! when missing (with a warning); with `html_to_native: true`, converted where possible.

use super::Stop;
use crate::kramdown::element::{Category, ContentModel, Element, Kind, Mark};
use crate::kramdown::html::tags::{self, NameMatch};
use crate::kramdown::html::{
    element_name, markdown_attribute, to_native, Lists,
};
use crate::kramdown::parser::{Parser, SpanParser, MAX_NESTING};

impl Parser<'_> {
    pub(crate) fn parse_span_html(&mut self, el: &mut Element) -> bool {
        let rest = self.src.rest();
        if !tags::html_start(rest) {
            return false;
        }
        let line = self.src.current_line_number();
        if let Some(len) = tags::comment(rest) {
            let comment = self.take_xml(Kind::XmlComment, len, Category::Span, line);
            el.children.push(comment);
        } else if let Some((name, len)) = tags::close_tag(rest) {
            self.warn_at(line, format!("Found invalidly used HTML closing tag for '{name}'"));
            self.take_text(len, el);
        } else if let Some(tag) = tags::start_tag(rest).filter(|_| self.depth <= MAX_NESTING) {
            let start = self.src.pos;
            self.src.take(tag.len);
            let (name, lists) = element_name(&tag.name);
            if lists.is_block_element() {
                self.warn_at(line, format!("Found block HTML tag '{name}' in span-level text"));
                self.add_text(&self.src.text()[start..self.src.pos], el);
            } else {
                let html = self.span_html_element(name, lists, &tag, line, el.flags.content_model == Some(ContentModel::Raw));
                el.children.push(html);
            }
        } else {
            self.take_char(el);
        }
        true
    }

    /// The span element for a start tag just scanned, with its content up to its end tag.
    fn span_html_element(&mut self, name: String, lists: Lists, tag: &tags::StartTag, line: usize, parent_raw: bool) -> Element {
        let known = lists.is_html_element();
        let mut attr = self.parse_html_attributes(tag, line, known);
        // Most values have no line break: those are kept, not copied.
        for value in attr.values_mut().filter(|value| value.contains('\n')) {
            *value = newlines_to_spaces(value);
        }
        let raw_model = lists.content_model() == ContentModel::Raw;
        let mut parse = !raw_model && !parent_raw && self.options.parse_span_html;
        match attr.remove("markdown").and_then(|value| markdown_attribute(&value)) {
            Some(Some(ContentModel::Block)) => {
                self.warn_at(line, "Cannot use block-level parsing in span-level HTML tag - using default mode");
            }
            Some(Some(ContentModel::Span)) => parse = true,
            Some(Some(ContentModel::Raw)) => parse = false,
            Some(None) => parse = !raw_model,
            None => {}
        }
        let mut html = Element::with_value(Kind::HtmlElement, name).at(line);
        html.attr = attr;
        html.flags.category = Some(Category::Span);
        html.flags.content_model = Some(if parse { ContentModel::Span } else { ContentModel::Raw });
        html.flags.set(Mark::IsClosed, tag.self_closing);
        if !tag.self_closing && !lists.has_no_body() {
            let how = if known { NameMatch::IgnoreCase } else { NameMatch::Exact };
            let end_name = html.value.clone();
            let at_end = |text: &str, i: usize| tags::closing_tag_named(&text[i..], &end_name, how).is_some();
            let parsers: Option<&[SpanParser]> = if parse { None } else { Some(&[SpanParser::SpanHtml]) };
            self.depth += 1;
            let found = self.parse_spans(&mut html, Some(Stop { first: b"<", at: &at_end, accept: None }), parsers);
            self.depth -= 1;
            if found {
                let len = tags::closing_tag_named(self.src.rest(), &end_name, how).expect("the span parse stopped at it");
                self.src.take(len);
            } else {
                self.warn_at(line, format!("Found no end tag for '{end_name}' - auto-closing it"));
                self.take_rest(&mut html);
            }
        }
        if self.options.html_to_native {
            to_native::convert(&mut html);
        }
        html
    }
}

/// `value.gsub!(/\n+/, ' ')`.
fn newlines_to_spaces(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut last_newline = false;
    for c in value.chars() {
        if c == '\n' {
            if !last_newline {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        last_newline = c == '\n';
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::kramdown::Document;
    use crate::options::Options;

    #[test]
    fn line_breaks_in_a_span_elements_attribute_values_become_spaces() {
        let html = Document::parse("a <span title=\"one\ntwo\nthree\" class=\"x\">b</span>\n", &Options::jekyll()).to_html();
        assert_eq!(html, "<p>a <span title=\"one two three\" class=\"x\">b</span></p>\n");
    }
}
