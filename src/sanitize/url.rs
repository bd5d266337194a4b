//! Whether a URL may stay in a safe article: `http`, `https`, `mailto`, `tel`, or no scheme
//! (relative), judged the way a browser will read it.
//!
//! A browser drops tabs and newlines anywhere in a URL and control characters and spaces
//! around it before it looks for the scheme, and it decodes character references in
//! attribute values first; so `java&#x09;script:`, `\u{1}javascript:` or `JaVaScRiPt:` are
//! all `javascript:`. Callers pass decoded values (an HTML parser has decoded them) or use
//! [`decode_references`] first.

use super::policy::URL_SCHEMES;

/// Whether `url` (decoded) is allowed.
///
/// It is read only up to where a scheme would end, as the browser reads it (leading spaces and
/// control characters dropped, tabs and newlines skipped), with no copy made: this is asked for
/// every link of a safe render and every site path a profile joins, and copying each URL whole
/// first was 2–3% of a page's render.
pub fn is_allowed(url: &str) -> bool {
    // The longest allowed scheme fits; a longer one is refused by its length.
    let mut scheme = [0u8; 8];
    let mut len = 0;
    for &b in url.trim_start_matches(|c: char| c <= ' ').as_bytes() {
        match b {
            b'\t' | b'\n' | b'\r' => {}
            // Without a scheme (`:` first), the URL is relative.
            b':' => return len == 0 || scheme.get(..len).is_some_and(|s| URL_SCHEMES.iter().any(|allowed| allowed.as_bytes() == s)),
            b if is_scheme_byte(b, len == 0) => {
                if let Some(slot) = scheme.get_mut(len) {
                    *slot = b.to_ascii_lowercase();
                }
                len += 1;
            }
            // Not a scheme's character before any `:`: the URL is relative.
            _ => return true,
        }
    }
    true
}

/// The scheme of a URL, when it has one (`[A-Za-z][A-Za-z0-9+.-]*:` at the start).
pub fn scheme(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let candidate = &url[..end];
    let valid = end > 0 && candidate.bytes().enumerate().all(|(i, b)| is_scheme_byte(b, i == 0));
    valid.then_some(candidate)
}

/// Whether `b` may be a scheme's byte: a letter first, then letters, digits, `+`, `.` and `-`.
fn is_scheme_byte(b: u8, first: bool) -> bool {
    b.is_ascii_alphabetic() || (!first && (b.is_ascii_digit() || matches!(b, b'+' | b'.' | b'-')))
}

/// Decodes numeric character references and the named ones that can spell a scheme, the
/// way an HTML parser would before the URL is used. Anything else is left as written.
pub fn decode_references(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_one(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One reference after its `&`: the character and the length read (the `;` is optional,
/// as browsers accept `&#106` too).
fn decode_one(s: &str) -> Option<(char, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex.bytes().take_while(u8::is_ascii_hexdigit).count(), 16, 2),
            None => (num.bytes().take_while(u8::is_ascii_digit).count(), 10, 1),
        };
        if digits == 0 {
            return None;
        }
        let text = &s[skip..skip + digits];
        let code = u32::from_str_radix(text, radix).unwrap_or(0xFFFD);
        let c = char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{FFFD}');
        let semicolon = usize::from(s[skip + digits..].starts_with(';'));
        return Some((c, skip + digits + semicolon));
    }
    let name_len = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &s[..name_len];
    let c = match name {
        "colon" => ':',
        "Tab" => '\t',
        "NewLine" => '\n',
        "sol" => '/',
        "lpar" => '(',
        "rpar" => ')',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "nbsp" => '\u{a0}',
        _ => return crate::kramdown::entities::by_name(name).and_then(|e| e.char()).map(|c| (c, name_len + usize::from(s[name_len..].starts_with(';')))),
    };
    Some((c, name_len + usize::from(s[name_len..].starts_with(';'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_and_relative_urls_are_allowed() {
        for url in ["https://example.org/", "http://x", "mailto:a@b.c", "tel:+331", "/uploads/a.jpg", "a/b", "#top", "?q=1", "//cdn.example/x"] {
            assert!(is_allowed(url), "{url}");
        }
    }

    #[test]
    fn script_and_data_schemes_are_refused_however_spelled() {
        for url in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "\u{1}javascript:x", "vbscript:x", "data:text/html,x", "java\nscript:x"] {
            assert!(!is_allowed(url), "{url:?}");
        }
    }

    /// The rule as the module's docs state it: the URL cleaned as the browser cleans it, then its
    /// scheme, if any, among the allowed.
    fn allowed_as_stated(url: &str) -> bool {
        let cleaned: String = url.trim_matches(|c: char| c <= ' ').chars().filter(|&c| !matches!(c, '\t' | '\n' | '\r')).collect();
        scheme(&cleaned).is_none_or(|scheme| URL_SCHEMES.iter().any(|allowed| scheme.eq_ignore_ascii_case(allowed)))
    }

    #[test]
    fn urls_are_judged_as_the_rule_states_without_being_copied() {
        let pieces = [
            "http", "HTTPS", "mailto", "tel", "javascript", "data", "a", "Z", "9", "+", ".", "-", ":", "/", "//", "#", "?", " ", "\t", "\n", "\r",
            "\u{1}", "\u{7f}", "é", "ſ", "K", "mailtos", "https-x", "x.y+z",
        ];
        let mut random = crate::test_random::Random::new();
        for _ in 0..20_000 {
            let url = random.text(&pieces, 8);
            assert_eq!(is_allowed(&url), allowed_as_stated(&url), "{url:?}");
        }
    }

    #[test]
    fn references_are_decoded_before_judging() {
        assert_eq!(decode_references("jav&#x61;script&colon;x"), "javascript:x");
        assert_eq!(decode_references("&#106&#97;v"), "jav");
        assert_eq!(decode_references("a&b=c&amp;d"), "a&b=c&d");
        assert!(!is_allowed(&decode_references("java&Tab;script&#58;alert(1)")));
    }
}
