//! What the GFM parser does after kramdown's parse (`GFM#update_elements`): header ids
//! from the header text, and hard line breaks.
//!
//! With `hard_wrap: true` (the GFM parser's default) every newline inside a paragraph is a
//! `<br />`; with `hard_wrap: false` (Jekyll's setting) only a backslash before the
//! newline is. A break at the very end of a block is dropped. Raw HTML elements are left
//! alone, and headers get no breaks.

use super::element::{Element, Kind};
use super::header_ids;
use super::parser::Parser;
use crate::chunk;

impl Parser<'_> {
    pub(crate) fn update_gfm_elements(&mut self, element: &mut Element) {
        let Some(hard_break) = self.gfm_hard_break else { return self.update_gfm_headers(element) };
        break_lines(element, hard_break);
        for child in &mut element.children {
            match child.kind {
                // Texts are new or had no break.
                Kind::Text | Kind::HtmlElement => {}
                Kind::Header if self.wants_gfm_id(child) => self.set_gfm_id(child),
                _ => self.update_gfm_elements(child),
            }
        }
    }

    /// [`Self::update_gfm_elements`] where no text holds a hard break: only the headers are
    /// changed, and only the elements that hold blocks are walked for them.
    fn update_gfm_headers(&mut self, element: &mut Element) {
        for child in &mut element.children {
            match child.kind {
                Kind::Header if self.wants_gfm_id(child) => self.set_gfm_id(child),
                kind if holds_blocks(kind) => self.update_gfm_headers(child),
                _ => {}
            }
        }
    }

    fn wants_gfm_id(&self, header: &Element) -> bool {
        self.options.auto_ids && !header.attr.contains("id")
    }

    fn set_gfm_id(&mut self, header: &mut Element) {
        let id = self.gfm_ids.gfm(header.options.raw_text.as_deref().unwrap_or_default(), &self.options.auto_id_prefix);
        header.attr.set("id", id);
    }

    /// The text a header or definition term's automatic id is made from, after span parsing.
    pub(crate) fn raw_text_of(&self, el: &Element) -> String {
        if self.is_gfm() {
            header_ids::gfm_raw_text(el)
        } else {
            header_ids::text_only(el)
        }
    }
}

/// Whether elements of `kind` may hold blocks (a header among them); the others hold spans or
/// nothing.
fn holds_blocks(kind: Kind) -> bool {
    matches!(kind, Kind::Root | Kind::Blockquote | Kind::Ul | Kind::Ol | Kind::Li | Kind::Dl | Kind::Dd | Kind::Temp)
}

/// The element's texts split at their hard breaks. Most elements have none: they are left where
/// they are, and only a list of children holding one is made anew.
fn break_lines(element: &mut Element, hard_break: &str) {
    let breaks = |child: &Element| child.kind == Kind::Text && chunk::find_str(child.value.as_bytes(), hard_break.as_bytes()).is_some();
    if element.children.iter().any(breaks) {
        let children = std::mem::take(&mut element.children);
        let last_index = children.len().saturating_sub(1);
        let mut updated = Vec::with_capacity(children.len() + 2);
        for (index, child) in children.into_iter().enumerate() {
            if breaks(&child) {
                let is_last = index == last_index;
                split_hard_breaks(&child, hard_break, element.is_block() && is_last, &mut updated);
            } else {
                updated.push(child);
            }
        }
        element.children = updated;
    }
}

/// `update_text_type`: the text split at each hard break, with `<br />` between the parts.
fn split_hard_breaks(text: &Element, hard_break: &str, may_omit_trailing: bool, out: &mut Vec<Element>) {
    let lines: Vec<&str> = text.value.split(hard_break).collect();
    let omit_trailing_br = may_omit_trailing && lines.last().is_some_and(|l| l.is_empty());
    let location = text.location;
    for (index, line) in lines.iter().enumerate() {
        let value = if index > 0 { ["\n", line].concat() } else { (*line).to_owned() };
        out.push(Element::with_value(Kind::Text, value).at(location + index));
        if index + 2 < lines.len() || (index + 2 == lines.len() && !omit_trailing_br) {
            out.push(Element::new(Kind::Br).at(location + index));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{render_body, Options};

    #[test]
    fn a_backslash_before_a_newline_is_a_hard_break_without_hard_wrap() {
        // An escaped backslash is one in the text too.
        assert_eq!(render_body("a\\\nb\n\nc\\\\\nd\n", &Options::jekyll()), "<p>a<br />\nb</p>\n\n<p>c<br />\nd</p>\n");
    }

    #[test]
    fn a_body_without_a_backslash_has_no_hard_break_even_written_as_an_entity() {
        // The texts of such a body are not searched: an entity is an element of its own, never
        // part of a text, as in kramdown.
        assert_eq!(render_body("a&#92;\nb &#x5c;\nc\n", &Options::jekyll()), "<p>a\\\nb \\\nc</p>\n");
    }

    #[test]
    fn headers_in_quotes_list_items_and_definitions_get_gfm_ids_in_a_body_without_a_backslash() {
        // GFM keeps the leading digit that kramdown's own ids (the writer's, when a header has
        // none) drop.
        let html = render_body("> # 1 A\n\n* # 2 B *c*\n\nd\n: # 3 D\n", &Options::jekyll());
        for header in ["<h1 id=\"1-a\">1 A</h1>", "<h1 id=\"2-b-c\">2 B <em>c</em></h1>", "<h1 id=\"3-d\">3 D</h1>"] {
            assert!(html.contains(header), "{header} in {html}");
        }
    }
}
