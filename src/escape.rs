//! Escaping, the one place Folio turns text into markup-safe text: HTML's, and JSON strings'.

use crate::put::put;
use crate::chunk;

/// Appends `text` with `&`, `<` and `>` escaped, as kramdown escapes element text.
pub fn text(out: &mut String, text: &str) {
    escape(out, text, |b| html(b, false));
}

/// Appends `text` escaped for a double-quoted attribute value.
pub fn attribute(out: &mut String, text: &str) {
    escape(out, text, |b| html(b, true));
}

/// Appends `text` escaped as Ruby escapes it for Liquid: `CGI.escapeHTML` (Liquid's `escape`,
/// `'` as `&#39;`) or `encode(xml: :attr)` (Jekyll's `xml_escape`, `'` as `&apos;`).
pub fn ruby_html(out: &mut String, text: &str, apostrophe: &'static str) {
    escape(out, text, |b| if b == b'\'' { Some(apostrophe) } else { html(b, true) });
}

/// Appends `text` escaped for a JSON string (without its quotes), as serde_json escapes it:
/// quotes, backslashes and control characters; everything else, non-ASCII included, as is.
///
/// The bytes it escapes are found a chunk at a time: the result's JSON holds long strings (the
/// excerpt's HTML, the outline's texts), and a byte at a time its escaping was about 1% of a
/// render of the 13.4 KB article. The HTML escapes below take the page's short texts (a title,
/// an address) a byte at a time: a chunked loop for them too made the module 0.3 KB larger.
pub fn json(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut last = 0;
    while let Some(offset) = json_special(&bytes[last..]) {
        let at = last + offset;
        put(out, &text[last..at]);
        put(out, json_escape(bytes[at]));
        last = at + 1;
    }
    put(out, &text[last..]);
}

/// The first byte a JSON string cannot hold as it is: a quote, a backslash or a control
/// character (what [`json`] escapes, and what reading a string stops at).
pub fn json_special(bytes: &[u8]) -> Option<usize> {
    chunk::find_where(bytes, |chunk| chunk::any_of(chunk, b"\"\\") | chunk.control())
}

fn json_escape(b: u8) -> &'static str {
    match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        _ => JSON_CONTROL[usize::from(b)],
    }
}

fn html(b: u8, quotes: bool) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' if quotes => Some("&quot;"),
        _ => None,
    }
}

/// The control characters in JSON: the short escapes JSON has, `\u00XX` for the others.
const JSON_CONTROL: [&str; 32] = [
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007", "\\b", "\\t", "\\n",
    "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f", "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015",
    "\\u0016", "\\u0017", "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
];

/// Appends `s`, each ASCII byte that `replacement` gives text for replaced by it (bytes below 128
/// are whole characters, so the text between them is sliced on character boundaries). An index
/// loop: at opt-level `z`, `bytes().enumerate()` made it three times slower on a body's HTML.
fn escape(out: &mut String, s: &str, replacement: impl Fn(u8) -> Option<&'static str>) {
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(replacement) = replacement(bytes[i]) {
            out.push_str(&s[last..i]);
            out.push_str(replacement);
            last = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    // The chunks are wider in the WebAssembly module built with SIMD: run there too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_byte_is_escaped_as_its_replacement_says_wherever_it_stands_in_a_chunk() {
        type Escape = fn(&mut String, &str);
        type Replacement = fn(u8) -> Option<&'static str>;
        let escapes: [(Escape, Replacement); 4] = [
            (text, |b| html(b, false)),
            (attribute, |b| html(b, true)),
            (|out, s| ruby_html(out, s, "&#39;"), |b| if b == b'\'' { Some("&#39;") } else { html(b, true) }),
            (json, |b| matches!(b, b'"' | b'\\' | 0..=0x1f).then(|| json_escape(b))),
        ];
        for (escape, replacement) in escapes {
            for c in (0..128u8).map(char::from).chain(['é', '’', '😀']) {
                for at in 0..40 {
                    let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(40 - at));
                    let expected: String = text.chars().map(|ch| match ch.is_ascii().then(|| replacement(ch as u8)).flatten() {
                        Some(replaced) => replaced.to_owned(),
                        None => ch.to_string(),
                    }).collect();
                    let mut out = String::new();
                    escape(&mut out, &text);
                    assert_eq!(out, expected, "{c:?} at {at}");
                }
            }
        }
    }

    #[test]
    fn liquid_s_escapes_write_the_apostrophe_as_ruby_s_cgi_and_xml_encodings_do() {
        // Ruby 3.1: CGI.escapeHTML(s) and s.encode(xml: :attr) (without its surrounding quotes).
        let (mut cgi, mut xml) = (String::new(), String::new());
        super::ruby_html(&mut cgi, "a'b\"<&>", "&#39;");
        super::ruby_html(&mut xml, "a'b\"<&>", "&apos;");
        assert_eq!((cgi.as_str(), xml.as_str()), ("a&#39;b&quot;&lt;&amp;&gt;", "a&apos;b&quot;&lt;&amp;&gt;"));
    }

    #[test]
    fn text_escapes_markup_but_keeps_quotes() {
        let mut out = String::new();
        super::text(&mut out, r#"a < b & "c" > d"#);
        assert_eq!(out, r#"a &lt; b &amp; "c" &gt; d"#);
    }

    #[test]
    fn attributes_escape_double_quotes_too() {
        let mut out = String::new();
        super::attribute(&mut out, r#"a "b" & <c>"#);
        assert_eq!(out, "a &quot;b&quot; &amp; &lt;c&gt;");
    }

    #[test]
    fn json_escapes_quotes_backslashes_and_control_characters_only() {
        let mut out = String::new();
        super::json(&mut out, "\"a\\b\"\n\t\r\u{8}\u{c}\u{0}\u{1b}\u{1f} <&> é\u{7f}\u{2028}😀");
        assert_eq!(out, r#"\"a\\b\"\n\t\r\b\f\u0000\u001b\u001f <&> é"#.to_owned() + "\u{7f}\u{2028}😀");
    }
}
