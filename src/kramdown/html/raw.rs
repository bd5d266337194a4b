//! Reading raw HTML into elements (`Parser::Html::Parser`): a start tag becomes an
//! `HtmlElement` (block category) whose body kramdown's rules then read
//! (`Parser::handle_kramdown_html_tag`); raw content is split into text, comments,
//! processing instructions and nested elements up to the element's end tag.
//!
//! `<script>` and `<style>` keep their content untouched up to their end tag. A closing tag
//! that closes nothing stays as text (with a warning); an element without end tag is closed
//! at the end of the text (with a warning).

use super::tags::{self, NameMatch, StartTag};
use super::{element_name, is_html_element};
use crate::kramdown::element::{Attrs, Category, ContentModel, Element, Kind};
use crate::kramdown::parser::{Parser, MAX_NESTING};
use crate::ruby_case::{downcase, lowers_to};

/// Whether `el` is an HTML element whose content is raw, where kramdown's rules do not apply.
pub fn is_raw_html(el: &Element) -> bool {
    el.kind == Kind::HtmlElement && el.flags.content_model == Some(ContentModel::Raw)
}

impl Parser<'_> {
    /// The comment or processing instruction of `len` bytes at the current position.
    pub(crate) fn take_xml(&mut self, kind: Kind, len: usize, category: Category, line: usize) -> Element {
        let mut el = Element::with_value(kind, self.src.take(len)).at(line);
        el.flags.category = Some(category);
        el
    }

    /// The element for a start tag just scanned, with its body read (`handle_html_start_tag`
    /// with kramdown's handler). `parent_raw`: whether it is inside raw HTML.
    pub(crate) fn handle_html_start_tag(&mut self, tag: StartTag, line: usize, parent_raw: bool) -> Element {
        let (name, lists) = element_name(&tag.name);
        let attr = self.parse_html_attributes(&tag, line, lists.is_html_element());
        let mut el = Element::with_value(Kind::HtmlElement, name).at(line);
        el.flags.category = Some(Category::Block);
        el.attr = attr;
        let closed = tag.self_closing || lists.has_no_body();
        if el.value == "script" || el.value == "style" {
            self.handle_raw_html_tag(&mut el);
            self.handle_kramdown_html_tag(&mut el, lists, false, false, parent_raw);
        } else {
            self.handle_kramdown_html_tag(&mut el, lists, closed, true, parent_raw);
        }
        el
    }

    /// The attributes of a tag (`parse_html_attributes`); names are lower-cased in known HTML
    /// elements; a repeated attribute replaces the first one, with a warning.
    pub(crate) fn parse_html_attributes(&mut self, tag: &StartTag, line: usize, lower_case: bool) -> Attrs {
        let mut attrs = Attrs::default();
        for (name, value) in tag.attributes() {
            // Most names are written in lower case already: those are not copied.
            let lowered;
            let name = if lower_case && !name.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                lowered = downcase(name);
                &lowered
            } else {
                name
            };
            if attrs.contains(name) {
                self.warn_at(line, format!("Duplicate HTML attribute '{name}' - overwriting previous one"));
            }
            attrs.set(name, value);
        }
        attrs
    }

    /// `<script>` and `<style>`: everything up to the end tag, as is (`handle_raw_html_tag`).
    fn handle_raw_html_tag(&mut self, el: &mut Element) {
        match tags::find_closing_tag(self.src.rest(), &el.value, NameMatch::IgnoreCase) {
            Some(len) => {
                self.take_text_of_kind(len, el, Kind::Raw);
                if let Some((_, len)) = tags::close_tag(self.src.rest()) {
                    self.src.take(len);
                }
            }
            None => {
                self.take_text_of_kind(self.src.rest().len(), el, Kind::Raw);
                self.warn_at(el.location, format!("Found no end tag for '{}' - auto-closing it", el.value));
            }
        }
    }

    /// Reads raw HTML into `el` up to its end tag (`parse_raw_html`).
    pub(crate) fn parse_raw_html(&mut self, el: &mut Element) {
        self.depth += 1;
        self.read_raw_html(el);
        self.depth -= 1;
    }

    /// Past [`MAX_NESTING`] nested elements, a start tag is kept as text.
    fn read_raw_html(&mut self, el: &mut Element) {
        let parent_raw = is_raw_html(el);
        while !self.src.eos() {
            let Some(start) = tags::raw_start(self.src.rest()) else {
                self.take_text_of_kind(self.src.rest().len(), el, Kind::Text);
                self.warn_at(el.location, format!("Found no end tag for '{}' - auto-closing it", el.value));
                return;
            };
            self.take_text_of_kind(start, el, Kind::Text);
            let line = self.src.current_line_number();
            let rest = self.src.rest();
            if let Some(len) = tags::comment(rest) {
                let comment = self.take_xml(Kind::XmlComment, len, Category::Block, line);
                el.children.push(comment);
            } else if let Some(len) = tags::instruction(rest) {
                let instruction = self.take_xml(Kind::XmlPi, len, Category::Block, line);
                el.children.push(instruction);
            } else if let Some(tag) = tags::start_tag(rest).filter(|_| self.depth <= MAX_NESTING) {
                self.src.take(tag.len);
                let child = self.handle_html_start_tag(tag, line, parent_raw);
                el.children.push(child);
            } else if let Some((name, len)) = tags::close_tag(rest) {
                let closes = if is_html_element(&el.value) { lowers_to(name, &el.value) } else { el.value == name };
                if closes {
                    self.src.take(len);
                    return;
                }
                let warning = format!("Found invalidly used HTML closing tag for '{name}' - ignoring it");
                self.take_text_of_kind(len, el, Kind::Text);
                self.warn_at(line, warning);
            } else {
                self.take_text_of_kind(self.src.char_len(), el, Kind::Text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::kramdown::Document;
    use crate::options::Options;

    #[test]
    fn deep_nesting_is_kept_as_text_instead_of_recursing() {
        let body = format!("{}x\n\na {}y\n", "<div>".repeat(10_000), "<span>".repeat(10_000));
        let html = Document::parse(&body, &Options::jekyll()).to_html();
        assert!(html.contains("&lt;div&gt;") && html.contains("&lt;span&gt;"));
    }

    #[test]
    fn warnings_say_what_kramdown_says_with_the_line() {
        let body = "<div title=\"a\" TITLE=\"b\">x</div>\n\n<div markdown=\"1\">\na\n</span> b\n\n\
                    Un </span> et <div>x</div> et <span>y\n\n<span markdown=\"block\">z</span>\n\n<script>\nnope\n";
        let document = Document::parse(body, &Options::jekyll());
        let warnings = document.placed_warnings();
        assert_eq!(
            warnings,
            [
                (1, "Duplicate HTML attribute 'title' - overwriting previous one"),
                (11, "Found no end tag for 'script' - auto-closing it"),
                (3, "Found no end tag for 'div' - auto-closing it"),
                (5, "Found invalidly used HTML closing tag for 'span'"),
                (7, "Found invalidly used HTML closing tag for 'span'"),
                (7, "Found block HTML tag 'div' in span-level text"),
                (7, "Found invalidly used HTML closing tag for 'div'"),
                (7, "Found no end tag for 'span' - auto-closing it"),
                (9, "Cannot use block-level parsing in span-level HTML tag - using default mode"),
            ]
        );
    }
}
