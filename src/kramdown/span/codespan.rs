//! Code spans: text between two runs of the same number of backticks, as is
//! (`` `code` ``, ``` `` a ` b `` ```). With two or more backticks one space just inside
//! each delimiter is dropped. A single backtick between white space (or at the start,
//! before white space) is text. The HTML is `<code>`, highlighted by rouge when
//! `syntax_highlighter: rouge` and a language is given by an attribute list
//! (`` `x`{:.language-ruby} ``).

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::chunk;
use crate::kramdown::patterns::is_space;

impl Parser<'_> {
    pub(crate) fn parse_codespan(&mut self, el: &mut Element) -> bool {
        // CODESPAN_DELIMITER: `` `+ ``
        let rest = self.src.rest();
        let n = rest.bytes().take_while(|&b| b == b'`').count();
        if n == 0 {
            return false;
        }
        let simple = n == 1;
        let after = &rest[n..];
        // `pre_match =~ /\s\Z|\A\Z/ && match?(/\s/)`
        let space_before = self.src.before().bytes().next_back().is_none_or(is_space);
        // A delimiter that opens nothing is text.
        if simple && space_before && after.bytes().next().is_some_and(is_space) {
            self.take_text(n, el);
            return true;
        }
        let Some(end) = closing_run(after.as_bytes(), n) else {
            self.take_text(n, el);
            return true;
        };
        let location = self.src.current_line_number();
        let mut code = &after[..end];
        if !simple {
            code = code.after_byte(b' ').unwrap_or(code);
            code = code.strip_suffix(' ').unwrap_or(code);
        }
        el.children.push(Element::with_value(Kind::Codespan, code).at(location));
        self.src.take(n + end + n);
        true
    }
}

/// Where the delimiter is next found (kramdown's `/`{n}/`): at the start of the first run of at
/// least `n` backticks. Looking for the runs reads each byte once, where a search for the
/// delimiter as a string set up a two-way search for every code span.
fn closing_run(s: &[u8], n: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = chunk::find(&s[from..], b'`') {
        let start = from + i;
        let run = s[start..].iter().take_while(|&&b| b == b'`').count();
        if run >= n {
            return Some(start);
        }
        from = start + run;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::closing_run;

    #[test]
    fn the_closing_delimiter_is_the_first_run_of_at_least_as_many_backticks() {
        assert_eq!(closing_run(b"code` x", 1), Some(4));
        assert_eq!(closing_run(b"a ` b `` c", 2), Some(6));
        assert_eq!(closing_run(b"a ``` b", 2), Some(2));
        assert_eq!(closing_run(b"a ` b", 2), None);
        assert_eq!(closing_run(b"", 1), None);
        for n in 1..6 {
            for text in ["x`y``z```w````", "````````", "`a``b```c", "no backtick here at all, none"] {
                let delimiter = "`".repeat(n);
                assert_eq!(closing_run(text.as_bytes(), n), text.find(&delimiter), "{text} {n}");
            }
        }
    }
}
