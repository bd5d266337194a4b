//! HTML entities and character references: `&eacute;`, `&#233;`, `&#xE9;`. The HTML is the
//! character or a reference, as `entity_output` says (`as_char`, Jekyll's, writes the
//! character, keeping `&lt;`, `&gt;` and `&amp;`; `as_input` writes what the source had).
//! An unknown name is text: `&nosuch;` gives `&amp;nosuch;`.

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::entities;
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns;

impl Parser {
    pub(crate) fn parse_html_entity(&mut self, el: &mut Element) -> bool {
        let Some(len) = patterns::html_entity(self.src.rest()) else { return false };
        let location = self.src.current_line_number();
        let original = self.src.take(len).to_owned();
        let body = &original[1..len - 1];
        let entity = if let Some(hex) = body.strip_prefix("#x") {
            Some(entities::by_code_point(code_point(hex, 16)))
        } else if let Some(decimal) = body.strip_prefix('#') {
            Some(entities::by_code_point(code_point(decimal, 10)))
        } else {
            entities::by_name(body)
        };
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

/// The code point written in `digits`. Numbers past `u32` saturate: no character has them,
/// so `as_char` and `as_input` write the source back.
fn code_point(digits: &str, radix: u32) -> u32 {
    digits.chars().try_fold(0u32, |n, d| n.checked_mul(radix)?.checked_add(d.to_digit(radix)?)).unwrap_or(u32::MAX)
}
