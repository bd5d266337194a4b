//! Footnote definitions: `[^name]: text`, indented up to three spaces (the name is a word
//! character then word characters and `-`), followed by the lines an indented code block
//! would take (indented lines, blank lines between them, lazy lines). A tab or four spaces
//! come off every line, and the result is parsed as blocks.
//!
//! The definition is stored by name in [`DocumentData::footnotes`](crate::kramdown::parser::DocumentData)
//! (a second definition of a name replaces the first, with a warning) and leaves an
//! end-of-block marker, which an attribute list on the next line applies to. It is written
//! where a reference uses it, in the footnotes section.

use crate::chunk;
use crate::kramdown::ascii_prefix::AsciiPrefix;
use super::codeblock::{codeblock_match, strip_indent};
use crate::kramdown::element::{Element, EobKind, Kind};
use crate::kramdown::parser::{FootnoteDef, Parser};
use crate::kramdown::patterns::{is_word, opt_space, Braces};

/// `FOOTNOTE_DEFINITION_START` (`^ {0,3}\[\^(ALD_ID_NAME)\]:\s*?(.*?\n CODEBLOCK_MATCH)`): the
/// name, where the content starts and the match's length. (`\s*?` is always empty: the
/// rest of the first line can always be the content's start.)
fn footnote_definition_start<'a>(s: &'a str, braces: &Braces) -> Option<(&'a str, usize, usize)> {
    let start = opt_space(s) + 2;
    if !s[start - 2..].starts_with_ascii(b"[^") || !s.as_bytes().get(start).is_some_and(|&b| is_word(b)) {
        return None;
    }
    let name_len = s[start..].bytes().take_while(|&b| is_word(b) || b == b'-').count();
    let content = start + name_len + 2;
    if !s[start + name_len..].starts_with_ascii(b"]:") {
        return None;
    }
    let first_line = chunk::find(&s.as_bytes()[content..], b'\n')? + 1;
    let end = content + first_line + codeblock_match(&s[content + first_line..], braces);
    Some((&s[start..start + name_len], content, end))
}

impl Parser<'_> {
    pub(crate) fn parse_footnote_definition(&mut self, tree: &mut Element) -> bool {
        let Some((name, content, len)) = footnote_definition_start(self.src.rest(), &self.src.braces) else { return false };
        let location = self.src.current_line_number();
        let name = name.to_owned();
        let text = strip_indent(&self.src.take(len)[content..]);
        let mut def = Element::new(Kind::Temp).at(location);
        self.parse_blocks(&mut def, Some(text), location);
        let eob = self.eob(EobKind::FootnoteDef, location);
        tree.children.push(eob);
        let footnote = FootnoteDef { content: def, referenced: false, location };
        if self.data.footnotes.get(&name).is_some() {
            self.warn_at(location, format!("Duplicate footnote name '{name}' - overwriting"));
        }
        self.data.footnotes.insert(name, footnote);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_take_the_indented_lines_after_them() {
        let text = "[^note-1]: first\n    second\n\n    third\nlazy\n\nafter\n";
        assert_eq!(footnote_definition_start(text, &Braces::default()), Some(("note-1", 10, 44)));
        assert_eq!(footnote_definition_start("   [^a]:\n", &Braces::default()), Some(("a", 8, 9)));
        assert_eq!(footnote_definition_start("[^-a]: x\n", &Braces::default()), None);
        assert_eq!(footnote_definition_start("[^a] : x\n", &Braces::default()), None);
    }
}
