//! kramdown, as Jekyll runs it: the body's Markdown to HTML.
//!
//! The stages follow kramdown's own: [`parser`] reads blocks (`block/`), then spans
//! (`span/`) into a tree of [`element::Element`]s; GFM input adds its own passes
//! ([`gfm`]); [`convert`] writes the tree as HTML. Raw HTML is read by [`html`]. Shared patterns are in [`patterns`],
//! attribute lists in [`attribute_list`], header ids in [`header_ids`].

pub mod attribute_list;
mod block;
pub mod convert;
pub mod element;
pub mod entities;
mod entity_table;
mod gfm;
pub mod header_ids;
pub mod html;
pub mod parser;
pub mod patterns;
pub mod scanner;
mod span;
mod unicode_table;

use crate::options::Options;
use element::{Element, Kind};
use parser::{Parser, Warning};

/// A parsed body: the tree, what the converter needs besides it, and kramdown's warnings.
pub struct Document {
    pub root: Element,
    pub parser: Parser,
    /// How many lines the body has.
    pub lines: usize,
}

impl Document {
    /// Parses `body` with `options`.
    pub fn parse(body: &str, options: &Options) -> Document {
        let mut parser = Parser::new(options);
        let mut root = Element::new(Kind::Root).at(1);
        parser.parse(&mut root, body);
        let lines = body.lines().count().max(1);
        Document { root, parser, lines }
    }

    /// The HTML, with the options as the document left them (`{::options}` can change them).
    pub fn to_html(&self) -> String {
        convert::to_html(&self.root, &self.parser.data, &self.parser.options)
    }

    /// The HTML block by block, each with its body lines, and the headers.
    pub fn convert(&self) -> convert::Output {
        let mut output = convert::convert(&self.root, &self.parser.data, &self.parser.options);
        if let Some(last) = output.blocks.last_mut() {
            last.last_line = last.last_line.max(self.lines.saturating_sub(output.trailing_blank_lines));
        }
        output
    }

    pub fn warnings(&self) -> &[Warning] {
        &self.parser.warnings
    }
}
