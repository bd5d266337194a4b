//! HTML entities and character references: `&eacute;`, `&#233;`, `&#xE9;`. The HTML is the
//! character or a reference, as `entity_output` says (`as_char`, Jekyll's, writes the
//! character, keeping `&lt;`, `&gt;` and `&amp;`; `as_input` writes what the source had).
//! An unknown name is text: `&nosuch;` gives `&amp;nosuch;`.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::entities;
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, EntityRef};

impl Parser<'_> {
    pub(crate) fn parse_html_entity(&mut self, el: &mut Element) -> bool {
        let Some((reference, len)) = patterns::html_entity(self.src.rest()) else { return false };
        let entity = match reference {
            EntityRef::CodePoint(code_point) => Some(entities::by_code_point(code_point)),
            EntityRef::Name(name) => entities::by_name(name),
        };
        let location = self.src.current_line_number();
        let original = self.src.take(len).to_owned();
        let mut element = Element::new(Kind::Entity).at(location);
        match entity {
            Some(entity) => {
                element.options.entity = Some(entity);
                element.options.original = Some(original);
                el.children.push(element);
            }
            None => {
                element.options.entity = entities::by_name("amp");
                el.children.push(element);
                self.add_text(&original[1..], el);
            }
        }
        true
    }
}
