//! Finding the front matter the way Jekyll finds it.
//!
//! Jekyll (`Jekyll::Document::YAML_FRONT_MATTER_REGEXP`, multiline) matches
//! `\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)`: the file starts with `---`, the block
//! ends at the first later line that is `---` or `...` (plus white space), and the
//! body is what follows. When there is no closing line, Jekyll renders the whole
//! file as the body; so do we, and say why.

use std::ops::Range;

/// Where the parts of an article are, as byte ranges of the whole source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The YAML text between the opening and closing lines, when there is a front matter.
    pub yaml: Option<Range<usize>>,
    /// Where the Markdown body starts.
    pub body_start: usize,
    /// The file opens a front matter that never closes (Jekyll then renders it all as body).
    pub unclosed: bool,
}

/// Finds the front matter and the body in `source`.
pub fn split(source: &str) -> Split {
    // Jekyll reads articles as "bom|utf-8": a byte order mark is not part of the text.
    let bom = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let none = Split { yaml: None, body_start: bom, unclosed: false };
    let Some(after_dashes) = source[bom..].strip_prefix("---") else { return none };
    // `---\s*\n`: the greedy white-space run must hold a newline; the block starts after the last one.
    let run = leading_whitespace(after_dashes);
    let Some(last_newline) = after_dashes[..run].rfind('\n') else { return none };
    let yaml_start = bom + 3 + last_newline + 1;

    let mut line_start = yaml_start;
    while line_start < source.len() {
        let line_end = source[line_start..].find('\n').map_or(source.len(), |i| line_start + i);
        let line = &source[line_start..line_end];
        if (line.starts_with("---") || line.starts_with("...")) && line[3..].trim_matches(is_ruby_space).is_empty() {
            return Split {
                yaml: Some(yaml_start..line_start),
                body_start: closing_end(source, line_start + 3),
                unclosed: false,
            };
        }
        line_start = line_end + 1;
    }
    Split { yaml: None, body_start: bom, unclosed: true }
}

/// The end of `\s*$\n?` from `from`: greedy white space (newlines too), back to the last line end.
fn closing_end(source: &str, from: usize) -> usize {
    let run_end = from + leading_whitespace(&source[from..]);
    if run_end == source.len() {
        return run_end;
    }
    match source[from..run_end].rfind('\n') {
        Some(i) => from + i + 1,
        None => run_end,
    }
}

fn leading_whitespace(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_ruby_space).len()
}

/// Ruby's `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_left_out_before_the_front_matter_or_the_body() {
        let source = "\u{feff}---\ntitle: a\n---\nBody\n";
        assert_eq!(split(source), Split { yaml: Some(7..16), body_start: 20, unclosed: false });
        assert_eq!(&source[split(source).body_start..], "Body\n");
        assert_eq!(split("\u{feff}Body\n").body_start, 3);
        assert_eq!(split("\u{feff}---\ntitle: a\n"), Split { yaml: None, body_start: 3, unclosed: true });
    }

    fn parts(source: &str) -> (Option<&str>, &str) {
        let s = split(source);
        (s.yaml.map(|r| &source[r]), &source[s.body_start..])
    }

    #[test]
    fn a_dashed_block_at_the_top_is_the_front_matter() {
        assert_eq!(parts("---\ntitle: A\n---\nBody\n"), (Some("title: A\n"), "Body\n"));
    }

    #[test]
    fn dots_also_close_the_block() {
        assert_eq!(parts("---\na: 1\n...\nBody"), (Some("a: 1\n"), "Body"));
    }

    #[test]
    fn blank_lines_after_the_closing_line_belong_to_it_as_in_jekyll() {
        assert_eq!(parts("---\na: 1\n---  \n\n\nBody"), (Some("a: 1\n"), "Body"));
    }

    #[test]
    fn an_empty_block_is_a_front_matter() {
        assert_eq!(parts("---\n---\nBody"), (Some(""), "Body"));
    }

    #[test]
    fn longer_dash_lines_do_not_close_the_block() {
        assert_eq!(parts("---\na: |\n  ----\n---\nB"), (Some("a: |\n  ----\n"), "B"));
    }

    #[test]
    fn a_file_not_starting_with_dashes_is_all_body() {
        assert_eq!(parts("Body\n---\n"), (None, "Body\n---\n"));
        assert_eq!(parts("---x\n---\n"), (None, "---x\n---\n"));
    }

    #[test]
    fn an_unclosed_block_leaves_the_whole_file_as_body() {
        let s = split("---\ntitle: A\nBody\n");
        assert!(s.unclosed);
        assert_eq!(s.body_start, 0);
    }

    #[test]
    fn windows_line_ends_are_accepted() {
        assert_eq!(parts("---\r\na: 1\r\n---\r\nBody"), (Some("a: 1\r\n"), "Body"));
    }
}
