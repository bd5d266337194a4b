//! The HTML converter (kramdown's `Converter::Html`): writes the tree as the HTML kramdown
//! writes, down to its indentation and line breaks.
//!
//! Each element kind has a `convert_*` method writing its HTML at the end of one output
//! buffer (no string per element: they were a third of the converter's time); containers
//! convert their children with `HtmlConverter::inner`. The converter only writes: what
//! is safe to show is decided elsewhere.

mod blocks;
mod code;
mod footnotes;
mod rouge_languages;
mod spans;
mod toc;

use super::element::{Alignment, Attrs, ContentModel, Element, Entity, Kind};
use super::patterns;
use super::header_ids::IdCounter;
use super::parser::DocumentData;
use crate::chunk;
use crate::options::{EntityOutput, Options};
use crate::name_map::NameMap;
use crate::put::put;

/// What the converter keeps from one top-level block to the next.
#[derive(Default)]
struct State {
    /// The number the next new footnote gets (`footnote_nr` first).
    footnote_counter: u32,
    /// Footnotes in order of first reference, by output name (with `footnote_prefix`): name
    /// of the definition, number, repeated references.
    footnotes: NameMap<(String, u32, u32)>,
    /// Headers for a table of contents: level, id, inner elements; kept only when the text
    /// could ask for one (`toc_possible`), as they are copies.
    toc: Vec<(u8, String, Vec<Element>)>,
    toc_possible: bool,
    /// Where the table of contents goes: list kind and attributes of the `{:toc}` list.
    toc_at: Option<(Kind, Attrs)>,
    /// Whether a `{:footnotes}` list says where the footnotes go.
    footnotes_at: bool,
    ids: IdCounter,
    /// The elements being converted, innermost last (what kramdown's `@stack` is used for).
    stack: Vec<Frame>,
    /// What the tables and definition lists among them hold for their children, innermost
    /// last: a cell's alignment, a term's `{:auto_ids}`. Kept apart, a frame has nothing to drop
    /// (every element with children has one).
    alignments: Vec<Vec<Alignment>>,
    list_refs: Vec<Vec<String>>,
    /// Every header written, for the article's outline; `None` where none is wanted.
    headings: Option<Vec<Heading>>,
    /// Headers (their line) whose id left out a character Folio cannot transliterate as
    /// kramdown does, with the first such character (`transliterated_header_ids`).
    untransliterated: Vec<(usize, char)>,
}

/// The converter while it writes one element: the options and the parse's data, borrowed for
/// that call only (the parser goes on between top-level blocks), and the lasting state.
struct HtmlConverter<'a> {
    options: &'a Options,
    data: &'a DocumentData,
    state: &'a mut State,
}

/// What a child needs to know of an enclosing element.
#[derive(Clone, Copy)]
struct Frame {
    kind: Kind,
    content_model: Option<ContentModel>,
}

/// Marks where the table of contents and the footnotes go until they are known.
const TOC_MARK: &str = "\u{0}folio:toc\u{0}";
const FOOTNOTES_MARK: &str = "\u{0}folio:footnotes\u{0}";

/// One top-level piece of the output: the HTML of one child of the root (with the blank
/// lines that follow it) and the lines of the body it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub html: String,
    pub first_line: usize,
    pub last_line: usize,
}

/// A header as written: output level, id (empty without one), text, body line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    pub line: usize,
}

/// The converted document, block by block, and its headers.
pub struct Output {
    pub blocks: Vec<Block>,
    /// Empty unless asked for ([`super::Keep::headings`]).
    pub headings: Vec<Heading>,
    /// Blank lines at the end of the document, after the last block.
    pub trailing_blank_lines: usize,
    /// See `State::untransliterated`.
    pub untransliterated: Vec<(usize, char)>,
}

impl Output {
    /// The blocks joined, each freed once copied.
    pub fn into_html(self) -> String {
        let mut html = String::with_capacity(self.blocks.iter().map(|b| b.html.len()).sum());
        for block in self.blocks {
            html.push_str(&block.html);
        }
        html
    }
}

/// Converts a parsed document to HTML.
pub fn to_html(root: &Element, data: &DocumentData, options: &Options) -> String {
    convert(root, data, options, usize::MAX).into_html()
}

/// Converts a parsed document into pieces of HTML of about `piece_size` bytes ([`Converter::new`]).
pub fn convert(root: &Element, data: &DocumentData, options: &Options, piece_size: usize) -> Output {
    let mut converter = Converter::new(options, (piece_size, 0), true, false);
    for child in &root.children {
        converter.push(child, data, options);
    }
    converter.finish(data, options)
}

/// Writes a document one child of the root at a time, so that each can be dropped once
/// written: a document's tree and its HTML need not be alive together.
pub struct Converter {
    state: State,
    blocks: Vec<Block>,
    /// The blank lines that follow each block, which its lines do not include.
    blank_after: Vec<usize>,
    /// Top-level blocks are written into one piece of HTML until it is this long.
    piece_size: usize,
    /// The room a new piece starts with.
    piece_room: usize,
}

impl Converter {
    /// A converter writing top-level blocks into pieces of HTML of about `piece_size` bytes
    /// (0 keeps each block apart, for a source map; `usize::MAX` writes one string), each
    /// starting with room for `piece_room` bytes. `toc_possible` is false when no attribute list
    /// of the block pass referred to `toc`, so no list can be a table of contents.
    pub fn new(options: &Options, (piece_size, piece_room): (usize, usize), toc_possible: bool, headings: bool) -> Self {
        let headings = headings.then(Vec::new);
        let mut state = State { footnote_counter: options.footnote_nr, toc_possible, headings, ..State::default() };
        // The root's children are at indentation 0 (kramdown starts at -2).
        state.stack.push(Frame { kind: Kind::Root, content_model: None });
        Converter { state, blocks: Vec::new(), blank_after: Vec::new(), piece_size, piece_room }
    }

    /// Writes the next child of the root; a blank run joins the block before it.
    pub fn push(&mut self, child: &Element, data: &DocumentData, options: &Options) {
        let mut html = HtmlConverter { options, data, state: &mut self.state };
        let blank = child.kind == Kind::Blank;
        match self.blocks.last_mut() {
            Some(last) if blank || last.html.len() < self.piece_size => {
                html.convert(child, 0, &mut last.html);
                let after = self.blank_after.last_mut().expect("one per block");
                *after = if blank { *after + chunk::count(child.value.as_bytes(), b'\n') } else { 0 };
            }
            _ => {
                if let Some(last) = self.blocks.last_mut() {
                    // Done with: the room its growth left goes back (the blocks are all
                    // alive until joined).
                    last.html.shrink_to_fit();
                }
                let line = child.location;
                let mut out = String::with_capacity(self.piece_room);
                html.convert(child, 0, &mut out);
                self.blocks.push(Block { html: out, first_line: line, last_line: line });
                self.blank_after.push(0);
            }
        }
    }

    /// The blocks with their lines, then the footnotes, with the table of contents and
    /// footnotes put where `{:toc}` and `{:footnotes}` asked.
    pub fn finish(mut self, data: &DocumentData, options: &Options) -> Output {
        let blocks = &mut self.blocks;
        // A block runs up to the next one's first line, less the blank lines between them.
        for i in 1..blocks.len() {
            let end = blocks[i].first_line.saturating_sub(1 + self.blank_after[i - 1]);
            blocks[i - 1].last_line = end.max(blocks[i - 1].first_line);
        }
        let trailing_blank_lines = self.blank_after.last().copied().unwrap_or(0);
        self.state.stack.pop();
        let mut html = HtmlConverter { options, data, state: &mut self.state };
        let footnotes = html.footnote_content();
        let footnote_line = blocks.last().map_or(1, |b| b.last_line);
        match blocks.iter_mut().find(|b| html.state.footnotes_at && find_mark(&b.html, FOOTNOTES_MARK).is_some()) {
            Some(block) => replace_mark(&mut block.html, FOOTNOTES_MARK, &footnotes),
            None if !footnotes.is_empty() => blocks.push(Block { html: footnotes, first_line: footnote_line, last_line: footnote_line }),
            None => {}
        }
        if let Some((kind, attrs)) = html.state.toc_at.take() {
            let tree = toc::tree(&html.state.toc, kind, attrs);
            let text = if tree.children.is_empty() { String::new() } else { html.convert_to_string(&tree, 0) };
            if let Some(block) = blocks.iter_mut().find(|b| find_mark(&b.html, TOC_MARK).is_some()) {
                replace_mark(&mut block.html, TOC_MARK, &text);
            }
        }
        Output { blocks: self.blocks, headings: self.state.headings.unwrap_or_default(), trailing_blank_lines, untransliterated: self.state.untransliterated }
    }
}

/// Where `mark` is in `html`. The whole HTML is searched when a page asks for a table of contents
/// or footnotes: a mark starts with a NUL, which text hardly ever has, found a chunk at a time.
fn find_mark(html: &str, mark: &str) -> Option<usize> {
    chunk::find_str(html.as_bytes(), mark.as_bytes())
}

/// Replaces the first `mark` in `html` (in the block's HTML, once a render: joined anew, as
/// `String::replace_range`'s general splice is 1 KB of the first download).
fn replace_mark(html: &mut String, mark: &str, text: &str) {
    if let Some(at) = find_mark(html, mark) {
        *html = [&html[..at], text, &html[at + mark.len()..]].concat();
    }
}

impl<'a> HtmlConverter<'a> {
    fn convert(&mut self, el: &Element, indent: usize, out: &mut String) {
        use Kind::*;
        match el.kind {
            Blank => put(out, "\n"),
            Text => self.convert_text(el, out),
            P => self.convert_p(el, indent, out),
            Codeblock => self.convert_codeblock(el, indent, out),
            Blockquote => self.indented_block("blockquote", &el.attr, el, indent, out),
            Header => self.convert_header(el, indent, out),
            Hr => {
                pad(out, indent);
                out.push_str("<hr");
                self.html_attributes(&el.attr, out);
                out.push_str(" />\n");
            }
            Ul | Ol => self.convert_list(el, indent, out),
            Dl => self.indented_block("dl", &el.attr, el, indent, out),
            Li | Dd => self.convert_li(el, indent, out),
            Dt => self.convert_dt(el, indent, out),
            HtmlElement => self.convert_html_element(el, indent, out),
            XmlComment | XmlPi => self.convert_xml_comment(el, indent, out),
            Table | Thead | Tbody | Tfoot | Tr => {
                let name = table_tag(el.kind);
                self.indented_block(name, &el.attr, el, indent, out)
            }
            Td => self.convert_cell(el, indent, 0, out),
            Comment => self.convert_comment(el, indent, out),
            Br => out.push_str("<br />"),
            A => self.span_html("a", &el.attr, el, out),
            Img => {
                out.push_str("<img");
                self.html_attributes(&el.attr, out);
                out.push_str(" />");
            }
            Codespan => self.convert_codespan(el, out),
            Footnote => self.convert_footnote(el, out),
            Raw => convert_raw(el, out),
            Em => self.span_html("em", &el.attr, el, out),
            Strong => self.span_html("strong", &el.attr, el, out),
            Entity => self.write_entity(el.options.entity.expect("entities carry one"), el.options.original.as_deref(), out),
            TypographicSym => self.convert_typographic_sym(el, out),
            SmartQuote => self.convert_smart_quote(el, out),
            Math => self.convert_math(el, indent, out),
            Abbreviation => self.convert_abbreviation(el, out),
            // The root is written child by child by [`Converter`]; the others are never left
            // in a parsed tree.
            Root | RawText | Eob | Temp => {}
        }
    }

    /// An element's HTML as a string of its own, where it must be looked at before it is placed.
    fn convert_to_string(&mut self, el: &Element, indent: usize) -> String {
        let mut out = String::new();
        self.convert(el, indent, &mut out);
        out
    }

    /// The children's HTML, one indentation step deeper.
    fn inner(&mut self, el: &Element, indent: usize, out: &mut String) {
        self.state.stack.push(Frame { kind: el.kind, content_model: el.flags.content_model });
        match el.kind {
            Kind::Table => self.state.alignments.push(el.options.alignment.clone()),
            Kind::Dl => self.state.list_refs.push(el.options.ial.as_ref().map(|i| i.refs.clone()).unwrap_or_default()),
            _ => {}
        }
        let child_indent = indent + INDENT;
        for (index, child) in el.children.iter().enumerate() {
            if child.kind == Kind::Td {
                self.convert_cell(child, child_indent, index, out);
            } else {
                self.convert(child, child_indent, out);
            }
        }
        self.state.stack.pop();
        match el.kind {
            Kind::Table => drop(self.state.alignments.pop()),
            Kind::Dl => drop(self.state.list_refs.pop()),
            _ => {}
        }
    }

    fn parent(&self) -> Option<&Frame> {
        self.state.stack.last()
    }

    /// Whether the enclosing element is a raw HTML element (whose content is written as is).
    fn in_raw_html(&self) -> bool {
        self.parent().is_some_and(|f| f.kind == Kind::HtmlElement && f.content_model == Some(ContentModel::Raw))
    }

    fn span_html(&mut self, name: &str, attr: &Attrs, el: &Element, out: &mut String) {
        put(out, "<");
        put(out, name);
        self.html_attributes(attr, out);
        put(out, ">");
        self.inner(el, 0, out);
        put(out, "</");
        put(out, name);
        put(out, ">");
    }

    /// `<name attrs>` at `indent`, then `inner` writes the body, then `</name>` and a newline.
    fn block_html(&mut self, name: &str, attr: &Attrs, indent: usize, out: &mut String, inner: impl FnOnce(&mut Self, &mut String)) {
        pad(out, indent);
        put(out, "<");
        put(out, name);
        self.html_attributes(attr, out);
        put(out, ">");
        inner(self, out);
        put(out, "</");
        put(out, name);
        put(out, ">\n");
    }

    fn indented_block(&mut self, name: &str, attr: &Attrs, el: &Element, indent: usize, out: &mut String) {
        self.indented_block_with(name, attr, indent, out, |this, out| this.inner(el, indent, out));
    }

    /// `<name attrs>` on its own line at `indent`, the body, and `</name>` on its own line.
    fn indented_block_with(&mut self, name: &str, attr: &Attrs, indent: usize, out: &mut String, body: impl FnOnce(&mut Self, &mut String)) {
        pad(out, indent);
        put(out, "<");
        put(out, name);
        self.html_attributes(attr, out);
        put(out, ">\n");
        body(self, out);
        pad(out, indent);
        put(out, "</");
        put(out, name);
        put(out, ">\n");
    }

    /// ` key="value"` for each attribute; nothing for an empty `id`.
    fn html_attributes(&self, attr: &Attrs, out: &mut String) {
        for (key, value) in attr.iter() {
            if key == "id" && patterns::strip(value).is_empty() {
                continue;
            }
            put(out, " ");
            put(out, key);
            put(out, "=\"");
            escape_html(out, value, Escape::Attribute);
            put(out, "\"");
        }
    }

    /// An entity as `entity_output` asks (`entity_to_str`).
    fn write_entity(&self, entity: Entity, original: Option<&str>, out: &mut String) {
        let output = self.options.entity_output;
        let c = entity.char();
        let needs_escape = |c: char| matches!(c, '<' | '>' | '&' | '"');
        match c {
            Some(c) if output == EntityOutput::AsChar && (c == '"' || !needs_escape(c)) => out.push(c),
            _ if matches!(output, EntityOutput::AsInput | EntityOutput::AsChar) && original.is_some() => {
                out.push_str(original.expect("checked"));
            }
            _ if (output == EntityOutput::Symbolic || c.is_some_and(needs_escape)) && entity.name.is_some() => {
                put(out, "&");
                out.push_str(entity.name.expect("checked"));
                put(out, ";");
            }
            _ => {
                out.push_str("&#");
                out.push_str(&entity.code_point.to_string());
                put(out, ";");
            }
        }
    }

    /// [`Self::write_entity`] as a string of its own.
    fn entity_string(&self, entity: Entity) -> String {
        let mut out = String::new();
        self.write_entity(entity, None, &mut out);
        out
    }
}

/// One level of kramdown's indentation.
const INDENT: usize = 2;

/// `n` spaces of indentation.
fn pad(out: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = n;
    while n > 0 {
        let step = n.min(SPACES.len());
        put(out, &SPACES[..step]);
        n -= step;
    }
}

fn table_tag(kind: Kind) -> &'static str {
    match kind {
        Kind::Table => "table",
        Kind::Thead => "thead",
        Kind::Tbody => "tbody",
        Kind::Tfoot => "tfoot",
        _ => "tr",
    }
}

fn convert_raw(el: &Element, out: &mut String) {
    let types = &el.options.raw_types;
    if types.is_empty() || types.iter().any(|t| t == "html") {
        out.push_str(&el.value);
        if el.is_block() {
            put(out, "\n");
        }
    }
}

/// What `escape_html` escapes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// `<`, `>` and `&`.
    All,
    /// `<`, `>` and `&`, except `&` starting a character reference.
    Text,
    /// As `Text`, and `"`.
    Attribute,
}

/// kramdown's `escape_html`.
pub fn escape_html(out: &mut String, s: &str, mode: Escape) {
    let bytes = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    // Runs without a character to escape are found a chunk of bytes at a time and copied whole.
    while let Some(offset) = chunk::find_any(&bytes[i..], b"<>&\"") {
        i += offset;
        match bytes[i] {
            b'"' if mode != Escape::Attribute => {
                i += 1;
                continue;
            }
            b'&' if mode != Escape::All => {
                if let Some((_, len)) = patterns::html_entity(&s[i..]) {
                    i += len;
                    continue;
                }
            }
            _ => {}
        }
        put(out, &s[last..i]);
        // Each written as a constant: one chosen at run time was copied by a call, which V8
        // makes out of WebAssembly.
        match bytes[i] {
            b'<' => put(out, "&lt;"),
            b'>' => put(out, "&gt;"),
            b'"' => put(out, "&quot;"),
            _ => put(out, "&amp;"),
        }
        i += 1;
        last = i;
    }
    put(out, &s[last..]);
}

/// REXML's `REFERENCE_RE` (`&(?:([\w:][\-\w\.:]*);|#\d+;|#x[0-9a-fA-F]+;)`, which is kramdown's
/// `HTML_ENTITY_RE`) at the start of `s`: its length.
pub fn reference_len(s: &str) -> Option<usize> {
    super::patterns::html_entity(s).map(|(_, len)| len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str, mode: Escape) -> String {
        let mut out = String::new();
        escape_html(&mut out, s, mode);
        out
    }

    #[test]
    fn text_escaping_keeps_character_references() {
        assert_eq!(escaped("a &amp; b & c &#160; &#xA0; <d>", Escape::Text), "a &amp; b &amp; c &#160; &#xA0; &lt;d&gt;");
        assert_eq!(escaped("&amp; \"", Escape::All), "&amp;amp; \"");
        assert_eq!(escaped("say \"&x;\"", Escape::Attribute), "say &quot;&x;&quot;");
    }
}
