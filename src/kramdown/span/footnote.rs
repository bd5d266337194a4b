//! Footnote markers: `[^name]` refers to the footnote defined by `[^name]: text`. The HTML is
//! `<sup id="fnref:NAME" role="doc-noteref"><a href="#fn:NAME" class="footnote"
//! rel="footnote">N</a></sup>`, numbered from `footnote_nr` and with `footnote_prefix`
//! before the name. A marker without a definition is text, with a warning.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::ald_id_name;

impl Parser {
    pub(crate) fn parse_footnote_marker(&mut self, el: &mut Element) -> bool {
        // FOOTNOTE_MARKER_START: `\[\^(ALD_ID_NAME)\]`
        let rest = self.src.rest();
        let Some(after) = rest.strip_prefix("[^") else { return false };
        let Some(name_len) = ald_id_name(after).filter(|&n| after[n..].starts_with(']')) else { return false };
        let name = after[..name_len].to_owned();
        let location = self.src.current_line_number();
        let marker = self.src.take(2 + name_len + 1).to_owned();
        match self.data.footnotes.iter_mut().find(|(n, _)| *n == name) {
            Some((_, definition)) => {
                definition.referenced = true;
                let mut footnote = Element::new(Kind::Footnote).at(location);
                footnote.options.name = Some(name);
                el.children.push(footnote);
            }
            None => {
                self.warn_at(location, format!("Footnote definition for '{name}' not found on line {location}"));
                self.add_text(&marker, el);
            }
        }
        true
    }
}
