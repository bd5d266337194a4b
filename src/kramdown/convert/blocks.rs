//! Block elements: paragraphs, headers, lists, definition lists, tables, raw HTML, comments.

use super::{escape_html, spaces, Escape, Heading, HtmlConverter, FOOTNOTES_MARK, TOC_MARK};
use crate::kramdown::element::{Alignment, Attrs, ContentModel, Element, Kind};
use crate::kramdown::header_ids;
use crate::kramdown::html::HTML_ELEMENTS_WITHOUT_BODY;

impl HtmlConverter<'_> {
    pub(super) fn convert_text(&self, el: &Element) -> String {
        let mut out = String::with_capacity(el.value.len());
        escape_html(&mut out, &el.value, Escape::Text);
        if self.options.remove_line_breaks_for_cjk {
            out = remove_cjk_line_breaks(&out);
        }
        out
    }

    pub(super) fn convert_p(&mut self, el: &Element, indent: usize) -> String {
        if el.options.transparent {
            return self.inner(el, indent);
        }
        if let [image] = el.children.as_slice() {
            if image.kind == Kind::Img && image.options.ial.as_ref().is_some_and(|ial| ial.has_ref("standalone")) {
                return self.convert_standalone_image(el, image, indent);
            }
        }
        let body = self.inner(el, indent);
        self.block_html("p", &el.attr, &body, indent)
    }

    /// A paragraph holding only an image marked `{:standalone}` becomes a figure.
    fn convert_standalone_image(&self, para: &Element, image: &Element, indent: usize) -> String {
        let mut figure_attr = para.attr.clone();
        let mut image_attr = image.attr.clone();
        for key in ["class", "id"] {
            if image_attr.contains(key) && !figure_attr.contains(key) {
                let value = image_attr.remove(key).expect("checked");
                figure_attr.set(key, value);
            }
        }
        let pad = spaces(indent + super::INDENT);
        let body = format!(
            "{pad}<img{} />\n{pad}<figcaption>{}</figcaption>\n",
            self.html_attributes(&image_attr),
            image_attr.get("alt").unwrap_or("")
        );
        self.indented_block_with("figure", &figure_attr, &body, indent)
    }

    pub(super) fn convert_header(&mut self, el: &Element, indent: usize) -> String {
        let mut attr = el.attr.clone();
        if self.options.auto_ids && !attr.contains("id") {
            let text = el.options.raw_text.as_deref().unwrap_or("");
            let prefix = &self.options.auto_id_prefix;
            attr.set("id", self.ids.kramdown(text, prefix));
        }
        if let Some(id) = attr.get("id") {
            let no_toc = attr.get("class").is_some_and(|c| c.split_whitespace().any(|w| w == "no_toc"));
            if self.options.toc_levels.contains(&el.options.level) && !no_toc {
                self.toc.push((el.options.level, id.to_owned(), el.children.clone()));
            }
        }
        let level = (i32::from(el.options.level) + self.options.header_offset).clamp(1, 6);
        self.headings.push(Heading {
            level: level as u8,
            id: attr.get("id").unwrap_or("").to_owned(),
            text: header_ids::gfm_raw_text(el),
            line: el.location,
        });
        let body = self.inner(el, indent);
        self.block_html(&format!("h{level}"), &attr, &body, indent)
    }

    /// Lists; a list marked `{:toc}` or `{:footnotes}` marks where those go instead.
    pub(super) fn convert_list(&mut self, el: &Element, indent: usize) -> String {
        let has_ref = |name| el.options.ial.as_ref().is_some_and(|ial| ial.has_ref(name));
        if self.toc_at.is_none() && has_ref("toc") {
            self.toc_at = Some((el.kind, el.attr.clone()));
            return TOC_MARK.into();
        }
        if !self.footnotes_at && has_ref("footnotes") {
            self.footnotes_at = true;
            return FOOTNOTES_MARK.into();
        }
        let name = if el.kind == Kind::Ol { "ol" } else { "ul" };
        self.indented_block(name, &el.attr, el, indent)
    }

    /// List items and definitions: a transparent first paragraph stays on the item's line.
    pub(super) fn convert_li(&mut self, el: &Element, indent: usize) -> String {
        let name = if el.kind == Kind::Dd { "dd" } else { "li" };
        let pad = spaces(indent);
        let mut output = format!("{pad}<{name}{}>", self.html_attributes(&el.attr));
        let body = self.inner(el, indent);
        let tight = el.children.first().is_none_or(|first| first.kind == Kind::P && first.options.transparent);
        if tight {
            output.push_str(&body);
            if body.ends_with('\n') {
                output.push_str(&pad);
            }
        } else {
            output.push('\n');
            output.push_str(&body);
            output.push_str(&pad);
        }
        output.push_str(&format!("</{name}>\n"));
        output
    }

    /// Definition terms; a list with `{:auto_ids}` (or `{:auto_ids-prefix}`) gives them ids.
    pub(super) fn convert_dt(&mut self, el: &Element, indent: usize) -> String {
        let mut attr = el.attr.clone();
        if !attr.contains("id") {
            let refs = self.parent().map(|f| f.refs.clone()).unwrap_or_default();
            if let Some(prefix) = refs.iter().find_map(|r| auto_ids_prefix(r)) {
                let text = el.options.raw_text.as_deref().unwrap_or("");
                attr.set("id", format!("{prefix}{}", header_ids::basic_id(text)).trim_start());
            }
        }
        let body = self.inner(el, indent);
        self.block_html("dt", &attr, &body, indent)
    }

    pub(super) fn convert_html_element(&mut self, el: &Element, indent: usize) -> String {
        let body = self.inner(el, indent);
        let attrs = self.html_attributes(&el.attr);
        let name = &el.value;
        let without_body = HTML_ELEMENTS_WITHOUT_BODY.contains(&name.as_str());
        if !el.is_block() {
            return if body.is_empty() && without_body {
                format!("<{name}{attrs} />")
            } else {
                format!("<{name}{attrs}>{body}</{name}>")
            };
        }
        let in_raw = self.in_raw_html();
        let mut output = if in_raw { String::new() } else { spaces(indent) };
        output.push_str(&format!("<{name}{attrs}"));
        let model = el.options.content_model;
        if el.options.is_closed && model == Some(ContentModel::Raw) {
            output.push_str(" />");
        } else if !body.is_empty() && model != Some(ContentModel::Block) {
            output.push_str(&format!(">{body}</{name}>"));
        } else if !body.is_empty() {
            let chomped = body.strip_suffix('\n').unwrap_or(&body);
            output.push_str(&format!(">\n{chomped}\n{}</{name}>", spaces(indent)));
        } else if without_body {
            output.push_str(" />");
        } else {
            output.push_str(&format!("></{name}>"));
        }
        if !in_raw {
            output.push('\n');
        }
        output
    }

    pub(super) fn convert_xml_comment(&self, el: &Element, indent: usize) -> String {
        if el.is_block() && !self.in_raw_html() {
            format!("{}{}\n", spaces(indent), el.value)
        } else {
            el.value.clone()
        }
    }

    pub(super) fn convert_comment(&self, el: &Element, indent: usize) -> String {
        if el.is_block() {
            format!("{}<!-- {} -->\n", spaces(indent), el.value)
        } else {
            format!("<!-- {} -->", el.value)
        }
    }

    /// A table cell: `th` in the head, aligned as its column says, `&nbsp;` when empty.
    pub(super) fn convert_cell(&mut self, el: &Element, indent: usize, column: usize) -> String {
        let body = self.inner(el, indent);
        let section = self.stack.len().checked_sub(2).map(|i| self.stack[i].kind);
        let name = if section == Some(Kind::Thead) { "th" } else { "td" };
        let alignment = self
            .stack
            .len()
            .checked_sub(3)
            .and_then(|i| self.stack[i].alignment.get(column).copied())
            .unwrap_or(Alignment::Default);
        let mut attr: Attrs = el.attr.clone();
        if alignment != Alignment::Default {
            let align = match alignment {
                Alignment::Left => "left",
                Alignment::Center => "center",
                _ => "right",
            };
            let style = match attr.get("style") {
                Some(style) => format!("{style}; text-align: {align}"),
                None => format!("text-align: {align}"),
            };
            attr.set("style", style);
        }
        let body = if body.is_empty() { self.entity_to_str(crate::kramdown::entities::by_code_point(160), None) } else { body };
        self.block_html(name, &attr, &body, indent)
    }
}

/// `auto_ids` or `auto_ids-PREFIX` (`/\Aauto_ids(?:-([\w-]+))?/`): the prefix.
fn auto_ids_prefix(reference: &str) -> Option<&str> {
    let rest = reference.strip_prefix("auto_ids")?;
    match rest.strip_prefix('-') {
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
