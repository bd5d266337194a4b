//! The front matter's text as saphyr-parser reads it: a character at a time.
//!
//! saphyr's own `StrInput` decodes a character from UTF-8 at every look (the scanner looks at
//! each character several times) through calls a size-optimised build does not inline: that
//! was most of the YAML scanner's time, a fifth of a whole article's render. Front matter is
//! nearly all ASCII, and an ASCII byte is its character: each look here is a byte read, inlined,
//! with UTF-8 decoded only where a byte is not ASCII. Everything else is `StrInput`'s behaviour.

use saphyr_parser::input::{is_blank, is_blank_or_breakz, is_break, is_breakz, is_z, SkipTabs};
use saphyr_parser::Input;

#[derive(Clone, Copy)]
pub struct TextInput<'a> {
    /// What is left to read.
    rest: &'a str,
    /// The most characters the scanner has asked to look ahead at: what it expects `buflen`
    /// to give back (the whole text is always there to look at).
    lookahead: usize,
}

impl<'a> TextInput<'a> {
    pub fn new(text: &'a str) -> Self {
        TextInput { rest: text, lookahead: 0 }
    }

    /// The first byte, when it is ASCII, as a character.
    #[inline]
    fn first_ascii(&self) -> Option<char> {
        self.rest.as_bytes().first().filter(|b| b.is_ascii()).map(|&b| char::from(b))
    }

    /// The length in bytes of the next character (0 at the end).
    #[inline]
    fn next_len(&self) -> usize {
        match self.rest.as_bytes().first() {
            Some(b) if b.is_ascii() => 1,
            _ => self.rest.chars().next().map_or(0, char::len_utf8),
        }
    }

    /// Moves past the characters (all ASCII) while `keep` holds for them; returns how many.
    #[inline]
    fn skip_ascii_while(&mut self, mut keep: impl FnMut(char) -> bool) -> usize {
        let count = self.rest.bytes().take_while(|&b| b.is_ascii() && keep(char::from(b))).count();
        self.rest = &self.rest[count..];
        count
    }

    /// Moves past the characters while `keep` holds for them, adding them to `out`; returns how
    /// many characters that was (`StrInput` returns bytes, which put the scanner's positions
    /// after a directive with a character beyond ASCII too far).
    fn fetch_while(&mut self, out: &mut String, keep: impl Fn(char) -> bool) -> usize {
        let end = self.rest.find(|c| !keep(c)).unwrap_or(self.rest.len());
        let (taken, rest) = self.rest.split_at(end);
        out.push_str(taken);
        self.rest = rest;
        taken.chars().count()
    }
}

impl Input for TextInput<'_> {
    #[inline]
    fn lookahead(&mut self, count: usize) {
        self.lookahead = self.lookahead.max(count);
    }

    #[inline]
    fn buflen(&self) -> usize {
        self.lookahead
    }

    #[inline]
    fn bufmaxlen(&self) -> usize {
        // As `StrInput`: the scanner sizes its own buffers by it and reads a line in steps of it.
        128
    }

    fn raw_read_ch(&mut self) -> char {
        let c = self.peek_opt().unwrap_or('\0');
        self.skip();
        c
    }

    fn raw_read_non_breakz_ch(&mut self) -> Option<char> {
        let c = self.peek_opt()?;
        is_non_break(c).then(|| {
            self.skip();
            c
        })
    }

    #[inline]
    fn skip(&mut self) {
        self.rest = &self.rest[self.next_len()..];
    }

    fn skip_n(&mut self, count: usize) {
        for _ in 0..count {
            self.skip();
        }
    }

    #[inline]
    fn peek(&self) -> char {
        self.first_ascii().unwrap_or_else(|| self.rest.chars().next().unwrap_or('\0'))
    }

    #[inline]
    fn peek_nth(&self, n: usize) -> char {
        match self.rest.as_bytes().get(..=n) {
            // A byte loop: `[u8]::is_ascii` reads words, and its setup outweighed the few bytes
            // looked at here (2% of a front matter's reading in wasm).
            Some(head) if head.iter().all(u8::is_ascii) => char::from(head[n]),
            _ => self.rest.chars().nth(n).unwrap_or('\0'),
        }
    }

    #[inline]
    fn peek_opt(&self) -> Option<char> {
        self.first_ascii().or_else(|| self.rest.chars().next())
    }

    #[inline]
    fn next_is_blank_or_break(&self) -> bool {
        self.rest.as_bytes().first().is_some_and(|&b| is_blank(char::from(b)) || is_break(char::from(b)))
    }

    #[inline]
    fn next_is_blank_or_breakz(&self) -> bool {
        self.rest.as_bytes().first().is_none_or(|&b| is_blank_or_breakz(char::from(b)))
    }

    #[inline]
    fn next_is_blank(&self) -> bool {
        self.rest.as_bytes().first().is_some_and(|&b| is_blank(char::from(b)))
    }

    #[inline]
    fn next_is_break(&self) -> bool {
        self.rest.as_bytes().first().is_some_and(|&b| is_break(char::from(b)))
    }

    #[inline]
    fn next_is_breakz(&self) -> bool {
        self.rest.as_bytes().first().is_none_or(|&b| is_breakz(char::from(b)))
    }

    #[inline]
    fn next_is_z(&self) -> bool {
        self.rest.as_bytes().first().is_none_or(|&b| is_z(char::from(b)))
    }

    fn next_is_document_indicator(&self) -> bool {
        matches!(self.rest.as_bytes(), [b'-', b'-', b'-', rest @ ..] | [b'.', b'.', b'.', rest @ ..]
            if rest.first().is_none_or(|&b| is_blank_or_breakz(char::from(b))))
    }

    fn next_is_document_start(&self) -> bool {
        self.next_is_document_indicator() && self.rest.starts_with('-')
    }

    fn next_is_document_end(&self) -> bool {
        self.next_is_document_indicator() && self.rest.starts_with('.')
    }

    fn skip_ws_to_eol(&mut self, skip_tabs: SkipTabs) -> (usize, Result<SkipTabs, &'static str>) {
        let (mut spaces, mut tabs) = (false, false);
        let mut consumed = self.skip_ascii_while(|c| {
            let (space, tab) = (c == ' ', c == '\t' && skip_tabs == SkipTabs::Yes);
            spaces |= space;
            tabs |= tab;
            space || tab
        });
        if self.rest.starts_with('#') {
            if !spaces && !tabs {
                return (consumed, Err("comments must be separated from other tokens by whitespace"));
            }
            consumed += self.skip_while_non_breakz();
        }
        (consumed, Ok(SkipTabs::Result(tabs, spaces)))
    }

    fn skip_while_non_breakz(&mut self) -> usize {
        let mut count = 0;
        while let Some(c) = self.peek_opt().filter(|&c| is_non_break(c)) {
            self.rest = &self.rest[c.len_utf8()..];
            count += 1;
        }
        count
    }

    fn skip_while_blank(&mut self) -> usize {
        self.skip_ascii_while(is_blank)
    }

    fn fetch_while_is_alpha(&mut self, out: &mut String) -> usize {
        self.fetch_while(out, saphyr_parser::input::is_alpha)
    }

    fn fetch_while_is_yaml_non_space(&mut self, out: &mut String) -> usize {
        self.fetch_while(out, |c| is_non_break(c) && !is_blank(c))
    }
}

/// Neither a line break, the end (`\0`) nor a byte order mark (saphyr's `is_yaml_non_break`).
fn is_non_break(c: char) -> bool {
    !is_breakz(c) && c != '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::TextInput;
    use saphyr_parser::{Input, Parser, StrInput};

    /// Every event with its span, or the error that stopped the parse.
    fn events<'a, T: Input>(mut parser: Parser<'a, T>) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(next) = parser.next_event() {
            let failed = next.is_err();
            out.push(format!("{next:?}"));
            if failed {
                break;
            }
        }
        out
    }

    #[test]
    fn the_parser_reads_the_same_events_and_spans_as_from_saphyrs_own_input() {
        let pieces = [
            "title", "a b", ": ", ":", "- ", "-", "\n", "\r\n", "  ", "\t", "'", "\"", "\\", "# c", "#", "é", "’",
            "日本", "[", "]", "{", "}", ", ", "&x ", "*x", "!!str ", "!t ", "|", ">-", "---", "...", "\u{feff}",
            "2016-12-23 17:50:00 +01:00", "? ", "~", "\u{a0}", "\0",
        ];
        let mut random = crate::test_random::Random::new();
        for _ in 0..20_000 {
            let text = random.text(&pieces, 30);
            let theirs = events(Parser::new(StrInput::new(&text)));
            let ours = events(Parser::new(TextInput::new(&text)));
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn a_directive_beyond_ascii_moves_the_position_by_its_characters() {
        // saphyr's own input counts the bytes of `é` here: two, one too many.
        let text = "%é x\n---\na: [\n";
        let error = |found: Vec<String>| found.last().cloned().expect("an error");
        let theirs = error(events(Parser::new(StrInput::new(text))));
        let ours = error(events(Parser::new(TextInput::new(text))));
        // The error is at the end: character 14.
        assert!(ours.contains("index: 14,"), "{ours}");
        assert!(theirs.contains("index: 15,"), "{theirs}");
    }
}
