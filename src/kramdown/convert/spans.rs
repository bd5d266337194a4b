//! Span elements with their own output rules: typographic symbols, smart quotes, math,
//! abbreviations.

use crate::put::put;
use super::{escape_html, Escape, HtmlConverter};
use crate::kramdown::element::{Attrs, Element, Symbol};
use crate::kramdown::entities;

impl HtmlConverter<'_> {
    /// `--` `---` `...` `<<` `>>`: the `typographic_symbols` option's text, or the entities.
    pub(super) fn convert_typographic_sym(&self, el: &Element, out: &mut String) {
        let symbol = el.flags.symbol.expect("typographic symbols carry one");
        if let Some((_, text)) = self.options.typographic_symbols.iter().find(|(name, _)| name == symbol.name()) {
            return escape_html(out, text, Escape::Text);
        }
        let written = match symbol {
            Symbol::LaquoSpace => [Symbol::Laquo.entity(), Some(entities::NBSP)],
            Symbol::RaquoSpace => [Some(entities::NBSP), Symbol::Raquo.entity()],
            other => [other.entity(), None],
        };
        for entity in written.into_iter().flatten() {
            self.write_entity(entity, None, out);
        }
    }

    /// A smart quote, as the `smart_quotes` option names it.
    pub(super) fn convert_smart_quote(&self, el: &Element, out: &mut String) {
        let (index, default) = match el.flags.symbol {
            Some(Symbol::Lsquo) => (0, Symbol::Lsquo),
            Some(Symbol::Rsquo) => (1, Symbol::Rsquo),
            Some(Symbol::Ldquo) => (2, Symbol::Ldquo),
            _ => (3, Symbol::Rdquo),
        };
        // The option names the default entities unless set otherwise: no search then.
        let name = &self.options.smart_quotes[index];
        let entity = if name == default.name() { default.entity() } else { entities::by_name(name).or(default.entity()) };
        if let Some(entity) = entity {
            self.write_entity(entity, None, out);
        }
    }

    /// Math, as kramdown's MathJax engine writes it (`\(...\)`, `\[...\]`), or with no math
    /// engine as `$...$` in a `kdmath` element.
    pub(super) fn convert_math(&mut self, el: &Element, indent: usize, out: &mut String) {
        let block = el.is_block();
        if self.options.math_engine.as_deref() == Some("mathjax") {
            let mut value = String::new();
            escape_html(&mut value, &el.value, Escape::All);
            let result = if block { format!("\\[{value}\\]\n") } else { format!("\\({value}\\)") };
            if el.attr.is_empty() {
                out.push_str(&result);
            } else if block {
                self.block_html("div", &el.attr, indent, out, |_, out| out.push_str(&result));
            } else {
                self.math_span(&el.attr, &el.value, out);
            }
            return;
        }
        let mut attr = el.attr.clone();
        attr.add_class("kdmath");
        if block {
            self.block_html("div", &attr, indent, out, |_, out| {
                out.push_str("$$\n");
                out.push_str(&el.value);
                out.push_str("\n$$");
            });
        } else {
            self.math_span(&attr, &el.value, out);
        }
    }

    fn math_span(&self, attr: &Attrs, value: &str, out: &mut String) {
        out.push_str("<span");
        self.html_attributes(attr, out);
        out.push_str(">$");
        out.push_str(value);
        out.push_str("$</span>");
    }

    /// An abbreviation, with its definition as title.
    pub(super) fn convert_abbreviation(&self, el: &Element, out: &mut String) {
        let mut attr = self.data.abbrev_attr.get(&el.value).cloned().unwrap_or_default();
        if let Some(title) = self.data.abbrev_defs.get(&el.value).filter(|t| !t.is_empty()) {
            attr.set("title", title.clone());
        }
        out.push_str("<abbr");
        self.html_attributes(&attr, out);
        put(out, ">");
        out.push_str(&el.value);
        out.push_str("</abbr>");
    }
}
