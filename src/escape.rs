//! HTML escaping, the one place Folio turns text into markup-safe text.

/// Appends `text` with `&`, `<` and `>` escaped, as kramdown escapes element text.
pub fn text(out: &mut String, text: &str) {
    escape(out, text, false);
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
}
