//! The source map of a rendered body: which lines of the file each top-level block comes
//! from, given to a live preview as data and written into the HTML as `data-source-line`
//! (off by default, so published HTML stays clean).

use crate::kramdown::convert::Block;
use crate::preview::{content_key, BodyBlock};

/// The blocks with their lines in the whole file (the body starts on line `first_line`).
pub fn blocks(blocks: &[Block], first_line: u32) -> Vec<BodyBlock> {
    blocks
        .iter()
        .map(|b| BodyBlock {
            html: mark_block(b, first_line),
            start_line: crate::file_line(first_line, b.first_line),
            end_line: crate::file_line(first_line, b.last_line),
            key: content_key(b.html.trim_end()),
        })
        .collect()
}

/// The line of the file where the body starts (after the front matter, if any).
pub fn body_first_line(source: &str) -> u32 {
    line_at(source, crate::front_matter::split(source).body_start)
}

/// The line (from 1) of byte `offset` of the text.
pub fn line_at(text: &str, offset: usize) -> u32 {
    1 + crate::kramdown::scanner::count_newlines(&text.as_bytes()[..offset]) as u32
}

/// The block's HTML with its first element marked; text-only blocks stay as they are.
fn mark_block(block: &Block, first_line: u32) -> String {
    let html = &block.html;
    let start = html.len() - html.trim_start().len();
    let tag = &html[start..];
    let name_len = tag.strip_prefix('<').map_or(0, |t| t.bytes().take_while(u8::is_ascii_alphanumeric).count());
    if name_len == 0 {
        return html.clone();
    }
    let at = start + 1 + name_len;
    let lines = format!(
        " data-source-line=\"{}-{}\"",
        crate::file_line(first_line, block.first_line),
        crate::file_line(first_line, block.last_line)
    );
    format!("{}{lines}{}", &html[..at], &html[at..])
}

#[cfg(test)]
mod tests {
    use crate::{render_with, Profile, Request};

    #[test]
    fn each_top_level_block_is_marked_with_its_lines_in_the_file() {
        let profile = Profile::jekyll();
        let source = "---\ntitle: T\n---\n# Head\n\nOne\ntwo\n\n> quote\n";
        let article = render_with(source, &Request { source_map: true, ..Request::new(&profile) });
        assert!(article.body_html.to_string().contains("<h1 data-source-line=\"4-4\""), "{}", article.body_html);
        assert!(article.body_html.to_string().contains("<p data-source-line=\"6-7\">One\ntwo</p>"), "{}", article.body_html);
        assert!(article.body_html.to_string().contains("<blockquote data-source-line=\"9-9\">"), "{}", article.body_html);
        let lines: Vec<_> = article.body_blocks.iter().map(|b| (b.start_line, b.end_line)).collect();
        assert_eq!(lines, [(4, 4), (6, 7), (9, 9)]);
    }

    #[test]
    fn the_body_starts_after_the_front_matter() {
        assert_eq!(super::body_first_line("---\ntitle: T\n---\n# Head\n"), 4);
        assert_eq!(super::body_first_line("# Head\n"), 1);
        assert_eq!(super::body_first_line("---\ntitle: never closed\n"), 1);
    }

    #[test]
    fn without_a_source_map_the_html_is_clean() {
        let profile = Profile::jekyll();
        let article = render_with("# Head\n\nText\n", &Request::new(&profile));
        assert!(!article.body_html.to_string().contains("data-source-line"));
        assert!(article.body_blocks.is_empty());
    }

    #[test]
    fn the_outline_and_word_count_come_from_the_body() {
        let profile = Profile::jekyll();
        let article = render_with("---\ntitle: T\n---\n# Un titre\n\nDeux mots.\n\n## Sous-titre\n", &Request::new(&profile));
        let outline: Vec<_> = article.outline.iter().flatten().map(|h| (h.level, h.id.as_str(), h.text.as_str(), h.line)).collect();
        assert_eq!(outline, [(1, "un-titre", "Un titre", 4), (2, "sous-titre", "Sous-titre", 8)]);
        assert_eq!(article.word_count, Some(5));
        assert_eq!(article.reading_minutes, Some(1));
    }

    #[test]
    fn an_outline_entry_keeps_the_abbreviations_of_its_header() {
        let profile = Profile::jekyll();
        let article = render_with("# About HTML today\n\n*[HTML]: Hyper Text Markup Language\n", &Request::new(&profile));
        let outline: Vec<_> = article.outline.iter().flatten().map(|h| (h.id.as_str(), h.text.as_str())).collect();
        assert_eq!(outline, [("about-html-today", "About HTML today")]);
    }
}
