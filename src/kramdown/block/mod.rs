//! Block-level constructs, one per module, each a method of [`Parser`](super::parser::Parser)
//! that returns `false` (consuming nothing) when the text at the current line is not its own.

mod blank_line;
mod blockquote;
mod codeblock;
mod eob;
pub(crate) mod extensions;
mod header;
mod horizontal_rule;
mod paragraph;
