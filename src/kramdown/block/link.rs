//! Link definitions: `[id]: url "title"`, indented up to three spaces. The url may be written
//! `<url>`; the title, in `"` or `'`, may stand on the next line. The id matches references
//! case-insensitively and with white space folded.
//!
//! The definition goes into [`Parser::link_defs`] (a second one of an id replaces the first,
//! with a warning), and leaves an end-of-block marker: an attribute list on the next line
//! (or one waiting before the definition) applies to every link using it
//! ([`Parser::link_def_ials`]). No HTML is written for it.

use crate::chunk;
use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, EobKind};
use crate::kramdown::parser::{normalize_link_id, Parser};
use crate::kramdown::patterns::{is_space, opt_space};

/// A `LINK_DEFINITION_START` match.
#[derive(Debug, PartialEq)]
struct LinkDefinition<'a> {
    id: &'a str,
    url: &'a str,
    /// Whether the url was written without `<>` (the regexp's third group).
    bare: bool,
    title: Option<&'a str>,
    len: usize,
}

/// `LINK_DEFINITION_START`:
/// `^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n`.
/// Both url forms are lazy: the shortest url after which a title or the line end fits wins.
fn link_definition<'a>(s: &'a str) -> Option<LinkDefinition<'a>> {
    let open = opt_space(s);
    let rest = s[open..].after_byte(b'[')?;
    // By bytes: a search for either of two characters decodes each character in turn.
    let id_len = rest.bytes().position(|b| b == b']' || b == b'\n')?;
    if id_len == 0 || !rest[id_len..].starts_with_ascii(b"]:") {
        return None;
    }
    let url_start = open + 1 + id_len + 2;
    let url_start = url_start + s[url_start..].bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    let p = &s[url_start..];
    let line = &p[..chunk::find(p.as_bytes(), b'\n')?];
    let found = |url: &'a str, bare: bool, end: usize| {
        title_or_line_end(&p[end..]).map(|(title, len)| LinkDefinition {
            id: &rest[..id_len],
            url,
            bare,
            title,
            len: url_start + end + len,
        })
    };
    if line.starts_with_byte(b'<') {
        let closing = line.match_indices('>').map(|(i, _)| i);
        if let Some(def) = closing.filter_map(|i| found(&line[1..i], false, i + 1)).next() {
            return Some(def);
        }
    }
    let first = line.bytes().position(|b| !is_space(b))?;
    // What follows the url is white space or the line's end: only those ends are tried, not
    // every byte of a url (each a look for a title).
    let mut ends = (first + 1..=line.len()).filter(|&end| end == line.len() || matches!(line.as_bytes()[end], b' ' | b'\t'));
    ends.find_map(|end| found(&line[..end], true, end))
}

/// `(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n`: a title (on this line after white
/// space, or on the next) and the line end, or just the line end. Returns the title and
/// the length taken.
fn title_or_line_end(s: &str) -> Option<(Option<&str>, usize)> {
    let blank = |t: &str| t.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    let spaces = blank(s);
    let line_end = s[spaces..].starts_with_byte(b'\n').then_some(spaces + 1);
    let title_at = match line_end {
        Some(next) => Some(next + blank(&s[next..])),
        None => (spaces > 0).then_some(spaces),
    };
    if let Some((title, len)) = title_at.and_then(|at| quoted_title(&s[at..]).map(|(t, len)| (t, at + len))) {
        return Some((Some(title), len));
    }
    line_end.map(|len| (None, len))
}

/// `(["'])(.+?)\1[ \t]*?\n`: a quoted title ending its line.
fn quoted_title(s: &str) -> Option<(&str, usize)> {
    let quote = *s.as_bytes().first().filter(|&&q| q == b'"' || q == b'\'')?;
    let line = &s[..chunk::find(s.as_bytes(), b'\n')?];
    let close = line.bytes().rposition(|b| b != b' ' && b != b'\t')?;
    (close >= 2 && line.as_bytes()[close] == quote).then(|| (&line[1..close], line.len() + 1))
}

impl Parser<'_> {
    pub(crate) fn parse_link_definition(&mut self, tree: &mut Element) -> bool {
        let Some(def) = link_definition(self.src.rest()) else { return false };
        // A bare url holding white space and a quote is text with a misplaced title.
        if def.bare && def.url.as_bytes().windows(2).any(|w| matches!(w, [b' ' | b'\t', b'"' | b'\'']))
        {
            return false;
        }
        let id = normalize_link_id(def.id);
        let entry = (def.url.to_owned(), def.title.map(str::to_owned));
        let len = def.len;
        self.src.take(len);
        if self.link_defs.contains(&id) {
            self.warn(format!("Duplicate link ID '{id}' - overwriting"));
        }
        let location = self.src.current_line_number();
        let mut eob = self.eob(EobKind::LinkDef, location);
        eob.value = id.clone();
        self.note_definition_ial(&eob);
        tree.children.push(eob);
        self.link_defs.insert(id, entry);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(s: &str) -> Option<(&str, &str, bool, Option<&str>, usize)> {
        link_definition(s).map(|d| (d.id, d.url, d.bare, d.title, d.len))
    }

    #[test]
    fn urls_end_where_a_title_or_the_line_end_fits() {
        assert_eq!(def("[a]: http://x.org\n"), Some(("a", "http://x.org", true, None, 18)));
        assert_eq!(def("[a]: url \"t\"  \nnext\n"), Some(("a", "url", true, Some("t"), 15)));
        assert_eq!(def("[a]: url\n   'the \"title\"'\n"), Some(("a", "url", true, Some("the \"title\""), 26)));
        assert_eq!(def("[a]: url\nnot a title\n"), Some(("a", "url", true, None, 9)));
        assert_eq!(def("[a]: <u r l> \"t\"\n"), Some(("a", "u r l", false, Some("t"), 17)));
        assert_eq!(def("[a]: a \"b\" c\n").map(|d| d.1), Some("a \"b\" c"));
        assert_eq!(def("[a]:   \n"), None);
        assert_eq!(def("[]: x\n"), None);
        assert_eq!(def("    [a]: x\n"), None);
    }

    #[test]
    fn titles_need_a_character_and_the_line_end() {
        assert_eq!(quoted_title("\"\"\n"), None);
        assert_eq!(quoted_title("\"a\" \n"), Some(("a", 5)));
        assert_eq!(quoted_title("\"a' \n"), None);
    }
}
