//! Code spans: text between two runs of the same number of backticks, as is
//! (`` `code` ``, ``` `` a ` b `` ```). With two or more backticks one space just inside
//! each delimiter is dropped. A single backtick between white space (or at the start,
//! before white space) is text. The HTML is `<code>`, highlighted by rouge when
//! `syntax_highlighter: rouge` and a language is given by an attribute list
//! (`` `x`{:.language-ruby} ``).

use crate::kramdown::element::{Element, Kind};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::is_space;

impl Parser {
    pub(crate) fn parse_codespan(&mut self, el: &mut Element) -> bool {
        // CODESPAN_DELIMITER: `` `+ ``
        let rest = self.src.rest();
        let n = rest.bytes().take_while(|&b| b == b'`').count();
        if n == 0 {
            return false;
        }
        let location = self.src.current_line_number();
        let delimiter = rest[..n].to_owned();
        let simple = n == 1;
        let after = &rest[n..];
        // `pre_match =~ /\s\Z|\A\Z/ && match?(/\s/)`
        let space_before = self.src.before().bytes().next_back().is_none_or(is_space);
        if simple && space_before && after.bytes().next().is_some_and(is_space) {
            self.src.take(n);
            self.add_text(&delimiter, el);
            return true;
        }
        let Some(end) = after.find(delimiter.as_str()) else {
            self.src.take(n);
            self.add_text(&delimiter, el);
            return true;
        };
        let mut code = &after[..end];
        if !simple {
            code = code.strip_prefix(' ').unwrap_or(code);
            code = code.strip_suffix(' ').unwrap_or(code);
        }
        el.children.push(Element::with_value(Kind::Codespan, code).at(location));
        self.src.take(n + end + n);
        true
    }
}
