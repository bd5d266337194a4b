//! kramdown's shared regular expressions, written as functions over the text at the
//! current position (which the block parsers keep at the start of a line).
//!
//! kramdown's rules are regular expressions, and several parsers stop or continue where
//! another construct's start pattern matches (`LAZY_END`, `PARAGRAPH_END`); this module
//! is where those patterns live, each next to the Ruby regexp it stands for. Ruby's `\s`
//! is ASCII white space (` \t\r\n\f\v`), `.` does not match a newline.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use super::unicode_table;
use std::cell::Cell;

/// Ruby's `\s`.
#[inline]
pub const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x0b')
}

/// Ruby's `\s`, of a character (Ruby's `strip` and Liquid's white space too).
pub fn is_space_char(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_space)
}

/// Ruby's `\w` (ASCII letters, digits, underscore).
#[inline]
pub const fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A word character for Ruby's `\b`, which (unlike `\w`) is Unicode: letters, marks, digits
/// (also `²` and `½`), connector punctuation.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return is_word(c as u8);
    }
    is_alpha(c) || in_ranges(c, unicode_table::BOUNDARY_WORD_NOT_ALPHA)
}

/// Whether `word`, which starts and ends with a word character, is in `text` between Ruby's
/// word bounds (`/\bword\b/`): `no_toc` in `a no_toc` and `a-no_toc`, not in `no_tocs`.
pub fn holds_bounded_word(text: &str, word: &str) -> bool {
    bounded_starts(text, word).any(|i| !text[i + word.len()..].chars().next().is_some_and(is_word_char))
}

/// Where the first `\blanguage-\S+` of a class list is: the class naming a code's language.
pub fn language_class(class: &str) -> Option<std::ops::Range<usize>> {
    bounded_starts(class, "language-").find_map(|i| {
        let len = class[i + 9..].bytes().take_while(|&b| !is_space(b)).count();
        (len > 0).then_some(i..i + 9 + len)
    })
}

/// Where `word`, which starts with a word character, is in `text` after a word bound (`\bword`).
fn bounded_starts<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = crate::chunk::find_str(&text.as_bytes()[from..], word.as_bytes()) {
            let at = from + i;
            from = at + 1;
            if !text[..at].chars().next_back().is_some_and(is_word_char) {
                return Some(at);
            }
        }
        None
    })
}

/// Ruby's `\p{Word}`: letters, marks, decimal digits, connector punctuation.
pub fn is_word_property(c: char) -> bool {
    if c.is_ascii() {
        return is_word(c as u8);
    }
    is_alpha(c) || in_ranges(c, unicode_table::WORD_NOT_ALPHA)
}

/// Ruby's `[[:alnum:]]`: letters and decimal digits (not `²` or `½`).
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_alpha(c) || in_ranges(c, unicode_table::ALNUM_NOT_ALPHA)
}

/// Ruby's `[\p{M}\p{L}\p{Nd}]` (what Jekyll's slugs keep): `\p{Word}` but for connector
/// punctuation, the joiners and letter numbers, and but for the letters Ruby's Unicode lacks.
pub fn is_letter_mark_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_word_property(c) && !unicode_table::is_word_not_slug(u32::from(c))
}

/// Ruby's `[[:alpha:]]`: Rust's letters but for those Ruby's Unicode (13) does not have yet.
pub fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !is_newer_letter(c)
}

/// A letter of Rust's Unicode that Ruby's does not have yet, which Ruby's regexps and case
/// mappings see as unassigned.
pub fn is_newer_letter(c: char) -> bool {
    in_ranges(c, unicode_table::NEWER_LETTERS)
}

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = u32::from(c);
    let i = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(i).is_some_and(|&(start, _)| start <= c)
}

/// `ALD_ID_NAME` (`\w[\w-]*`): the length of a name of attribute lists, footnotes and
/// extension tags at the start of `s`.
pub fn ald_id_name(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if !bytes.first().is_some_and(|&b| is_word(b)) {
        return None;
    }
    Some(bytes.iter().take_while(|&&b| is_word(b) || b == b'-').count())
}

/// Ruby's `String#rstrip`: trailing ASCII white space and NUL.
pub fn rstrip(s: &str) -> &str {
    // By bytes: an ASCII byte is a whole character, and the others are never stripped.
    let stripped = s.bytes().rev().take_while(|&b| b == 0 || is_space(b)).count();
    &s[..s.len() - stripped]
}

/// Ruby's `String#lstrip`: leading ASCII white space and NUL (as the reference's Ruby 3.1
/// strips them: kramdown's `lstrip!` of a paragraph's first line, `strip` of a table cell).
pub fn lstrip(s: &str) -> &str {
    &s[s.bytes().take_while(|&b| b == 0 || is_space(b)).count()..]
}

/// `s` without what `\A\s*` matches: Ruby's `\s` alone, which keeps a NUL that [`lstrip`]
/// takes.
pub fn trim_start_space(s: &str) -> &str {
    &s[s.bytes().take_while(|&b| is_space(b)).count()..]
}

/// `s` without what `\s*\z` matches, which keeps a NUL that [`rstrip`] takes.
pub fn trim_end_space(s: &str) -> &str {
    &s[..s.len() - s.bytes().rev().take_while(|&b| is_space(b)).count()]
}

/// Ruby's `String#strip`.
pub fn strip(s: &str) -> &str {
    lstrip(rstrip(s))
}

/// `s` without its leading bytes among `set`, which are ASCII: `trim_start_matches` with those
/// characters, reading bytes where that decodes every character.
pub fn trim_start_ascii<'a>(s: &'a str, set: &[u8]) -> &'a str {
    &s[s.bytes().take_while(|b| set.contains(b)).count()..]
}

/// `s` without its trailing bytes among `set`, which are ASCII.
pub fn trim_end_ascii<'a>(s: &'a str, set: &[u8]) -> &'a str {
    &s[..s.len() - s.bytes().rev().take_while(|b| set.contains(b)).count()]
}

/// `OPT_SPACE` (` {0,3}`): how many of the first three bytes are spaces.
pub fn opt_space(s: &str) -> usize {
    s.bytes().take(3).take_while(|&b| b == b' ').count()
}

/// `INDENT` (`^(?:\t| {4})`): the length of a leading tab or four spaces.
pub fn indent(s: &str) -> Option<usize> {
    if s.starts_with_byte(b'\t') {
        Some(1)
    } else if s.starts_with_ascii(b"    ") {
        Some(4)
    } else {
        None
    }
}

/// `BLANK_LINE` (`(?>^\s*\n)+`): the length of the run of blank lines at the start of `s`.
pub fn blank_lines(s: &str) -> Option<usize> {
    let run = s.bytes().take_while(|&b| is_space(b)).count();
    // Asked at every line start: the run is mostly empty, or a line's indentation.
    s.as_bytes()[..run].iter().rposition(|&b| b == b'\n').map(|i| i + 1)
}

/// `\s*?\n` at the start of `s`: white space up to and including the first newline.
pub fn rest_of_line_is_blank(s: &str) -> Option<usize> {
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'\n' => return Some(i + 1),
            b if is_space(b) => {}
            _ => return None,
        }
    }
    None
}

/// `EOB_MARKER` (`^\^\s*?\n`).
pub fn eob_marker(s: &str) -> Option<usize> {
    s.after_byte(b'^').and_then(rest_of_line_is_blank).map(|n| n + 1)
}

/// `ALD_ANY_CHARS+` then `}`: the inside of an attribute list up to its closing brace
/// (`\}` escapes a brace; the inside may span lines). Returns the inside's length. The
/// repetition is greedy: it ends at the first unescaped `}` or, when there is none, gives
/// back the brace of the last `\}`. `s` is a suffix of the text that `braces` remembers.
pub fn attribute_list_body(s: &str, braces: &Braces) -> Option<usize> {
    if s.starts_with_byte(b'}') {
        return None;
    }
    // No brace closes: the regexp backtracks to the last escaped one, its `\` being text.
    braces.first_unescaped(s).or_else(|| braces.last(s))
}

/// Where the braces of one text are, remembered between questions about its suffixes (each
/// known by its length). Without it, every `{:` of a text holding no closing brace would
/// search the rest of the text: quadratic time for `{:{:{:…`.
#[derive(Debug, Default)]
pub struct Braces {
    /// The suffix last searched and the unescaped `}` found in it, both as lengths of
    /// suffixes (`None`: there is none).
    first: Cell<Option<(usize, Option<usize>)>>,
    /// The longest suffix searched for its last `}`, and that brace.
    last: Cell<Option<(usize, Option<usize>)>>,
}

impl Braces {
    /// The first `}` after the start of `s` that no backslash escapes, as an index in `s`.
    /// (A backslash always escapes the brace after it: the scan never stands on a `}` that
    /// follows a `\`, whatever comes before.)
    fn first_unescaped(&self, s: &str) -> Option<usize> {
        let from = s.len();
        if let Some((searched, found)) = self.first.get() {
            // Between a searched suffix's start and the brace found, every `}` is escaped.
            if from <= searched && found.is_none_or(|brace| from > brace) {
                return found.map(|brace| from - brace);
            }
        }
        let bytes = s.as_bytes();
        let found = (1..bytes.len()).find(|&i| bytes[i] == b'}' && bytes[i - 1] != b'\\');
        self.first.set(Some((from, found.map(|i| from - i))));
        found
    }

    /// The last `}` of `s`, as an index in `s`.
    fn last(&self, s: &str) -> Option<usize> {
        let from = s.len();
        let last = match self.last.get() {
            Some((searched, last)) if from <= searched => last,
            _ => {
                let last = s.rfind('}').map(|i| from - i);
                self.last.set(Some((from, last)));
                last
            }
        };
        last.filter(|&brace| brace <= from).map(|brace| from - brace)
    }
}

/// `IAL_BLOCK_START` (`^ {0,3}\{:(?!:|\/)(ALD_ANY_CHARS+)\}\s*?\n`): a block attribute list
/// line. Returns the list's inside and the length of the whole match.
pub fn ial_block_start<'a>(s: &'a str, braces: &Braces) -> Option<(&'a str, usize)> {
    let start = opt_space(s);
    let after = s[start..].after_ascii(b"{:")?;
    if after.starts_with_byte(b':') || after.starts_with_byte(b'/') {
        return None;
    }
    let body = attribute_list_body(after, braces)?;
    let tail = rest_of_line_is_blank(&after[body + 1..])?;
    Some((&after[..body], start + 2 + body + 1 + tail))
}

/// `(?:#{NCNAME}:)?#{NCNAME}` with `NCNAME = [[:alpha:]_][-[:alnum:]._]*`: the length of an
/// XML name at the start of `s`.
pub fn uname(s: &str) -> Option<usize> {
    let first = ncname(s)?;
    if s[first..].starts_with_byte(b':') {
        if let Some(second) = ncname(&s[first + 1..]) {
            return Some(first + 1 + second);
        }
    }
    Some(first)
}

/// `[[:alpha:]_][-[:alnum:]._]*`, the length of the name at the start of `s`. Names are nearly
/// always ASCII: their bytes are tested one by one, and characters are decoded only from the
/// first byte beyond ASCII on.
fn ncname(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let &lead = b.first()?;
    let ascii_end = if lead.is_ascii() {
        if !(lead.is_ascii_alphabetic() || lead == b'_') {
            return None;
        }
        let name_byte = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_');
        1 + b[1..].iter().position(|c| !name_byte(c)).unwrap_or(b.len() - 1)
    } else {
        0
    };
    if b.get(ascii_end).is_none_or(u8::is_ascii) {
        return Some(ascii_end);
    }
    let mut chars = s[ascii_end..].char_indices();
    if ascii_end == 0 && !chars.next().is_some_and(|(_, c)| is_alpha(c)) {
        return None;
    }
    let end = chars.find(|&(_, c)| !(is_alnum(c) || matches!(c, '-' | '.' | '_'))).map_or(s.len() - ascii_end, |(i, _)| i);
    Some(ascii_end + end)
}

/// A character or entity reference at the start of `s` (`HTML_ENTITY_RE`:
/// `&([\w:][\-\w\.:]*);|&#(\d+);|&\#x([0-9a-fA-F]+);`), and the reference's length.
pub fn html_entity(s: &str) -> Option<(EntityRef<'_>, usize)> {
    let body = s.after_byte(b'&')?;
    let b = body.as_bytes();
    let (reference, len) = if let Some(hex) = body.after_ascii(b"#x") {
        let n = hex.bytes().take_while(u8::is_ascii_hexdigit).count();
        (n > 0).then(|| (EntityRef::CodePoint(number(&hex[..n], 16)), 2 + n))?
    } else if let Some(decimal) = body.after_byte(b'#') {
        let n = decimal.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then(|| (EntityRef::CodePoint(number(&decimal[..n], 10)), 1 + n))?
    } else {
        if !b.first().is_some_and(|&c| is_word(c) || c == b':') {
            return None;
        }
        let n = 1 + b[1..].iter().take_while(|&&c| is_word(c) || matches!(c, b'-' | b'.' | b':')).count();
        (EntityRef::Name(&body[..n]), n)
    };
    (b.get(len) == Some(&b';')).then_some((reference, len + 2))
}

/// What an [`html_entity`] refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityRef<'a> {
    Name(&'a str),
    /// A numeric reference; numbers too large for any character saturate.
    CodePoint(u32),
}

fn number(digits: &str, radix: u32) -> u32 {
    digits.chars().filter_map(|c| c.to_digit(radix)).fold(0u32, |n, d| n.saturating_mul(radix).saturating_add(d))
}

/// `(?!(?:span elements|script)\b)UNAME`: a tag name that does not start with a span element's
/// name followed by a word boundary.
fn lazy_end_name(s: &str) -> Option<usize> {
    let len = uname(s)?;
    // Names are word characters: one is followed by a word boundary where it is the whole word.
    let word = &s[..s.find(|c: char| !is_word_char(c)).unwrap_or(s.len())];
    let excluded = crate::kramdown::html::is_span_element(word) || word == "script";
    (!excluded).then_some(len)
}

/// `^ {0,3}LAZY_END_HTML_START` or `^ {0,3}LAZY_END_HTML_STOP`: a line starting with an HTML
/// tag that is not a span element, which ends a paragraph.
pub fn lazy_end_html(s: &str) -> bool {
    let s = &s[opt_space(s)..];
    if let Some(rest) = s.after_ascii(b"</") {
        // LAZY_END_HTML_STOP: `<\/(?!span...)UNAME\s*>`
        let Some(len) = lazy_end_name(rest) else { return false };
        trim_start_space(&rest[len..]).starts_with_byte(b'>')
    } else if let Some(rest) = s.after_byte(b'<') {
        lazy_end_name(rest).is_some()
    } else {
        false
    }
}

/// `LAZY_END`: where a paragraph or blockquote stops taking lines (a blank line, a block
/// attribute list, an end-of-block marker, a block HTML tag, or the end of the text).
pub fn lazy_end(s: &str, braces: &Braces) -> bool {
    // Each of these starts with white space or one of `{`, `^` and `<`: a line starting with
    // anything else (most lines of a quote or paragraph) goes on without asking each.
    if s.as_bytes().first().is_some_and(|&b| !is_space(b) && !matches!(b, b'{' | b'^' | b'<')) {
        return false;
    }
    lazy_end_patterns(s, braces)
}

/// [`lazy_end`]'s patterns, each asked.
fn lazy_end_patterns(s: &str, braces: &Braces) -> bool {
    s.is_empty()
        || s == "\n"
        || blank_lines(s).is_some()
        || ial_block_start(s, braces).is_some()
        || eob_marker(s).is_some()
        || lazy_end_html(s)
}

/// Whether `s`, a line, may end a paragraph ([`lazy_end`], a definition, and GFM's list,
/// header, quote and fence): each of those starts with white space or one of these bytes. Most
/// of a paragraph's lines start with a letter, and go on without asking each pattern.
pub fn may_end_paragraph(s: &str) -> bool {
    s.as_bytes().first().is_none_or(|&b| {
        is_space(b) || matches!(b, b'{' | b'^' | b'<' | b':' | b'+' | b'*' | b'-' | b'0'..=b'9' | b'#' | b'>' | b'`' | b'~')
    })
}

/// `PATTERN_TAIL` (`[\t| ].*?\n`): what must follow a list marker. kramdown's character
/// class holds a `|` by mistake, so `-|x` starts a list too.
fn pattern_tail(s: &str) -> bool {
    matches!(s.as_bytes().first(), Some(b'\t' | b'|' | b' ')) && crate::chunk::find(s.as_bytes(), b'\n').is_some()
}

/// `LIST_START_UL` (`^( {0,3}[+*-])(PATTERN_TAIL)`): the marker's length (with its indent).
pub fn list_start_ul(s: &str) -> Option<usize> {
    list_marker(s, false, 3)
}

/// `LIST_START_OL` (`^( {0,3}\d+\.)(PATTERN_TAIL)`): the marker's length (with its indent).
pub fn list_start_ol(s: &str) -> Option<usize> {
    list_marker(s, true, 3)
}

/// `LIST_START`.
pub fn list_start(s: &str) -> bool {
    list_start_ul(s).is_some() || list_start_ol(s).is_some()
}

/// `^( {0,N}[+*-])(PATTERN_TAIL)` or, `ordered`, `^( {0,N}\d+\.)(PATTERN_TAIL)`: a list marker
/// indented at most `max_indent` spaces (the later items of a list allow less than three,
/// `fetch_pattern`). Returns the marker's length with its indent.
pub fn list_marker(s: &str, ordered: bool, max_indent: usize) -> Option<usize> {
    let i = s.bytes().take(max_indent).take_while(|&b| b == b' ').count();
    let end = if ordered {
        let digits = s[i..].bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && s.as_bytes().get(i + digits) == Some(&b'.')).then_some(i + digits + 1)?
    } else {
        matches!(s.as_bytes().get(i), Some(b'+' | b'*' | b'-')).then_some(i + 1)?
    };
    pattern_tail(&s[end..]).then_some(end)
}

/// `DEFINITION_LIST_START` (`^( {0,3}:)(PATTERN_TAIL)`): the marker's length.
pub fn definition_list_start(s: &str) -> Option<usize> {
    definition_marker(s, 3)
}

/// `^( {0,N}:)(PATTERN_TAIL)`: a definition marker indented at most `max_indent` spaces.
pub fn definition_marker(s: &str, max_indent: usize) -> Option<usize> {
    let i = s.bytes().take(max_indent).take_while(|&b| b == b' ').count();
    (s.as_bytes().get(i) == Some(&b':') && pattern_tail(&s[i + 1..])).then_some(i + 1)
}

/// `BLOCKQUOTE_START` (`^ {0,3}> ?`): the length of the quote marker.
pub fn blockquote_start(s: &str) -> Option<usize> {
    let i = opt_space(s);
    (s.as_bytes().get(i) == Some(&b'>')).then(|| i + 1 + usize::from(s.as_bytes().get(i + 1) == Some(&b' ')))
}

/// GFM's `ATX_HEADER_START` (`^(\#{1,6})[\t ]+(.*)\n`): the level, when the line is one.
pub fn atx_header_start_gfm(s: &str) -> Option<usize> {
    let level = s.bytes().take_while(|&b| b == b'#').count();
    // The line's end is looked for last: this is asked of every line after a paragraph's.
    ((1..=6).contains(&level) && matches!(s.as_bytes().get(level), Some(b' ' | b'\t')) && s[level..].contains('\n'))
        .then_some(level)
}

/// GFM's `FENCED_CODEBLOCK_START` (`^[ ]{0,3}[~`]{3,}`).
pub fn fenced_codeblock_start_gfm(s: &str) -> bool {
    let s = &s[opt_space(s)..];
    s.starts_with_ascii(b"```") || s.starts_with_ascii(b"~~~")
}

/// `HR_START` (`^ {0,3}(\*|-|_)[ \t]*\1[ \t]*\1(\1|[ \t])*\n`): the length of a rule line.
pub fn horizontal_rule(s: &str) -> Option<usize> {
    let start = opt_space(s);
    let marker = *s.as_bytes().get(start)?;
    if !matches!(marker, b'*' | b'-' | b'_') {
        return None;
    }
    let mut count = 0;
    for (i, b) in s.bytes().enumerate().skip(start) {
        match b {
            b'\n' => return (count >= 3).then_some(i + 1),
            b' ' | b'\t' => {}
            b if b == marker => count += 1,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruby_strips_nul_at_both_ends_where_its_white_space_pattern_keeps_it() {
        type Strip = fn(&str) -> &str;
        let cases: [(Strip, &str, &str); 6] = [
            (lstrip, "\0 \t\0a \0", "a \0"),
            (rstrip, " a\0 \0", " a"),
            (strip, "\0 a\0b \0", "a\0b"),
            (trim_start_space, " \t\0a", "\0a"),
            (trim_start_space, "\u{a0}a", "\u{a0}a"),
            (trim_end_space, "a\0 \t", "a\0"),
        ];
        for (stripped, text, expected) in cases {
            assert_eq!(stripped(text), expected, "{text:?}");
        }
    }

    /// Lines starting with each ASCII byte and a few others, indented or not, followed by what
    /// completes each block start that ends a paragraph.
    fn lines_by_first_character() -> Vec<(char, String)> {
        let tails = ["", "\n", "x\n", " x\n", "# x\n", ":.c}\n", " .c}\n", "\t\n", ". x\n", "``\n", "~~\n", "div>\n", "/div>\n"];
        let firsts = (0..0x80u8).map(char::from).chain(['\u{a0}', 'é', '’']);
        let mut lines = Vec::new();
        for first in firsts {
            for indent in ["", " ", "   "] {
                for tail in tails {
                    lines.push((first, format!("{indent}{first}{tail}")));
                }
            }
        }
        lines
    }

    #[test]
    fn a_lazy_end_is_looked_for_only_after_white_space_or_a_byte_one_starts_with() {
        for (_, line) in lines_by_first_character() {
            assert_eq!(lazy_end(&line, &Braces::default()), lazy_end_patterns(&line, &Braces::default()), "{line:?}");
        }
    }

    #[test]
    fn the_bytes_that_may_end_a_paragraph_are_those_its_ends_start_with() {
        let ends = |line: &str| {
            lazy_end_patterns(line, &Braces::default())
                || definition_list_start(line).is_some()
                || list_start(line)
                || atx_header_start_gfm(line).is_some()
                || blockquote_start(line).is_some()
                || fenced_codeblock_start_gfm(line)
        };
        let lines = lines_by_first_character();
        for (_, line) in &lines {
            assert!(!ends(line) || may_end_paragraph(line), "{line:?}");
        }
        // And only those: each byte it lets through ends a paragraph on some line.
        for first in (0..0x80u8).map(char::from).filter(|&c| !is_space_char(c)) {
            let line = first.to_string();
            let ended = lines.iter().any(|(c, line)| *c == first && line.starts_with(first) && ends(line));
            assert_eq!(may_end_paragraph(&line), ended, "{first:?}");
        }
    }

    #[test]
    fn words_are_found_between_rubys_word_bounds() {
        assert!(holds_bounded_word("a no_toc", "no_toc"));
        assert!(holds_bounded_word("a-no_toc\u{a0}b", "no_toc"));
        assert!(holds_bounded_word("no_tocs no_toc", "no_toc"));
        assert!(!holds_bounded_word("no_tocs", "no_toc"));
        assert!(!holds_bounded_word("éno_toc", "no_toc"));
        assert!(!holds_bounded_word("no_toc²", "no_toc"));
    }

    #[test]
    fn the_language_class_is_the_first_at_a_word_start() {
        let language = |class| language_class(class).map(|at| &class[at]);
        assert_eq!(language("a nolanguage-x language-ruby b"), Some("language-ruby"));
        assert_eq!(language("x-language-ruby"), Some("language-ruby"));
        assert_eq!(language("language-\u{b}x language-js"), Some("language-js"));
        assert_eq!(language("language-"), None);
    }

    #[test]
    fn letters_newer_than_rubys_unicode_are_no_letters_or_word_characters() {
        // Ꟁ (Unicode 14) and 𐕰 (Vithkuqi, 14) are letters to Rust, unassigned to Ruby 3.1.
        for c in ['\u{A7C0}', '\u{10570}'] {
            assert!(c.is_alphabetic());
            assert!(!is_alpha(c) && !is_word_char(c) && !is_word_property(c) && !is_alnum(c) && !is_letter_mark_or_digit(c), "{c:?}");
        }
        assert!(is_alpha('é') && is_word_char('é') && is_word_property('é') && is_alnum('é'));
    }

    #[test]
    fn ascii_trims_take_what_trimming_those_characters_takes() {
        for text in ["", " \t", "\t #é# \t", "é \t", "##a##", "a\u{a0} ", "\u{2003}\t"] {
            assert_eq!(trim_start_ascii(text, b" \t"), text.trim_start_matches([' ', '\t']), "{text:?}");
            assert_eq!(trim_end_ascii(text, b" \t#"), text.trim_end_matches([' ', '\t', '#']), "{text:?}");
        }
    }

    #[test]
    fn ascii_characters_are_classed_as_the_unicode_tables_class_them() {
        use unicode_table::{ALNUM_NOT_ALPHA, BOUNDARY_WORD_NOT_ALPHA, WORD_NOT_ALPHA};
        let by_table = |c: char, table| c.is_alphabetic() || in_ranges(c, table);
        for c in (0u8..128).map(char::from) {
            assert_eq!(is_word_char(c), by_table(c, BOUNDARY_WORD_NOT_ALPHA), "{c:?}");
            assert_eq!(is_word_property(c), by_table(c, WORD_NOT_ALPHA), "{c:?}");
            assert_eq!(is_alnum(c), by_table(c, ALNUM_NOT_ALPHA), "{c:?}");
        }
    }

    #[test]
    fn unicode_classes_are_onigmos() {
        let word = ['é', '\u{301}', '‿', '٣', '_'];
        assert!(word.into_iter().all(|c| is_word_char(c) && is_word_property(c)));
        assert!(is_word_char('²') && !is_word_property('²'));
        assert!(!is_word_char('-') && !is_word_char('\u{a0}') && !is_word_property('\u{a0}'));
        assert!(is_alnum('ⅷ') && is_alnum('٣') && !is_alnum('²') && !is_alnum('_'));
    }

    #[test]
    fn xml_names_are_read_as_the_pattern_reads_them_whatever_their_characters() {
        // NCNAME as written in kramdown, a character at a time.
        let ncname = |s: &str| -> Option<usize> {
            let mut chars = s.char_indices();
            let (_, first) = chars.next()?;
            if !(is_alpha(first) || first == '_') {
                return None;
            }
            Some(chars.find(|&(_, c)| !(is_alnum(c) || matches!(c, '-' | '.' | '_'))).map_or(s.len(), |(i, _)| i))
        };
        let by_pattern = |s: &str| {
            let first = ncname(s)?;
            Some(s[first..].strip_prefix(':').and_then(ncname).map_or(first, |second| first + 1 + second))
        };
        let mut random = crate::test_random::Random::new();
        for _ in 0..4000 {
            let s = random.text(&["a", "Z", "_", "-", ".", "9", ":", "é", "٣", "²", " ", ">", "=", "ⅷ", "\u{301}"], 8);
            assert_eq!(uname(&s), by_pattern(&s), "{s:?}");
        }
    }

    #[test]
    fn blank_lines_take_every_white_line_and_stop_at_the_last_newline() {
        assert_eq!(blank_lines("\n  \n\t\nx"), Some(6));
        assert_eq!(blank_lines("  x\n"), None);
        assert_eq!(blank_lines("   "), None);
    }

    #[test]
    fn block_attribute_lists_need_their_own_line() {
        assert_eq!(ial_block_start("{: .cls}\n", &Braces::default()), Some((" .cls", 9)));
        assert_eq!(ial_block_start("   {:#id}  \nnext", &Braces::default()), Some(("#id", 12)));
        assert_eq!(ial_block_start("{: .cls} text\n", &Braces::default()), None);
        assert_eq!(ial_block_start("{::comment}\n", &Braces::default()), None);
        assert_eq!(ial_block_start("{:/}\n", &Braces::default()), None);
        assert_eq!(ial_block_start("{: a=\"\\}\"}\n", &Braces::default()).map(|(b, _)| b), Some(" a=\"\\}\""));
        assert_eq!(ial_block_start("{:a\\}\n", &Braces::default()).map(|(b, _)| b), Some("a\\"));
    }

    #[test]
    fn list_markers_need_a_space_tab_or_pipe_after_them() {
        assert_eq!(list_start_ul("* a\n"), Some(1));
        assert_eq!(list_start_ul("   - a\n"), Some(4));
        assert_eq!(list_start_ul("-|a\n"), Some(1));
        assert_eq!(list_start_ul("*a\n"), None);
        assert_eq!(list_start_ol("12. a\n"), Some(3));
        assert_eq!(list_start_ol("1) a\n"), None);
    }

    #[test]
    fn html_lines_end_paragraphs_unless_they_are_span_elements() {
        assert!(lazy_end_html("<div>\n"));
        assert!(lazy_end_html("  </figure>\n"));
        assert!(!lazy_end_html("<span>x</span>\n"));
        assert!(!lazy_end_html("<em>x\n"));
        assert!(lazy_end_html("<emx>\n"));
        // The name is a whole word: followed by a letter beyond ASCII, `:` or `-`, it is another.
        assert!(lazy_end_html("<emé>\n"));
        assert!(!lazy_end_html("<a:b>\n"));
        assert!(!lazy_end_html("<a-b>\n"));
        assert!(!lazy_end_html("</a >\n"));
        assert!(lazy_end_html("<A>\n"));
        assert!(!lazy_end_html("<script>\n"));
        assert!(!lazy_end_html("< div>\n"));
    }

    #[test]
    fn entities_are_named_or_numeric_and_end_with_a_semicolon() {
        assert_eq!(html_entity("&amp; x"), Some((EntityRef::Name("amp"), 5)));
        assert_eq!(html_entity("&#8217;"), Some((EntityRef::CodePoint(8217), 7)));
        assert_eq!(html_entity("&#x2014;"), Some((EntityRef::CodePoint(0x2014), 8)));
        assert_eq!(html_entity("&#X2014;"), None);
        assert_eq!(html_entity("&a:b-c.d;"), Some((EntityRef::Name("a:b-c.d"), 9)));
        assert_eq!(html_entity("&#99999999999;"), Some((EntityRef::CodePoint(u32::MAX), 14)));
        assert_eq!(html_entity("& amp;"), None);
        assert_eq!(html_entity("&amp"), None);
    }

    #[test]
    fn rules_need_three_markers() {
        assert_eq!(horizontal_rule("* * *\n"), Some(6));
        assert_eq!(horizontal_rule("---\n"), Some(4));
        assert_eq!(horizontal_rule("--\n"), None);
        assert_eq!(horizontal_rule("-*-\n"), None);
    }
}
