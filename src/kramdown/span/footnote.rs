//! Footnote markers: `[^name]` refers to the footnote defined by `[^name]: text`. The HTML is
//! `<sup id="fnref:NAME" role="doc-noteref"><a href="#fn:NAME" class="footnote"
//! rel="footnote">N</a></sup>`, numbered from `footnote_nr` and with `footnote_prefix`
//! before the name. A marker without a definition is text, with a warning.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::ald_id_name;

impl Parser<'_> {
    pub(crate) fn parse_footnote_marker(&mut self, el: &mut Element) -> bool {
        // FOOTNOTE_MARKER_START: `\[\^(ALD_ID_NAME)\]`
        let rest = self.src.rest();
        let Some(after) = rest.after_ascii(b"[^") else { return false };
        let Some(name_len) = ald_id_name(after).filter(|&n| after[n..].starts_with_byte(b']')) else { return false };
        let name = after[..name_len].to_owned();
        let location = self.src.current_line_number();
        let marker = self.src.take(2 + name_len + 1).to_owned();
        match self.data.footnotes.get_mut(&name) {
            Some(definition) => {
                definition.referenced = true;
                let mut footnote = Element::new(Kind::Footnote).at(location);
                footnote.options.name = Some(name);
                el.children.push(footnote);
            }
            None => {
                self.warn_at(location, format!("Footnote definition for '{name}' not found"));
                self.add_text(&marker, el);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::kramdown::element::{Element, Kind};
    use crate::kramdown::parser::{FootnoteDef, Parser};
    use crate::Options;

    fn definition(text: &str) -> FootnoteDef {
        let mut para = Element::new(Kind::P);
        para.children.push(Element::with_value(Kind::RawText, text));
        let mut content = Element::new(Kind::Root);
        content.children.push(para);
        FootnoteDef { content, referenced: false, location: 3 }
    }

    #[test]
    fn markers_reference_definitions_also_from_inside_footnotes() {
        let mut parser = Parser::new(std::borrow::Cow::Owned(Options::jekyll()));
        parser.data.footnotes.insert("1".into(), definition("voir[^2]"));
        parser.data.footnotes.insert("2".into(), definition("fin"));
        parser.data.footnotes.insert("3".into(), definition("seule"));
        let mut root = Element::new(Kind::Root);
        parser.parse(&mut root, "Texte[^1] et [^x].");
        let para = &root.children[0];
        assert_eq!(para.children[1].kind, Kind::Footnote);
        assert_eq!(para.children[1].options.name.as_deref(), Some("1"));
        assert_eq!(para.children[2].value, " et [^x].");
        let referenced: Vec<bool> = parser.data.footnotes.values().iter().map(|d| d.referenced).collect();
        assert_eq!(referenced, [true, true, false]);
        let inner = &parser.data.footnotes.values()[0].content.children[0].children;
        assert_eq!(inner[1].options.name.as_deref(), Some("2"));
        let messages: Vec<&str> = parser.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(messages, ["Footnote definition for 'x' not found", "Footnote definition for '3' is unreferenced - ignoring"]);
    }
}
