//! kramdown's HTML regexps (`Parser::Html::Constants`, based on REXML's), as scanners over
//! the text at the current position. All of them read across lines (`/m`); names are
//! REXML's `UNAME` (`patterns::uname`), `\s` is ASCII white space.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::chunk;
use crate::kramdown::patterns::{is_space, is_word_char, uname};
use std::ops::Range;

/// The position after the white space (`\s*`) starting at `from`.
fn skip_space(s: &str, from: usize) -> usize {
    from + s[from..].bytes().take_while(|&b| is_space(b)).count()
}

/// `HTML_COMMENT_RE` (`<!--(.*?)-->`): the comment's length.
pub fn comment(s: &str) -> Option<usize> {
    chunk::find_str(s.after_ascii(b"<!--")?.as_bytes(), b"-->").map(|i| 4 + i + 3)
}

/// `HTML_INSTRUCTION_RE` (`<\?(.*?)\?>`): the processing instruction's length.
pub fn instruction(s: &str) -> Option<usize> {
    s.after_ascii(b"<?")?.find("?>").map(|i| 2 + i + 2)
}

/// A start tag matched by `HTML_TAG_RE`.
pub struct StartTag {
    /// The name as written.
    pub name: String,
    /// The text of its attributes, and where each one's name and value lie in it (an empty
    /// value where there is none): found by the scan that matched the tag, not scanned again.
    text: String,
    attributes: Vec<(Range<usize>, Range<usize>)>,
    /// Written `<name ... />`.
    pub self_closing: bool,
    pub len: usize,
}

impl StartTag {
    /// Its attributes' names and values, in order, as `parse_html_attributes` finds them with
    /// `HTML_ATTRIBUTE_RE` (`\s*(UNAME)(?:\s*=\s*(?:(\p{Word}+)|("|')(.*?)\3))?`) in the
    /// attributes' text: in a tag every attribute fits that pattern, one after the other.
    pub fn attributes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attributes.iter().map(|(name, value)| (&self.text[name.clone()], &self.text[value.clone()]))
    }
}

/// `HTML_TAG_RE`: `<((?>UNAME))\s*((?>\s+UNAME(?:\s*=\s*(?:\p{Word}+|("|').*?\3))?)*)\s*(\/)?>`.
/// Each attribute is matched atomically, so a tag whose attributes do not all fit (`width=100%`,
/// an unclosed quote) is no tag.
pub fn start_tag(s: &str) -> Option<StartTag> {
    let name_len = uname(s.after_byte(b'<')?)?;
    let attributes_start = 1 + name_len;
    let mut end = attributes_start;
    let mut attributes = Vec::new();
    while let Some((name, value, attribute_end)) = attribute_in_tag(s, end) {
        let within = |range: Range<usize>| range.start - attributes_start..range.end - attributes_start;
        attributes.push((within(name), within(value)));
        end = attribute_end;
    }
    let mut i = skip_space(s, end);
    let self_closing = s[i..].starts_with_byte(b'/');
    if self_closing {
        i += 1;
    }
    s[i..].starts_with_byte(b'>').then(|| StartTag {
        name: s[1..attributes_start].to_owned(),
        text: s[attributes_start..end].to_owned(),
        attributes,
        self_closing,
        len: i + 1,
    })
}

/// One `\s+UNAME(?:\s*=\s*(?:\p{Word}+|("|').*?\3))?` of a start tag, from `from` in `s`: where
/// its name and its value are (the value empty where there is none), and where it ends.
fn attribute_in_tag(s: &str, from: usize) -> Option<(Range<usize>, Range<usize>, usize)> {
    let name_start = skip_space(s, from);
    if name_start == from {
        return None;
    }
    let name_end = name_start + uname(&s[name_start..])?;
    let (value, end) = match attribute_value(&s[name_end..]) {
        Some((value, len)) => (name_end + value.start..name_end + value.end, name_end + len),
        None => (name_end..name_end, name_end),
    };
    Some((name_start..name_end, value, end))
}

/// `\s*=\s*(?:(\p{Word}+)|("|')(.*?)\3)`: where the value is, and the length of the match.
fn attribute_value(s: &str) -> Option<(Range<usize>, usize)> {
    let equals = skip_space(s, 0);
    if !s[equals..].starts_with_byte(b'=') {
        return None;
    }
    let start = skip_space(s, equals + 1);
    let rest = &s[start..];
    let word = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    if word > 0 {
        return Some((start..start + word, start + word));
    }
    let quote = rest.bytes().next().filter(|&b| b == b'"' || b == b'\'')?;
    let close = chunk::find(&rest.as_bytes()[1..], quote)?;
    Some((start + 1..start + 1 + close, start + close + 2))
}

/// `HTML_TAG_CLOSE_RE` (`<\/(UNAME)\s*>`): the name and the tag's length.
pub fn close_tag(s: &str) -> Option<(&str, usize)> {
    let rest = s.after_ascii(b"</")?;
    let name_len = uname(rest)?;
    let end = skip_space(rest, name_len);
    rest[end..].starts_with_byte(b'>').then(|| (&rest[..name_len], 2 + end + 1))
}

/// `(UNAME|!--|\/)` after a `<`.
fn tag_like(after_bracket: &str) -> bool {
    after_bracket.starts_with_ascii(b"!--") || after_bracket.starts_with_byte(b'/') || uname(after_bracket).is_some()
}

/// `<(UNAME|!--|\/)` (`HTML_SPAN_START`, and `HTML_BLOCK_START` after its indentation): whether
/// a tag or comment may start at `s`.
pub fn html_start(s: &str) -> bool {
    s.after_byte(b'<').is_some_and(tag_like)
}

/// `HTML_RAW_START` (`(?=<(UNAME|\/|!--|\?))`): where the next tag, comment or instruction
/// may start.
pub fn raw_start(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = chunk::find(&s.as_bytes()[from..], b'<').map(|i| from + i) {
        let after = &s[i + 1..];
        if after.starts_with_byte(b'?') || tag_like(after) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// How a closing tag's name is compared with the name kramdown looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// `Regexp.escape(name)`: letter for letter.
    Exact,
    /// The same, ignoring case (`/i`).
    IgnoreCase,
    /// The name put in the regexp as is, ignoring case: kramdown does not escape it there, so a
    /// `.` in it stands for any character.
    Pattern,
}

/// `<\/NAME\s*>` at the start of `s`: the closing tag's length.
pub fn closing_tag_named(s: &str, name: &str, how: NameMatch) -> Option<usize> {
    let rest = s.after_ascii(b"</")?;
    let (mut at, mut k) = (0, 0);
    while k < name.len() {
        let wanted = first_char(&name[k..]).expect("within the name");
        let c = first_char(&rest[at..])?;
        let same = c == wanted || (how != NameMatch::Exact && lowered_alike(c, wanted)) || (how == NameMatch::Pattern && wanted == '.');
        if !same {
            return None;
        }
        (at, k) = (at + c.len_utf8(), k + wanted.len_utf8());
    }
    let end = skip_space(rest, at);
    rest[end..].starts_with_byte(b'>').then_some(2 + end + 1)
}

/// Whether two characters are the same once lowered: two ASCII ones compared as bytes, others as
/// Unicode lowers them, which is how Ruby does (the Kelvin sign is a `k`).
fn lowered_alike(a: char, b: char) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(&b)
    } else {
        a.to_lowercase().eq(b.to_lowercase())
    }
}

/// The character `s` starts with: an ASCII byte read as it is, without decoding.
fn first_char(s: &str) -> Option<char> {
    match *s.as_bytes().first()? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => s.chars().next(),
    }
}

/// `scan_until(/(?=<\/NAME\s*>)/)`: where the first closing tag for `name` starts.
pub fn find_closing_tag(s: &str, name: &str, how: NameMatch) -> Option<usize> {
    // Each `<` found a chunk at a time; `closing_tag_named` checks the `/` after it.
    let mut from = 0;
    while let Some(i) = chunk::find(&s.as_bytes()[from..], b'<').map(|i| from + i) {
        if closing_tag_named(&s[i..], name, how).is_some() {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_instructions_end_at_their_first_terminator() {
        assert_eq!(comment("<!-- a -- b --> c -->"), Some(15));
        assert_eq!(comment("<!-->"), None);
        assert_eq!(comment("<!--\nmulti\n-->"), Some(14));
        assert_eq!(instruction("<??> x ?>"), Some(4));
        assert_eq!(instruction("<?xml"), None);
    }

    #[test]
    fn start_tags_take_html5_attributes() {
        let tag = start_tag("<p lang=en class style='x' data-a = \"1\n2\">rest").unwrap();
        assert_eq!(tag.name, "p");
        assert_eq!(tag.len, "<p lang=en class style='x' data-a = \"1\n2\">".len());
        assert!(!tag.self_closing);
        let attributes: Vec<(&str, &str)> = tag.attributes().collect();
        assert_eq!(attributes, [("lang", "en"), ("class", ""), ("style", "x"), ("data-a", "1\n2")]);
        let tag = start_tag("<img src=\"/a.jpg\"/>").unwrap();
        assert!(tag.self_closing);
        assert_eq!(start_tag("<webgen:block name=\"test\" />").unwrap().name, "webgen:block");
    }

    #[test]
    fn a_start_tag_needs_every_attribute_to_fit() {
        assert!(start_tag("<td width=100%>").is_none());
        assert!(start_tag("<a href=\"x>").is_none());
        assert!(start_tag("<a href=>").is_none());
        assert!(start_tag("< div>").is_none());
        assert!(start_tag("<a\"b\">").is_none());
        assert_eq!(start_tag("<div   >").unwrap().len, 8);
    }

    #[test]
    fn attribute_values_may_be_unicode_words() {
        let tag = start_tag("<a title=épée\tlang = 'fr'>").unwrap();
        assert_eq!(tag.attributes().collect::<Vec<_>>(), [("title", "épée"), ("lang", "fr")]);
    }

    #[test]
    fn a_closing_tag_s_name_is_compared_character_by_character_as_lowered_by_ruby() {
        // The rule, a decoded character at a time.
        let rule = |s: &str, name: &str, how: NameMatch| -> Option<usize> {
            let rest = s.strip_prefix("</")?;
            let mut chars = rest.char_indices();
            for wanted in name.chars() {
                let (_, c) = chars.next()?;
                let lowered_same = c.to_lowercase().eq(wanted.to_lowercase());
                if !(c == wanted || (how != NameMatch::Exact && lowered_same) || (how == NameMatch::Pattern && wanted == '.')) {
                    return None;
                }
            }
            let after_name = chars.next().map_or(rest.len(), |(i, _)| i);
            let end = skip_space(rest, after_name);
            rest[end..].starts_with('>').then_some(2 + end + 1)
        };
        let names = ["kbd", "KBD", "a.b", "é", "\u{212A}bd", "div", "x"];
        let texts = ["</kbd>", "</KBD >", "</\u{212A}bd>", "</\u{212A}BD>", "</aéb>", "</axb>", "</É>", "</é>", "</div\n>", "</di", "</", "</x>", "</xy>", "</ab>"];
        for name in names {
            for text in texts {
                for how in [NameMatch::Exact, NameMatch::IgnoreCase, NameMatch::Pattern] {
                    assert_eq!(closing_tag_named(text, name, how), rule(text, name, how), "{text:?} for {name:?}");
                }
            }
        }
        assert_eq!(closing_tag_named("</\u{212A}bd>", "kbd", NameMatch::IgnoreCase), Some(8));
        assert_eq!(closing_tag_named("</aéb>", "a.b", NameMatch::Pattern), Some(7));
    }

    #[test]
    fn closing_tags() {
        assert_eq!(close_tag("</div >x"), Some(("div", 7)));
        assert_eq!(close_tag("</a:b:c>"), None);
        assert_eq!(closing_tag_named("</SCRIPT>", "script", NameMatch::IgnoreCase), Some(9));
        assert_eq!(closing_tag_named("</SCRIPT>", "script", NameMatch::Exact), None);
        assert_eq!(closing_tag_named("</scripts>", "script", NameMatch::IgnoreCase), None);
        assert_eq!(closing_tag_named("</axb>", "a.b", NameMatch::Pattern), Some(6));
        assert_eq!(closing_tag_named("</axb>", "a.b", NameMatch::IgnoreCase), None);
        assert_eq!(find_closing_tag("a </b> </div\n>", "div", NameMatch::Exact), Some(7));
    }

    #[test]
    fn raw_html_starts_at_a_tag_like_bracket() {
        assert_eq!(raw_start("a < b <!-- c"), Some(6));
        assert_eq!(raw_start("x <? y"), Some(2));
        assert_eq!(raw_start("1 < 2"), None);
    }
}
