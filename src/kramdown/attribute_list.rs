//! Inline attribute lists: the inside of `{: .class #id key="value" ref}`.
//!
//! Syntax (kramdown's `ALD_TYPE_ANY`, scanned left to right; each token starts the text or
//! follows white space, and is followed by white space or the end):
//!
//! - `key="value"` or `key='value'`: an attribute; `\}` and an escaped quote stand for themselves;
//! - `#id` and `.class`, which may be chained (`#id.one.two`);
//! - `name`: a reference to an attribute list definition (`{:name: ...}`).
//!
//! Used by block and span attribute lists, definitions, list items and headers.

use crate::kramdown::ascii_prefix::AsciiPrefix;
use super::element::Ial;
use super::patterns::{ald_id_name, is_space, is_word};

/// Reads `text` into `ial`. Returns `false` when the text holds no valid token (kramdown
/// warns then), `true` otherwise, including for an empty list.
pub fn parse_attribute_list(text: &str, ial: &mut Ial) -> bool {
    let trimmed = text.trim_matches(|c: char| c.is_ascii() && is_space(c as u8));
    if trimmed.is_empty() || trimmed == ":" {
        return true;
    }
    let mut found = false;
    let mut pos = 0;
    while pos < text.len() {
        // `(?:\A|\s)`: a token at the very start, or after a white-space character.
        let at_start = if pos == 0 { token(text, 0, ial) } else { None };
        let matched = at_start.map(|len| (0, len)).or_else(|| {
            let after_space = is_space(text.as_bytes()[pos]).then(|| token(text, pos + 1, ial)).flatten();
            after_space.map(|len| (pos + 1, len))
        });
        match matched {
            Some((start, len)) => {
                found = true;
                pos = start + len;
            }
            None => pos += text[pos..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// Reads the token at `at`, if there is one, into `ial`; returns its length.
fn token(text: &str, at: usize, ial: &mut Ial) -> Option<usize> {
    let s = &text[at..];
    if let Some((key, value, len)) = key_value(s) {
        ial.attrs.set(key, value);
        return Some(len);
    }
    if let Some(len) = reference(s) {
        ial.refs.push(s[..len].to_owned());
        return Some(len);
    }
    let len = ids_and_classes(s)?;
    let mut rest = &s[..len];
    while !rest.is_empty() {
        let name_len = rest.as_bytes()[1..].iter().position(|&b| b == b'.' || b == b'#').unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        if rest.starts_with_byte(b'#') {
            ial.attrs.set("id", name);
        } else {
            ial.attrs.add_class(name);
        }
        rest = &rest[1 + name_len..];
    }
    Some(len)
}

/// `(?=\s|\Z)` after `len` bytes of `s`.
fn ends_token(s: &str, len: usize) -> bool {
    s.as_bytes().get(len).is_none_or(|&b| is_space(b))
}

/// `ALD_ID_NAME` alone, as a reference.
fn reference(s: &str) -> Option<usize> {
    ald_id_name(s).filter(|&len| ends_token(s, len))
}

/// `(ALD_ID_NAME)=("|')((?:\\\}|\\\2|[^\}\2])*?)\2`: key, unescaped value, length. (`\2` inside
/// the character class is the control character U+0002, not the quote.)
fn key_value(s: &str) -> Option<(&str, String, usize)> {
    let key_len = ald_id_name(s)?;
    let rest = s[key_len..].after_byte(b'=')?;
    let quote = *rest.as_bytes().first().filter(|&&b| b == b'"' || b == b'\'')?;
    let body_start = key_len + 2;
    let bytes = s.as_bytes();
    let mut j = body_start;
    while j < bytes.len() {
        let b = bytes[j];
        if b == quote && ends_token(s, j + 1) {
            let raw = &s[body_start..j];
            let value = unescape(raw, quote);
            return Some((&s[..key_len], value, j + 1));
        }
        if b == b'\\' && matches!(bytes.get(j + 1), Some(&n) if n == b'}' || n == quote) {
            j += 2;
        } else if b == b'}' || b == 0x02 {
            return None;
        } else {
            j += 1;
        }
    }
    None
}

/// `val.gsub(/\\(\}|#{sep})/, "\\1")`.
fn unescape(raw: &str, quote: u8) -> String {
    // Most values have no backslash: copied whole, not a character at a time.
    if !raw.contains('\\') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|&n| n == '}' || n as u32 == u32::from(quote)) {
            continue;
        }
        out.push(c);
    }
    out
}

/// `(?:#([A-Za-z][\w:-]*)|\.([^\s\.#]+))+` followed by white space or the end.
fn ids_and_classes(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        match bytes.get(i) {
            Some(b'#') if bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                i += 2;
                while bytes.get(i).is_some_and(|&b| is_word(b) || b == b':' || b == b'-') {
                    i += 1;
                }
            }
            Some(b'.') => {
                let len = s[i + 1..].find(|c: char| c == '.' || c == '#' || (c.is_ascii() && is_space(c as u8)));
                let len = len.unwrap_or(s.len() - i - 1);
                if len == 0 {
                    break;
                }
                i += 1 + len;
            }
            _ => break,
        }
    }
    (i > 0 && ends_token(s, i)).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Ial, bool) {
        let mut ial = Ial::default();
        let ok = parse_attribute_list(text, &mut ial);
        (ial, ok)
    }

    #[test]
    fn classes_ids_and_values_are_read() {
        let (ial, ok) = parse(r#" .encadre #box.wide target="_blank" data-x='y z'"#);
        assert!(ok);
        assert_eq!(ial.attrs.get("class"), Some("encadre wide"));
        assert_eq!(ial.attrs.get("id"), Some("box"));
        assert_eq!(ial.attrs.get("target"), Some("_blank"));
        assert_eq!(ial.attrs.get("data-x"), Some("y z"));
    }

    #[test]
    fn a_bare_name_is_a_reference() {
        let (ial, _) = parse(" toc ");
        assert_eq!(ial.refs, ["toc"]);
        assert!(ial.attrs.is_empty());
    }

    #[test]
    fn escaped_braces_and_quotes_stay_in_values() {
        let (ial, _) = parse(r#"title="a \} b \" c""#);
        assert_eq!(ial.attrs.get("title"), Some(r#"a } b " c"#));
    }

    #[test]
    fn a_value_ends_at_the_quote_that_ends_the_token() {
        let (ial, _) = parse(r#"a="x"y" b"#);
        assert_eq!(ial.attrs.get("a"), Some(r#"x"y"#));
        assert_eq!(ial.refs, ["b"]);
    }

    #[test]
    fn tokens_must_be_separated_by_white_space() {
        let (ial, ok) = parse("key=value");
        assert!(!ok);
        assert!(ial.attrs.is_empty() && ial.refs.is_empty());
        let (ial, _) = parse(".a.b#c");
        assert_eq!(ial.attrs.get("class"), Some("a b"));
        assert_eq!(ial.attrs.get("id"), Some("c"));
    }

    #[test]
    fn empty_lists_are_fine() {
        assert!(parse("  ").1);
        assert!(parse(":").1);
    }
}
