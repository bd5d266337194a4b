//! Definition lists: a paragraph (each of its lines a term), then definitions starting with
//! `:` (indented up to three spaces) and a space or tab.
//!
//! kramdown's rules (`parse_definition_list`):
//!
//! - The terms are the paragraph just before the first `:` line, or before it and one empty
//!   line (`"\n"` exactly); in that case the first definition is a paragraph.
//! - A definition's lines follow the list item rules (indentation from its first line, lazy
//!   lines, `{: attrs}` at the start of the first line for the `<dd>`, at the start of a
//!   term for its `<dt>`); `^` ends the list (and stays, as a block boundary).
//! - A definition's first paragraph is transparent (no `<p>`) unless a blank line came
//!   before the definition.
//! - A definition list right after another one (or after it and blank lines) joins it.
//! - The paragraph's attribute list goes to the `<dl>`.
//!
//! HTML: `<dl>` with `<dt>` and `<dd>` elements.

use super::list::ItemIndent;
use crate::kramdown::element::{Element, Kind, Mark};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns;

impl Parser<'_> {
    pub(crate) fn parse_definition_list(&mut self, tree: &mut Element) -> bool {
        if patterns::definition_list_start(self.src.rest()).is_none() {
            return false;
        }
        let children = &tree.children;
        let follows_paragraph = match children.as_slice() {
            [] => false,
            [.., before, last] if last.kind == Kind::Blank => last.value == "\n" && before.kind == Kind::P,
            [.., last] => last.kind == Kind::P,
        };
        if !follows_paragraph {
            return false;
        }
        let mut first_as_para = false;
        let mut dl = self.new_block_el(Kind::Dl, 0);
        let mut para = tree.children.pop().expect("checked above");
        if para.kind == Kind::Blank {
            para = tree.children.pop().expect("checked above");
            first_as_para = true;
        }
        self.text_out_of_body(&mut para);
        dl.location = para.location;
        // kramdown gives the list the paragraph's attribute list, dropping a waiting one.
        dl.options.ial = para.options.ial.take();
        let terms = para.children.first().map(|text| text.value.clone()).unwrap_or_default();
        let location = self.src.current_line_number();
        // Ruby's `split(/\n/)` drops trailing empty strings.
        let terms = terms.trim_end_matches('\n');
        for term in terms.split('\n').filter(|_| !terms.is_empty()) {
            let mut dt = Element::new(Kind::Dt).at(location);
            let term = self.strip_item_ial(term, &mut dt);
            self.add_text_of_kind(term, &mut dt, Kind::RawText);
            dl.children.push(dt);
        }

        let mut values: Vec<String> = Vec::new();
        let mut indent = ItemIndent(0);
        let mut marker_indent = 3;
        let mut last_is_blank = false;
        while !self.src.eos() {
            let location = self.src.current_line_number();
            let rest = self.src.rest();
            if let Some(marker_len) = patterns::definition_marker(rest, marker_indent) {
                let mut dd = Element::new(Kind::Dd).at(location);
                dd.flags.set(Mark::FirstAsPara, first_as_para);
                let (content, item_indent) = self.take_first_item_line(marker_len, &mut dd);
                indent = item_indent;
                marker_indent = indent.marker_indent();
                dl.children.push(dd);
                values.push(content);
                first_as_para = false;
                last_is_blank = false;
            } else if patterns::eob_marker(rest).is_some() {
                break;
            } else if let Some(len) =
                indent.content_line(rest).or_else(|| if last_is_blank { None } else { indent.lazy_line(rest, &self.src.braces) })
            {
                let (line, _) = indent.dedent(self.src.take(len));
                values.last_mut().expect("a definition list starts with a definition").push_str(&line);
                first_as_para = false;
                last_is_blank = false;
            } else if let Some(len) = patterns::blank_lines(rest) {
                let blank = self.src.take(len);
                values.last_mut().expect("a definition list starts with a definition").push_str(blank);
                first_as_para = true;
                last_is_blank = true;
            } else {
                break;
            }
        }

        let mut last = None;
        let definitions = dl.children.iter_mut().filter(|c| c.kind == Kind::Dd);
        for (dd, value) in definitions.zip(values) {
            let location = dd.location;
            self.parse_blocks(dd, Some(value), location);
            if dd.children.is_empty() {
                continue;
            }
            last = if dd.last_kind() == Some(Kind::Blank) { dd.children.pop() } else { None };
            let first_as_para = dd.flags.has(Mark::FirstAsPara);
            dd.flags.set(Mark::FirstAsPara, false);
            let count = dd.children.len();
            if let Some(para) = dd.children.first_mut().filter(|p| p.kind == Kind::P && !first_as_para) {
                if count > 1 {
                    if let Some(text) = para.children.first_mut() {
                        text.value.push('\n');
                    }
                }
                para.flags.set(Mark::Transparent, true);
            }
        }

        let children = &mut tree.children;
        let previous = match children.as_slice() {
            [.., list] if list.kind == Kind::Dl => Some(children.len() - 1),
            [.., list, blank] if blank.kind == Kind::Blank && list.kind == Kind::Dl => {
                children.pop();
                Some(children.len() - 1)
            }
            _ => None,
        };
        match previous {
            Some(index) => children[index].children.append(&mut dl.children),
            None => children.push(dl),
        }
        children.extend(last);
        true
    }
}
