//! Code blocks: indented (a tab or four spaces) and fenced (`~~~`, and with GFM also
//! backticks, indented up to three spaces), with an optional language after the fence.

use crate::chunk;
use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::{self, blank_lines, indent, is_space, Braces};

impl Parser<'_> {
    /// Indented code: [`codeblock_match`], with the indentation removed.
    pub(crate) fn parse_codeblock(&mut self, tree: &mut Element) -> bool {
        if indent(self.src.rest()).is_none() {
            return false;
        }
        let len = codeblock_match(self.src.rest(), &self.src.braces);
        if len == 0 {
            return false;
        }
        let location = self.src.current_line_number();
        let data = join_lazy_lines(self.src.take(len));
        let mut code = self.new_block_el(Kind::Codeblock, location);
        code.value = strip_indent(&data);
        tree.children.push(code);
        true
    }

    /// kramdown's `FENCED_CODEBLOCK_MATCH`, GFM's when the input is GFM.
    pub(crate) fn parse_codeblock_fenced(&mut self, tree: &mut Element) -> bool {
        let gfm = self.is_gfm();
        let Some(fence) = Fence::open(self.src.rest(), gfm) else { return false };
        let location = self.src.current_line_number();
        let body_start = self.src.pos + fence.line_len;
        let text = &self.src.text()[body_start..];
        let mut offset = 0;
        let (body_len, close_len) = loop {
            if offset >= text.len() {
                return false;
            }
            let line_len = chunk::find(&text.as_bytes()[offset..], b'\n').map_or(text.len() - offset, |i| i + 1);
            if fence.closes(&text[offset..offset + line_len], gfm) {
                break (offset, line_len);
            }
            offset += line_len;
        };
        let value = text[..body_len].to_owned();
        let mut code = self.new_block_el(Kind::Codeblock, location);
        code.value = value;
        if let Some((lang, name)) = fence.lang {
            code.options.lang = Some(lang);
            code.attr.set("class", ["language-", &name].concat());
        }
        self.src.pos = body_start + body_len + close_len;
        tree.children.push(code);
        true
    }
}

/// `CODEBLOCK_MATCH`: runs of indented lines, each run optionally after blank lines and
/// followed by "lazy" unindented lines (kramdown joins those to the line before with a
/// space). Returns the length matched, 0 when nothing is.
pub(crate) fn codeblock_match(s: &str, braces: &Braces) -> usize {
    let mut end = 0;
    loop {
        let mut at = end + blank_lines(&s[end..]).unwrap_or(0);
        let mut indented = 0;
        while let Some(len) = indented_code_line(&s[at..]) {
            at += len;
            indented += 1;
        }
        if indented == 0 {
            return end;
        }
        while let Some(len) = lazy_code_line(&s[at..], braces) {
            at += len;
        }
        end = at;
    }
}

/// `INDENT[ \t]*\S.*\n`
fn indented_code_line(s: &str) -> Option<usize> {
    let len = indent(s)?;
    let line_end = chunk::find(s.as_bytes(), b'\n')?;
    s[len..line_end].bytes().any(|b| !is_space(b)).then_some(line_end + 1)
}

/// `(?!IAL_BLOCK_START|EOB_MARKER|^ {0,3}LAZY_END_HTML_STOP|^ {0,3}LAZY_END_HTML_START)^[ \t]*\S.*\n`
fn lazy_code_line(s: &str, braces: &Braces) -> Option<usize> {
    let line_end = chunk::find(s.as_bytes(), b'\n')?;
    let content = patterns::trim_start_ascii(&s[..line_end], b" \t");
    if content.is_empty() || is_space(content.as_bytes()[0]) {
        return None;
    }
    if patterns::ial_block_start(s, braces).is_some() || patterns::eob_marker(s).is_some() || patterns::lazy_end_html(s) {
        return None;
    }
    Some(line_end + 1)
}

/// `data.gsub!(/\n( {0,3}\S)/, ' \\1')`: a lazy line joins the line before it.
fn join_lazy_lines(data: &str) -> String {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    while let Some(i) = chunk::find(rest.as_bytes(), b'\n') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let spaces = patterns::opt_space(after);
        if after.as_bytes().get(spaces).is_some_and(|&b| !is_space(b)) {
            out.push(' ');
        } else {
            out.push('\n');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// `data.gsub!(INDENT, '')`: one tab or four spaces off every line.
pub(crate) fn strip_indent(data: &str) -> String {
    let mut out = String::with_capacity(data.len());
    for line in data.split_inclusive('\n') {
        out.push_str(&line[indent(line).unwrap_or(0)..]);
    }
    out
}

/// An opening fence: its line's length, its marker, and the language (as written, and the
/// name used in the class).
struct Fence {
    line_len: usize,
    marker: String,
    lang: Option<(String, String)>,
}

impl Fence {
    fn open(s: &str, gfm: bool) -> Option<Fence> {
        let indent = if gfm { patterns::opt_space(s) } else { 0 };
        let after = &s[indent..];
        let is_fence = |b: u8| b == b'~' || (gfm && b == b'`');
        let run = after.bytes().take_while(|&b| is_fence(b)).count();
        if run < 3 {
            return None;
        }
        let line_end = chunk::find(after.as_bytes(), b'\n')?;
        // `\s*?((\S+?)(?:\?\S*)?)?\s*?\n`: the word between Ruby's `\s`, which a NUL is not.
        // The language is the word `strip`ped, which takes NULs off its ends too; the class
        // uses the word as matched.
        let word = patterns::trim_end_space(patterns::trim_start_space(&after[run..line_end]));
        let info = patterns::strip(word);
        let lang = if info.is_empty() {
            None
        } else if word.bytes().any(is_space) {
            // The pattern cannot match two words.
            return None;
        } else {
            // The class uses the name before a `?query` (a `?` that is not the first character).
            let after_first = word.chars().next().map_or(0, char::len_utf8);
            let name = word[after_first..].find('?').map_or(word, |i| &word[..after_first + i]);
            Some((info.to_owned(), name.to_owned()))
        };
        Some(Fence { line_len: indent + line_end + 1, marker: after[..run].to_owned(), lang })
    }

    /// `^[ ]{0,3}\1\2*\s*?\n` (GFM) or `^\1\2*\s*?\n`: the same fence, longer if it likes,
    /// then only white space.
    fn closes(&self, line: &str, gfm: bool) -> bool {
        let line = if gfm { &line[patterns::opt_space(line)..] } else { line };
        let Some(rest) = line.strip_prefix(self.marker.as_str()) else { return false };
        let last = *self.marker.as_bytes().last().expect("a fence has three characters");
        let rest = rest.trim_start_matches(last as char);
        rest.ends_with('\n') && rest.bytes().all(is_space)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lazy_lines_join_the_code_line_before_them() {
        assert_eq!(join_lazy_lines("    a\nb\n    c\n"), "    a b\n    c\n");
    }

    #[test]
    fn fences_take_one_word_as_language() {
        let fence = Fence::open("~~~ ruby?x=1 \ncode\n", false).unwrap();
        assert_eq!(fence.lang, Some(("ruby?x=1".into(), "ruby".into())));
        assert!(Fence::open("~~~ two words\n", false).is_none());
        assert!(Fence::open("```js\n", false).is_none());
        assert!(Fence::open("  ```js\n", true).is_some());
    }

    #[test]
    fn a_nul_around_the_language_is_stripped_from_it_and_kept_in_the_class() {
        let fence = Fence::open("~~~ \0ruby\0?x \ncode\n", false).unwrap();
        assert_eq!(fence.lang, Some(("ruby\0?x".into(), "\0ruby\0".into())));
        assert!(Fence::open("~~~ \0\ncode\n", false).unwrap().lang.is_none());
    }

    #[test]
    fn any_characters_name_a_language() {
        let fence = Fence::open("~~~ русский?x\n", false).unwrap();
        assert_eq!(fence.lang, Some(("русский?x".into(), "русский".into())));
        let fence = Fence::open("~~~ ?x\n", false).unwrap();
        assert_eq!(fence.lang, Some(("?x".into(), "?x".into())));
    }

    #[test]
    fn a_longer_fence_closes_a_shorter_one() {
        let fence = Fence::open("~~~\n", false).unwrap();
        assert!(fence.closes("~~~~~ \n", false));
        assert!(!fence.closes("~~\n", false));
        assert!(!fence.closes("~~~x\n", false));
    }
}
