//! Block HTML (`BlockHtml`): a line starting, after up to three spaces, with an HTML start tag
//! that is not a span element (`<div ...>`, `<figure>`, `<my-widget>`), or with an HTML comment
//! (no indentation allowed), or the end tag of the HTML element whose blocks are being read.
//!
//! The element's content is read by its content model: raw by default; with
//! `parse_block_html: true`, kramdown's model for the element (block for `div`, span for `p`,
//! raw for unknown elements); `markdown="0|1|span|block"` chooses explicitly (`"1"`: the
//! element's model) and is removed. Raw content is kept as HTML and text, span content is
//! parsed as spans, block content as blocks up to the end tag. After the end tag, white space
//! to the end of the line is skipped; anything else on the line is read as Markdown
//! (`</figure>**Bold**` gives the figure, then a paragraph). A block attribute list before or
//! after the element sets its attributes. With `html_to_native: true` the element is converted
//! to native elements where possible (`html/to_native.rs`).
//!
//! Output: the element re-written (attributes double-quoted, `<img ... />`), with its content;
//! a missing end tag is added (with a warning "Found no end tag for 'NAME' - auto-closing it").

use crate::kramdown::ascii_prefix::AsciiPrefix;
use crate::kramdown::element::{Category, ContentModel, Element, Kind, Mark};
use crate::kramdown::html::raw::is_raw_html;
use crate::kramdown::html::tags::{self, NameMatch};
use crate::ruby_case::lowers_to;
use crate::kramdown::html::{markdown_attribute, to_native, Lists};
use crate::kramdown::parser::Parser;
use crate::kramdown::patterns::opt_space;

impl Parser<'_> {
    pub(crate) fn parse_block_html(&mut self, tree: &mut Element) -> bool {
        let rest = self.src.rest();
        let indent = opt_space(rest);
        let tag_text = &rest[indent..];
        if !tags::html_start(tag_text) {
            return false;
        }
        let line = self.src.current_line_number();
        if let Some(len) = tags::comment(rest) {
            let comment = self.take_xml(Kind::XmlComment, len, Category::Block, line);
            tree.children.push(comment);
            self.skip_trailing_whitespace();
            return true;
        }
        let span_element = |name: &str| Lists::of_tag(name).is_span_element();
        if let Some(tag) = tags::start_tag(tag_text).filter(|tag| !span_element(&tag.name)) {
            self.src.take(indent + tag.len);
            let mut el = self.handle_html_start_tag(tag, line, is_raw_html(tree));
            if self.options.html_to_native {
                to_native::convert(&mut el);
            }
            tree.children.push(el);
            return true;
        }
        if let Some((name, len)) = tags::close_tag(tag_text) {
            // The end tag of the element being read ends its blocks (kramdown's
            // `throw :stop_block_parsing`); any other one is left to the paragraph.
            let closes_tree = tree.kind == Kind::HtmlElement && lowers_to(name, &tree.value);
            if !span_element(name) && closes_tree {
                self.src.take(indent + len);
                self.stop_block_parsing = true;
                return true;
            }
        }
        false
    }

    /// Sets `el`'s content model and reads its body (`handle_kramdown_html_tag`). `lists`: those
    /// of its name; `closed`: the element has no body; `handle_body`: the body is still to be
    /// read; `parent_raw`: the element is inside raw HTML, where content is raw unless
    /// `markdown` says otherwise.
    pub(crate) fn handle_kramdown_html_tag(&mut self, el: &mut Element, lists: Lists, closed: bool, handle_body: bool, parent_raw: bool) {
        if let Some(ial) = self.block_ial.take() {
            el.options.ial = Some(ial);
        }
        let mut model =
            if !parent_raw && self.options.parse_block_html { lists.content_model() } else { ContentModel::Raw };
        if let Some(wanted) = el.attr.remove("markdown").and_then(|value| markdown_attribute(&value)) {
            model = wanted.unwrap_or_else(|| lists.content_model());
        }
        if model == ContentModel::Block {
            self.skip_trailing_whitespace();
        }
        el.flags.content_model = Some(model);
        el.flags.set(Mark::IsClosed, closed);
        if closed || !handle_body {
            return;
        }
        let location = el.location;
        let ended = match model {
            ContentModel::Block => self.parse_blocks(el, None, location),
            ContentModel::Span => match tags::find_closing_tag(self.src.rest(), &el.value, NameMatch::Pattern) {
                Some(len) => {
                    self.take_text(len, el);
                    if let Some((_, len)) = tags::close_tag(self.src.rest()) {
                        self.src.take(len);
                    }
                    true
                }
                None => {
                    self.take_rest(el);
                    false
                }
            },
            ContentModel::Raw => {
                self.parse_raw_html(el);
                true
            }
        };
        if !ended {
            self.warn_at(location, format!("Found no end tag for '{}' - auto-closing it", el.value));
        }
        if !parent_raw {
            self.skip_trailing_whitespace();
        }
    }

    /// `TRAILING_WHITESPACE` (`[ \t]*\n`): the rest of the line when it is blank.
    fn skip_trailing_whitespace(&mut self) {
        let rest = self.src.rest();
        let spaces = rest.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
        if rest[spaces..].starts_with_byte(b'\n') {
            self.src.take(spaces + 1);
        }
    }
}
