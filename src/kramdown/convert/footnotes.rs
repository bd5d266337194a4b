//! Footnote references and the footnote section, as kramdown writes them: numbered in
//! order of first reference from `footnote_nr`, ids `fn:NAME` and `fnref:NAME`, a back link
//! per reference.

use super::{HtmlConverter, INDENT};
use crate::kramdown::element::{Attrs, Element, Kind};
use crate::kramdown::entities;
use crate::decimal::push_decimal;

impl HtmlConverter<'_> {
    pub(super) fn convert_footnote(&mut self, el: &Element, out: &mut String) {
        let name = [self.options.footnote_prefix.as_str(), el.options.name.as_deref().unwrap_or("")].concat();
        let (number, repeat) = match self.state.footnotes.get_mut(&name) {
            Some((_, number, repeat)) => {
                *repeat += 1;
                (*number, Some(*repeat))
            }
            None => {
                let number = self.state.footnote_counter;
                self.state.footnote_counter += 1;
                let source = el.options.name.clone().unwrap_or_default();
                self.state.footnotes.insert(name.clone(), (source, number, 0));
                (number, None)
            }
        };
        // Written piece by piece, numbers too: `format!` cost a footnote-heavy text several percent.
        out.push_str("<sup id=\"fnref:");
        out.push_str(&name);
        if let Some(repeat) = repeat {
            out.push(':');
            push_decimal(out, u128::from(repeat));
        }
        out.push_str("\" role=\"doc-noteref\"><a href=\"#fn:");
        out.push_str(&name);
        out.push_str("\" class=\"footnote\" rel=\"footnote\">");
        push_decimal(out, u128::from(number));
        out.push_str("</a></sup>");
    }

    /// The `<div class="footnotes">` section, or nothing when no footnote was referenced.
    pub(super) fn footnote_content(&mut self) -> String {
        if self.state.footnotes.is_empty() {
            return String::new();
        }
        let mut backlink_text = String::new();
        super::escape_html(&mut backlink_text, &self.options.footnote_backlink, super::Escape::Text);
        let nbsp = self.entity_string(entities::by_code_point(160));
        let mut items = String::new();
        // A reference inside a footnote adds a footnote while this runs.
        let mut i = 0;
        while let Some((name, (source, _, repeat))) = self.state.footnotes.at(i) {
            let (name, source, repeat) = (name.to_owned(), source.clone(), *repeat);
            let content = self.data.footnotes.get(&source).map(|def| def.content.children.clone());
            let mut li = Element::new(Kind::Li);
            li.attr.set("id", ["fn:", &name].concat());
            li.attr.set("role", "doc-endnote");
            li.children = content.unwrap_or_default();
            if !self.options.footnote_backlink.is_empty() {
                let (para, insert_space) = backlink_paragraph(&mut li, self.options.footnote_backlink_inline);
                let space = if insert_space { nbsp.as_str() } else { "" };
                let mut links = vec![backlink(space, &name, &backlink_text)];
                for index in 1..=repeat {
                    links.push(backlink(&nbsp, &format!("{name}:{index}"), &format!("{backlink_text}<sup>{}</sup>", index + 1)));
                }
                para.children.extend(links.into_iter().map(|html| Element::with_value(Kind::Raw, html)));
            } else if !li.children.last().is_some_and(|c| c.kind == Kind::P) && !self.options.footnote_backlink_inline {
                li.children.push(Element::new(Kind::P));
            }
            self.convert(&li, 2 * INDENT, &mut items);
            i += 1;
        }
        let mut ol_attr = Attrs::default();
        if self.options.footnote_nr != 1 {
            ol_attr.set("start", self.options.footnote_nr.to_string());
        }
        let mut div_attr = Attrs::default();
        div_attr.set("class", "footnotes");
        div_attr.set("role", "doc-endnotes");
        let mut out = String::new();
        self.indented_block_with("div", &div_attr, 0, &mut out, |this, out| {
            this.indented_block_with("ol", &ol_attr, INDENT, out, |_, out| out.push_str(&items));
        });
        out
    }
}

fn backlink(space: &str, name: &str, text: &str) -> String {
    [space, "<a href=\"#fnref:", name, "\" class=\"reversefootnote\" role=\"doc-backlink\">", text, "</a>"].concat()
}

/// The paragraph the back links go into: the footnote's last paragraph (or header) when
/// it ends with one (or always with `footnote_backlink_inline`), else a new one. Also
/// whether a space goes before the first link.
fn backlink_paragraph(li: &mut Element, inline: bool) -> (&mut Element, bool) {
    let ends_with_p = li.children.last().is_some_and(|c| c.kind == Kind::P);
    if ends_with_p || inline {
        let mut depth_path = Vec::new();
        let mut parent: &Element = li;
        while let Some(last) = parent.children.last() {
            if matches!(last.kind, Kind::P | Kind::Header) {
                break;
            }
            depth_path.push(parent.children.len() - 1);
            parent = last;
        }
        if !parent.children.is_empty() {
            let mut target: &mut Element = li;
            for index in depth_path {
                target = &mut target.children[index];
            }
            return (target.children.last_mut().expect("not empty"), true);
        }
    }
    li.children.push(Element::new(Kind::P));
    (li.children.last_mut().expect("just pushed"), false)
}
