//! HTML escaping, the one place Folio turns text into markup-safe text.

/// Appends `text` with `&`, `<` and `>` escaped, as kramdown escapes element text.
pub fn text(out: &mut String, text: &str) {
    escape(out, text, false);
}

/// Appends `text` escaped for a double-quoted attribute value.
pub fn attribute(out: &mut String, text: &str) {
    escape(out, text, true);
}

fn escape(out: &mut String, s: &str, quotes: bool) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if quotes => "&quot;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(replacement);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
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
}
