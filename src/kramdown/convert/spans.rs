//! Span elements with their own output rules: typographic symbols, smart quotes, math,
//! abbreviations.

use super::{escape_html, Escape, HtmlConverter};
use crate::kramdown::element::{Element, Symbol};
use crate::kramdown::entities;

impl HtmlConverter<'_> {
    /// `--` `---` `...` `<<` `>>`: the `typographic_symbols` option's text, or the entities.
    pub(super) fn convert_typographic_sym(&self, el: &Element) -> String {
        let symbol = el.options.symbol.expect("typographic symbols carry one");
        if let Some((_, text)) = self.options.typographic_symbols.iter().find(|(name, _)| name == symbol.name()) {
            let mut out = String::new();
            escape_html(&mut out, text, Escape::Text);
            return out;
        }
        let names: &[&str] = match symbol {
            Symbol::LaquoSpace => &["laquo", "nbsp"],
            Symbol::RaquoSpace => &["nbsp", "raquo"],
            other => &[other.name()],
        };
        names.iter().filter_map(|n| entities::by_name(n)).map(|e| self.entity_to_str(e, None)).collect()
    }

    /// A smart quote, as the `smart_quotes` option names it.
    pub(super) fn convert_smart_quote(&self, el: &Element) -> String {
        let index = match el.options.symbol {
            Some(Symbol::Lsquo) => 0,
            Some(Symbol::Rsquo) => 1,
            Some(Symbol::Ldquo) => 2,
            _ => 3,
        };
        let name = &self.options.smart_quotes[index];
        let entity = entities::by_name(name).or_else(|| entities::by_name(["lsquo", "rsquo", "ldquo", "rdquo"][index]));
        entity.map(|e| self.entity_to_str(e, None)).unwrap_or_default()
    }

    /// Math, as kramdown's MathJax engine writes it (`\(...\)`, `\[...\]`), or with no math
    /// engine as `$...$` in a `kdmath` element.
    pub(super) fn convert_math(&self, el: &Element, indent: usize) -> String {
        let block = el.is_block();
        if self.options.math_engine.as_deref() == Some("mathjax") {
            let mut value = String::new();
            escape_html(&mut value, &el.value, Escape::All);
            let result = if block { format!("\\[{value}\\]\n") } else { format!("\\({value}\\)") };
            return if el.attr.is_empty() {
                result
            } else if block {
                self.block_html("div", &el.attr, &result, indent)
            } else {
                format!("<span{}>${}$</span>", self.html_attributes(&el.attr), el.value)
            };
        }
        let mut attr = el.attr.clone();
        attr.add_class("kdmath");
        if block {
            self.block_html("div", &attr, &format!("$$\n{}\n$$", el.value), indent)
        } else {
            format!("<span{}>${}$</span>", self.html_attributes(&attr), el.value)
        }
    }

    /// An abbreviation, with its definition as title.
    pub(super) fn convert_abbreviation(&self, el: &Element) -> String {
        let mut attr = self.data.abbrev_attr.get(&el.value).cloned().unwrap_or_default();
        if let Some(title) = self.data.abbrev_defs.get(&el.value).filter(|t| !t.is_empty()) {
            attr.set("title", title.clone());
        }
        format!("<abbr{}>{}</abbr>", self.html_attributes(&attr), el.value)
    }
}
