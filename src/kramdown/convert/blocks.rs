//! Block elements: paragraphs, headers, lists, definition lists, tables, raw HTML, comments.

use crate::put::put;
use crate::kramdown::ascii_prefix::AsciiPrefix;
use super::{escape_html, pad, Escape, Heading, HtmlConverter, FOOTNOTES_MARK, TOC_MARK};
use crate::kramdown::element::{Alignment, ContentModel, Element, Kind, Mark};
use crate::kramdown::header_ids;
use crate::kramdown::transliteration;
use crate::kramdown::html::has_no_body;
use crate::kramdown::patterns;

impl HtmlConverter<'_> {
    pub(super) fn convert_text(&self, el: &Element, out: &mut String) {
        if self.options.remove_line_breaks_for_cjk {
            let mut text = String::with_capacity(el.value.len());
            escape_html(&mut text, &el.value, Escape::Text);
            out.push_str(&remove_cjk_line_breaks(&text));
        } else {
            escape_html(out, &el.value, Escape::Text);
        }
    }

    pub(super) fn convert_p(&mut self, el: &Element, indent: usize, out: &mut String) {
        if el.flags.has(Mark::Transparent) {
            return self.inner(el, indent, out);
        }
        if let [image] = el.children.as_slice() {
            if image.kind == Kind::Img && image.options.ial.as_ref().is_some_and(|ial| ial.has_ref("standalone")) {
                return self.convert_standalone_image(el, image, indent, out);
            }
        }
        self.block_html("p", &el.attr, indent, out, |this, out| this.inner(el, indent, out));
    }

    /// A paragraph holding only an image marked `{:standalone}` becomes a figure.
    fn convert_standalone_image(&mut self, para: &Element, image: &Element, indent: usize, out: &mut String) {
        let mut figure_attr = para.attr.clone();
        let mut image_attr = image.attr.clone();
        for key in ["class", "id"] {
            if image_attr.contains(key) && !figure_attr.contains(key) {
                let value = image_attr.remove(key).expect("checked");
                figure_attr.set(key, value);
            }
        }
        self.indented_block_with("figure", &figure_attr, indent, out, |this, out| {
            pad(out, indent + super::INDENT);
            out.push_str("<img");
            this.html_attributes(&image_attr, out);
            out.push_str(" />\n");
            pad(out, indent + super::INDENT);
            out.push_str("<figcaption>");
            out.push_str(image_attr.get("alt").unwrap_or(""));
            out.push_str("</figcaption>\n");
        });
    }

    pub(super) fn convert_header(&mut self, el: &Element, indent: usize, out: &mut String) {
        // GFM gave most headers their id already: the attributes are copied only to add one.
        let mut attr = std::borrow::Cow::Borrowed(&el.attr);
        if self.options.auto_ids && !attr.contains("id") {
            let text = el.options.raw_text.as_deref().unwrap_or("");
            let id = match self.options.transliterated_header_ids {
                true => self.transliterated_id(text, el.location),
                false => self.state.ids.kramdown(text, &self.options.auto_id_prefix),
            };
            attr.to_mut().set("id", id);
        }
        if let Some(id) = attr.get("id") {
            let no_toc = attr.get("class").is_some_and(|c| patterns::holds_bounded_word(c, "no_toc"));
            if self.state.toc_possible && self.options.toc_levels.contains(&el.flags.level) && !no_toc {
                self.state.toc.push((el.flags.level, id.to_owned(), el.children.clone()));
            }
        }
        let level = (i32::from(el.flags.level) + self.options.header_offset).clamp(1, 6);
        if let Some(headings) = &mut self.state.headings {
            headings.push(Heading { level: level as u8, id: attr.get("id").unwrap_or("").to_owned(), text: header_ids::gfm_raw_text(el), line: el.location });
        }
        const NAMES: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        self.block_html(NAMES[level as usize - 1], &attr, indent, out, |this, out| this.inner(el, indent, out));
    }

    /// A header's id from its text written in ASCII (`transliterated_header_ids`). Not inlined:
    /// only sites that set the option need it.
    #[inline(never)]
    fn transliterated_id(&mut self, text: &str, line: usize) -> String {
        let (ascii, unknown) = transliteration::to_ascii(text);
        if let Some(c) = unknown {
            self.state.untransliterated.push((line, c));
        }
        self.state.ids.kramdown(&ascii, &self.options.auto_id_prefix)
    }

    /// Lists; a list marked `{:toc}` or `{:footnotes}` marks where those go instead.
    pub(super) fn convert_list(&mut self, el: &Element, indent: usize, out: &mut String) {
        let has_ref = |name| el.options.ial.as_ref().is_some_and(|ial| ial.has_ref(name));
        if self.state.toc_at.is_none() && has_ref("toc") {
            self.state.toc_at = Some((el.kind, el.attr.clone()));
            return out.push_str(TOC_MARK);
        }
        if !self.state.footnotes_at && has_ref("footnotes") {
            self.state.footnotes_at = true;
            return out.push_str(FOOTNOTES_MARK);
        }
        let name = if el.kind == Kind::Ol { "ol" } else { "ul" };
        self.indented_block(name, &el.attr, el, indent, out)
    }

    /// List items and definitions: a transparent first paragraph stays on the item's line.
    pub(super) fn convert_li(&mut self, el: &Element, indent: usize, out: &mut String) {
        let name = if el.kind == Kind::Dd { "dd" } else { "li" };
        pad(out, indent);
        put(out, "<");
        put(out, name);
        self.html_attributes(&el.attr, out);
        put(out, ">");
        let tight = el.children.first().is_none_or(|first| first.kind == Kind::P && first.flags.has(Mark::Transparent));
        if !tight {
            put(out, "\n");
        }
        let body_start = out.len();
        self.inner(el, indent, out);
        if !tight || (out.len() > body_start && out.ends_with('\n')) {
            pad(out, indent);
        }
        put(out, "</");
        put(out, name);
        put(out, ">\n");
    }

    /// Definition terms; a list with `{:auto_ids}` (or `{:auto_ids-prefix}`) gives them ids.
    pub(super) fn convert_dt(&mut self, el: &Element, indent: usize, out: &mut String) {
        let mut attr = el.attr.clone();
        if !attr.contains("id") {
            let in_list = self.parent().is_some_and(|f| f.kind == Kind::Dl);
            let refs = self.state.list_refs.last().filter(|_| in_list).map_or(&[][..], Vec::as_slice);
            if let Some(prefix) = refs.iter().find_map(|r| auto_ids_prefix(r)) {
                let text = el.options.raw_text.as_deref().unwrap_or("");
                attr.set("id", patterns::lstrip(&format!("{prefix}{}", header_ids::basic_id(text))));
            }
        }
        self.block_html("dt", &attr, indent, out, |this, out| this.inner(el, indent, out));
    }

    pub(super) fn convert_html_element(&mut self, el: &Element, indent: usize, out: &mut String) {
        let name = &el.value;
        let block = el.is_block();
        let in_raw = block && self.in_raw_html();
        if block && !in_raw {
            pad(out, indent);
        }
        put(out, "<");
        put(out, name);
        self.html_attributes(&el.attr, out);
        // The body is written after `>` (and a newline for block content); what follows it,
        // or what replaces it when it is empty, depends on it.
        let tag_end = out.len();
        let model = el.flags.content_model;
        put(out, ">");
        if block && model == Some(ContentModel::Block) {
            put(out, "\n");
        }
        let body_start = out.len();
        self.inner(el, indent, out);
        let empty = out.len() == body_start;
        if !block {
            // Whether the element has a body is asked only of an empty one.
            if empty && has_no_body(name) {
                out.truncate(tag_end);
                out.push_str(" />");
            } else {
                close_tag(out, name);
            }
            return;
        }
        if el.flags.has(Mark::IsClosed) && model == Some(ContentModel::Raw) {
            out.truncate(tag_end);
            out.push_str(" />");
        } else if !empty && model != Some(ContentModel::Block) {
            close_tag(out, name);
        } else if !empty {
            // The body without its last newline, then a newline of its own.
            if !out.ends_with('\n') {
                put(out, "\n");
            }
            pad(out, indent);
            close_tag(out, name);
        } else if has_no_body(name) {
            out.truncate(tag_end);
            out.push_str(" />");
        } else {
            out.truncate(tag_end);
            put(out, ">");
            close_tag(out, name);
        }
        if !in_raw {
            put(out, "\n");
        }
    }

    pub(super) fn convert_xml_comment(&self, el: &Element, indent: usize, out: &mut String) {
        if el.is_block() && !self.in_raw_html() {
            pad(out, indent);
            out.push_str(&el.value);
            put(out, "\n");
        } else {
            out.push_str(&el.value);
        }
    }

    pub(super) fn convert_comment(&self, el: &Element, indent: usize, out: &mut String) {
        if el.is_block() {
            pad(out, indent);
        }
        out.push_str("<!-- ");
        out.push_str(&el.value);
        out.push_str(" -->");
        if el.is_block() {
            put(out, "\n");
        }
    }

    /// A table cell: `th` in the head, aligned as its column says, `&nbsp;` when empty.
    pub(super) fn convert_cell(&mut self, el: &Element, indent: usize, column: usize, out: &mut String) {
        let section = self.state.stack.len().checked_sub(2).map(|i| self.state.stack[i].kind);
        let name = if section == Some(Kind::Thead) { "th" } else { "td" };
        let stack = &self.state.stack;
        // The table is the row's section's parent; the innermost table's alignments are the last.
        let in_table = stack.len().checked_sub(3).is_some_and(|i| stack[i].kind == Kind::Table);
        let alignment = (self.state.alignments.last().filter(|_| in_table))
            .and_then(|alignments| alignments.get(column).copied())
            .unwrap_or(Alignment::Default);
        let aligned;
        let attr = if alignment == Alignment::Default {
            &el.attr
        } else {
            let align = match alignment {
                Alignment::Left => "left",
                Alignment::Center => "center",
                _ => "right",
            };
            let style = match el.attr.get("style") {
                Some(style) => [style, "; text-align: ", align].concat(),
                None => ["text-align: ", align].concat(),
            };
            aligned = {
                let mut attr = el.attr.clone();
                attr.set("style", style);
                attr
            };
            &aligned
        };
        self.block_html(name, attr, indent, out, |this, out| {
            let body_start = out.len();
            this.inner(el, indent, out);
            if out.len() == body_start {
                this.write_entity(crate::kramdown::entities::by_code_point(160), None, out);
            }
        });
    }
}

fn close_tag(out: &mut String, name: &str) {
    put(out, "</");
    put(out, name);
    put(out, ">");
}

/// `auto_ids` or `auto_ids-PREFIX` (`/\Aauto_ids(?:-([\w-]+))?/`): the prefix.
fn auto_ids_prefix(reference: &str) -> Option<&str> {
    let rest = reference.after_ascii(b"auto_ids")?;
    match rest.after_byte(b'-') {
        Some(prefix) if prefix.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') => {
            let len = prefix.bytes().take_while(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-').count();
            Some(&prefix[..len])
        }
        _ => Some(""),
    }
}

/// `remove_line_breaks_for_cjk`: a newline between two Han, Hiragana or Katakana
/// characters goes.
fn remove_cjk_line_breaks(text: &str) -> String {
    let is_cjk = |c: char| {
        matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{3005}' | '\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303B}'
            | '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}' | '\u{FF66}'..='\u{FF9F}' | '\u{20000}'..='\u{3134F}')
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = c == '\n' && i > 0 && is_cjk(chars[i - 1]) && chars.get(i + 1).is_some_and(|&n| is_cjk(n));
        if !between {
            out.push(c);
        }
    }
    out
}
