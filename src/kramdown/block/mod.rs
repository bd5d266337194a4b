//! Block-level constructs, one per module, each a method of [`Parser`](super::parser::Parser)
//! that returns `false` (consuming nothing) when the text at the current line is not its own.

pub(crate) mod abbreviation;
mod blank_line;
mod blockquote;
mod codeblock;
mod definition_list;
mod eob;
pub(crate) mod extensions;
mod footnote;
mod header;
mod horizontal_rule;
mod html;
mod link;
mod list;
mod math;
mod paragraph;
mod table;
