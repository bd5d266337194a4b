//! The Markdown body to HTML, through pulldown-cmark with GFM extensions.
//!
//! This is the walking skeleton's body renderer: tables, footnotes, strikethrough and
//! task lists. kramdown's own rules (attribute lists, raw HTML blocks, typography)
//! come with the kramdown layer.

use pulldown_cmark::{html, Options as Extensions, Parser};

pub fn to_html(markdown: &str) -> String {
    let extensions = Extensions::ENABLE_TABLES
        | Extensions::ENABLE_FOOTNOTES
        | Extensions::ENABLE_STRIKETHROUGH
        | Extensions::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, Parser::new_ext(markdown, extensions));
    out
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn gfm_extensions_are_on() {
        assert_eq!(to_html("~~gone~~"), "<p><del>gone</del></p>\n");
        assert!(to_html("| a |\n|---|\n| b |\n").contains("<table>"));
        assert!(to_html("- [x] done\n").contains(r#"type="checkbox""#));
        assert!(to_html("note[^1]\n\n[^1]: text\n").contains("footnote"));
    }
}
