//! The parser's machinery (kramdown's `Parser::Kramdown` and `Parser::GFM` core): the block
//! loop, the span loop, and the tree updates that run between them.
//!
//! Parsing happens as kramdown does it. The block pass tries each block parser, in
//! kramdown's order, at the start of every line; constructs that hold blocks (quotes, list
//! items, HTML elements) take their lines, strip their markers and parse the result again.
//! Text is kept as `RawText` until [`Parser::update_tree`] runs the span pass over it; a
//! paragraph of the body keeps it where it is in the body (`Parser::keep_in_body`), and its
//! spans are parsed there. Each construct lives in its own module under `block/` or `span/` as
//! methods on [`Parser`].

use super::block::abbreviation::Abbreviations;
use super::element::{Attrs, Element, EobKind, Ial, Kind, Mark, Symbol};
use super::header_ids::IdCounter;
use super::patterns;
use super::scanner::Scanner;
use crate::options::{EntityOutput, GfmQuirk, Input, Options};
use crate::name_map::NameMap;
use std::borrow::Cow;

/// A problem kramdown would warn about, with the body line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// A footnote definition and whether a reference used it.
pub struct FootnoteDef {
    pub content: Element,
    pub referenced: bool,
    pub location: usize,
}

/// Everything the parse produced besides the tree, which the converter needs too.
#[derive(Default)]
pub struct DocumentData {
    /// Footnote definitions by name, in definition order (a second definition replaces the
    /// first in its place).
    pub footnotes: NameMap<FootnoteDef>,
    /// Abbreviation → title, and attributes from an attribute list after the definition.
    pub abbrev_defs: NameMap<String>,
    pub abbrev_attr: NameMap<Attrs>,
}

/// How many constructs may nest inside each other. Past this depth the text is kept as a
/// paragraph: deeper nesting is not an article, and it keeps the recursion within the
/// WebAssembly stack.
pub const MAX_NESTING: usize = 64;

/// Declares a fieldless enum and `ALL`, its variants in the order written: the parsers are
/// tried in that order, so the list is written once.
macro_rules! ordered_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        $vis enum $name { $($variant,)+ }

        impl $name {
            /// Every variant, in the order written.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
        }
    };
}

ordered_enum! {
    /// The block parsers, in the order kramdown tries them.
    pub enum BlockParser {
        BlankLine,
        Codeblock,
        CodeblockFenced,
        Blockquote,
        AtxHeader,
        HorizontalRule,
        List,
        DefinitionList,
        BlockHtml,
        SetextHeader,
        BlockMath,
        Table,
        FootnoteDefinition,
        LinkDefinition,
        AbbrevDefinition,
        BlockExtensions,
        EobMarker,
        Paragraph,
    }
}

impl BlockParser {
    /// Whether the parser's start pattern can match a line starting with byte `start`, whose
    /// first byte after up to three spaces is `first`. Parsers that cannot are not tried: each
    /// would only look and give up, without effect (the few that warn or consume when they
    /// give up, block math, extensions and tables, do so only past these bytes).
    const fn may_start(self, start: u8, first: u8) -> bool {
        use BlockParser::*;
        match self {
            BlankLine => patterns::is_space(start),
            Codeblock => matches!(start, b' ' | b'\t'),
            CodeblockFenced => matches!(first, b'~' | b'`'),
            Blockquote => first == b'>',
            AtxHeader => start == b'#',
            HorizontalRule => matches!(first, b'*' | b'-' | b'_'),
            List => matches!(first, b'+' | b'*' | b'-' | b'0'..=b'9'),
            DefinitionList => first == b':',
            BlockHtml => first == b'<',
            BlockMath => matches!(first, b'$' | b'\\'),
            FootnoteDefinition | LinkDefinition => first == b'[',
            AbbrevDefinition => first == b'*',
            BlockExtensions => first == b'{',
            EobMarker => start == b'^',
            SetextHeader | Table | Paragraph => true,
        }
    }

    /// The parsers that [`Self::may_start`] lets be tried, a bit each at their index in
    /// [`Self::ALL`]: each parser's test is of one of the two bytes (and a zero starts none), so
    /// a table for each byte gives them, where asking each parser in turn was nineteen tests a
    /// block.
    fn candidates(start: u8, first: u8) -> u32 {
        const fn table(of_start: bool) -> [u32; 256] {
            let mut table = [0; 256];
            let mut b = 0;
            while b < 256 {
                let mut i = 0;
                while i < BlockParser::ALL.len() {
                    let (start, first) = if of_start { (b as u8, 0) } else { (0, b as u8) };
                    if BlockParser::ALL[i].may_start(start, first) {
                        table[b] |= 1 << i;
                    }
                    i += 1;
                }
                b += 1;
            }
            table
        }
        const BY_START: [u32; 256] = table(true);
        const BY_FIRST: [u32; 256] = table(false);
        BY_START[usize::from(start)] | BY_FIRST[usize::from(first)]
    }
}

ordered_enum! {
    /// The span parsers, in kramdown's order (GFM's strikethrough last), each at the index of
    /// its bit in a start table. The active ones depend on the options ([`Parser::span_parsers`]).
    pub enum SpanParser {
        Emphasis,
        Codespan,
        Autolink,
        SpanHtml,
        FootnoteMarker,
        Link,
        SmartQuotes,
        InlineMath,
        SpanExtensions,
        HtmlEntity,
        TypographicSyms,
        LineBreak,
        EscapedChars,
        Strikethrough,
    }
}

impl SpanParser {
    /// The set of `parsers`, a bit each (at its index in [`SpanParser::ALL`]).
    pub fn set(parsers: &[SpanParser]) -> u16 {
        parsers.iter().fold(0, |set, &p| set | 1 << p as u16)
    }
}

pub struct Parser<'o> {
    /// The caller's options, copied only if `{::options}` changes them.
    pub options: Cow<'o, Options>,
    pub src: Scanner,
    /// A block attribute list waiting for the next block.
    pub block_ial: Option<Ial>,
    /// The kind of text the current pass adds: `RawText` in the block pass, `Text` in spans.
    pub text_kind: Kind,
    pub alds: NameMap<Ial>,
    /// Link definitions: normalised id → (url, title).
    pub link_defs: NameMap<(String, Option<String>)>,
    /// The attribute list of each link definition, for the links using it (kramdown keeps
    /// the definition's end-of-block element and reads its list when a link uses it).
    pub link_def_ials: NameMap<Option<Ial>>,
    /// The attribute list of each abbreviation definition, resolved once parsing is done.
    pub abbrev_ials: NameMap<Option<Ial>>,
    /// The abbreviations, once every definition is known.
    pub(crate) abbreviations: Abbreviations,
    pub data: DocumentData,
    pub warnings: Vec<Warning>,
    /// Set by a closing HTML tag to end the block parse of its element (kramdown's `throw`).
    pub stop_block_parsing: bool,
    /// How deep parsing is nested: blocks in blocks, then spans in spans.
    pub depth: usize,
    /// The active span parsers, a bit each ([`SpanParser::set`]).
    pub span_parsers: u16,
    /// The kinds of the elements span parses are inside (`@tree` and `@stack`); those of the
    /// current span environment start at `span_base`.
    pub(crate) span_stack: Vec<Kind>,
    pub(crate) span_base: usize,
    /// Whether an attribute list read so far refers to `toc`: only then can the converter
    /// need the headers for a table of contents. Lists are blocks, and the block pass reads
    /// every attribute list of a block before anything is written.
    pub toc_referenced: bool,
    /// GFM header ids already given (`@id_counter`).
    pub gfm_ids: IdCounter,
    /// What a hard line break is in GFM text (`@hard_line_break`): a newline with
    /// `hard_wrap`, a backslash and a newline without. Set from the options the parse starts
    /// with, as kramdown does: `{::options hard_wrap=...}` does not change it. `None` where no
    /// text can hold one.
    pub(crate) gfm_hard_break: Option<&'static str>,
    /// Whether the options stay as given for the whole text (no `{::options}` in it), so a span
    /// may be written as the HTML they will give it. Off unless the caller knows.
    pub options_fixed: bool,
    /// Whether the options the parse starts with write a right single quote as the character
    /// `’` (`entity_output: as_char`, `rsquo` kept): read only where they stay so
    /// (`options_fixed`), once for every span parse.
    pub(crate) rsquo_as_char: bool,
    /// The body, once the block pass is done with it: the spans of its paragraphs are parsed
    /// where their text is in it (lent to the span pass's scanner), not in a copy.
    body: String,
    /// Where the body's text is while the block pass scans it (it does not move).
    body_address: Option<usize>,
    /// The paragraphs whose text is still in the body ([`Mark::TextInBody`]): their first
    /// line, then where their text starts and ends, in the order of their lines.
    body_texts: Vec<BodyText>,
}

/// What updating one child gives ([`Parser::update_children`]): the child, or the spans its raw
/// text was (taken out of the vector).
enum Updated<'a> {
    One(Element),
    Many(&'a mut Vec<Element>),
}

/// Where a paragraph's text is in the body ([`Parser::body_texts`]).
#[derive(Clone, Copy)]
struct BodyText {
    line: u32,
    start: u32,
    end: u32,
    /// The text is one line of the body: it holds no newline.
    one_line: bool,
}

impl<'o> Parser<'o> {
    pub fn new(options: Cow<'o, Options>) -> Self {
        let gfm_hard_break = Some(if options.hard_wrap { "\n" } else { "\\\n" });
        let rsquo_as_char = options.entity_output == EntityOutput::AsChar && options.smart_quotes[1] == Symbol::Rsquo.name();
        let mut parser = Parser {
            options,
            src: Scanner::new(String::new(), 1),
            block_ial: None,
            text_kind: Kind::RawText,
            alds: NameMap::new(),
            link_defs: NameMap::new(),
            link_def_ials: NameMap::new(),
            abbrev_ials: NameMap::new(),
            abbreviations: Abbreviations::default(),
            data: DocumentData::default(),
            warnings: Vec::new(),
            stop_block_parsing: false,
            depth: 0,
            span_parsers: 0,
            span_stack: Vec::new(),
            span_base: 0,
            toc_referenced: false,
            gfm_ids: IdCounter::default(),
            gfm_hard_break,
            options_fixed: false,
            rsquo_as_char,
            body: String::new(),
            body_address: None,
            body_texts: Vec::new(),
        };
        for (id, url, title) in &parser.options.link_defs {
            parser.link_defs.insert(normalize_link_id(id), (url.clone(), title.clone()));
        }
        parser.configure_span_parsers();
        parser
    }

    pub fn is_gfm(&self) -> bool {
        self.options.input == Input::Gfm
    }

    /// The span parsers for the current options (`configure_parser` and GFM's changes: no
    /// line breaks with `hard_wrap`, no typographic symbols with `no_auto_typographic`, and
    /// strikethrough last).
    pub fn configure_span_parsers(&mut self) {
        use SpanParser::*;
        let gfm = self.is_gfm();
        let mut set = SpanParser::set(SpanParser::ALL);
        let mut leave_out = |p: SpanParser| set &= !SpanParser::set(&[p]);
        if gfm && self.options.hard_wrap {
            leave_out(LineBreak);
        }
        if gfm && self.options.gfm_quirks.contains(&GfmQuirk::NoAutoTypographic) {
            leave_out(TypographicSyms);
        }
        if !gfm {
            leave_out(Strikethrough);
        }
        self.span_parsers = set;
    }

    /// Parses the whole body into `root` (`Parser::Kramdown#parse`).
    pub fn parse(&mut self, root: &mut Element, body: &str) {
        self.parse_block_pass(root, body.to_owned(), crate::survey::Survey::of(body).carriage_return);
        let mut finished = Vec::with_capacity(root.children.len());
        self.finish_top_level(std::mem::take(&mut root.children), |_, holder| finished.append(&mut holder.children));
        finished.shrink_to_fit();
        root.children = finished;
        self.finish_footnotes();
        if !self.options_fixed {
            self.finish_gfm(root);
        }
    }

    /// The block pass over the whole body: what follows needs every definition it makes
    /// (links, abbreviations, attribute lists, footnotes), wherever they are.
    /// Returns how many lines the body has, as kramdown numbers them. `carriage_return`: whether
    /// the body holds a `\r`.
    pub fn parse_block_pass(&mut self, root: &mut Element, body: String, carriage_return: bool) -> usize {
        let body = adapt_source(body, carriage_return);
        self.body_address = Some(body.as_ptr() as usize);
        let outer = std::mem::replace(&mut self.src, Scanner::new(body, 1));
        self.parse_blocks(root, None, 1);
        // The block pass has counted the lines up to its last block: the rest is counted here,
        // not the whole body again. The adapted body ends each of its lines with a newline.
        let lines = self.src.newlines();
        self.body = std::mem::replace(&mut self.src, outer).into_text();
        self.body_address = None;
        // Abbreviations' order and attributes depend only on definitions, all known now.
        self.correct_abbreviations_attributes();
        lines
    }

    /// Whether the block pass is scanning the body itself (not a container's text).
    pub(crate) fn scanning_body(&self) -> bool {
        self.body_address == Some(self.src.text().as_ptr() as usize)
    }

    /// Leaves a new paragraph's text where it is in the body, from `start` to `end`, when it can
    /// be found again by the paragraph's first line. Most of a long article's text is in its
    /// paragraphs: kept once instead of twice, it is not the largest part of the memory a
    /// render needs.
    pub(crate) fn keep_in_body(&mut self, para: &mut Element, start: usize, end: usize, one_line: bool) -> bool {
        let (Ok(line), Ok(start), Ok(end)) = (u32::try_from(para.location), u32::try_from(start), u32::try_from(end)) else {
            return false;
        };
        if !self.scanning_body() || self.body_texts.last().is_some_and(|last| last.line >= line) {
            return false;
        }
        self.body_texts.push(BodyText { line, start, end, one_line });
        para.flags.set(Mark::TextInBody, true);
        true
    }

    /// Where a paragraph's text is in the body.
    fn body_text_of(&mut self, para: &Element) -> &mut BodyText {
        let line = u32::try_from(para.location).unwrap_or(u32::MAX);
        let index = self.body_texts.binary_search_by_key(&line, |t| t.line);
        &mut self.body_texts[index.expect("a paragraph marked as in the body is listed")]
    }

    /// Makes a paragraph kept in the body go on up to `end` when the body holds exactly what
    /// joining it to the text from `from` gives (`joiner`, then that text).
    pub(crate) fn extend_in_body(&mut self, para: &Element, joiner: &str, from: usize, end: usize) -> bool {
        let Ok(end) = u32::try_from(end) else { return false };
        if !self.scanning_body() {
            return false;
        }
        let old_end = self.body_text_of(para).end as usize;
        if self.src.text().get(old_end..from) != Some(joiner) {
            return false;
        }
        let text = self.body_text_of(para);
        text.end = end;
        text.one_line = false;
        true
    }

    /// Gives a paragraph kept in the body its text, as a child of its own: what the block pass
    /// (which scans the body) does to one it changes; the span pass parses the others' text
    /// where it is ([`Self::parse_spans_in_body`]).
    pub(crate) fn text_out_of_body(&mut self, para: &mut Element) {
        if !para.flags.has(Mark::TextInBody) {
            return;
        }
        debug_assert!(self.scanning_body(), "a paragraph's text taken out of the body after the block pass");
        let (range, _) = self.take_body_text(para);
        self.add_text_of_kind(&self.src.text()[range], para, Kind::RawText);
    }

    /// Where a paragraph kept in the body has its text there; the paragraph is marked as no
    /// longer kept so, as its text is about to be read.
    fn take_body_text(&mut self, para: &mut Element) -> (std::ops::Range<usize>, bool) {
        para.flags.set(Mark::TextInBody, false);
        let BodyText { start, end, one_line, .. } = *self.body_text_of(para);
        (start as usize..end as usize, one_line)
    }

    /// Finishes the root's children one by one, in order, as kramdown's passes over the whole
    /// root would (`update_tree`, `replace_abbreviations`, GFM's `update_elements`): spans
    /// parsed, blank runs joined, end-of-block markers gone. Each step's top-level elements are
    /// handed to `emit` in a root of their own, so they can be written and dropped before the
    /// next are made.
    pub fn finish_top_level(&mut self, children: Vec<Element>, mut emit: impl FnMut(&Parser, &mut Element)) {
        // One holder for every step: its list of children is made once, not once a block.
        let mut holder = Element::new(Kind::Root).at(1);
        self.update_children(children, 1, |parser, given| {
            holder.children.clear();
            match given {
                Updated::One(el) => holder.children.push(el),
                Updated::Many(elements) => holder.children.append(elements),
            }
            parser.finish_step(&mut holder, &mut emit);
        });
        self.body = String::new();
        self.body_texts = Vec::new();
    }

    /// Updates `children` in order (`update_tree`'s loop) and hands on what each gives: spans
    /// parsed from raw text (with a fresh span environment at `location`), other children
    /// updated, end-of-block markers dropped, runs of blank lines joined into their first.
    #[cfg_attr(folio_unstable, optimize(speed))]
    fn update_children(&mut self, children: Vec<Element>, location: usize, mut take: impl FnMut(&mut Self, Updated)) {
        let mut blank: Option<Element> = None;
        for mut child in children {
            match child.kind {
                // End-of-block markers go; their attribute lists were applied when read.
                Kind::Eob => continue,
                Kind::Blank => {
                    match &mut blank {
                        Some(run) => run.value.push_str(&child.value),
                        None => blank = Some(child),
                    }
                    continue;
                }
                _ => {}
            }
            if let Some(run) = blank.take() {
                take(self, Updated::One(run));
            }
            if child.kind == Kind::RawText {
                let mut holder = Element::new(Kind::Temp).at(location);
                self.parse_span_text(&mut holder, child.value, location);
                take(self, Updated::Many(&mut holder.children));
            } else {
                self.update_child(&mut child);
                take(self, Updated::One(child));
            }
        }
        if let Some(run) = blank {
            take(self, Updated::One(run));
        }
    }

    fn finish_step(&mut self, holder: &mut Element, emit: &mut impl FnMut(&Parser, &mut Element)) {
        self.replace_abbreviations(holder);
        if self.options_fixed {
            self.finish_gfm(holder);
        }
        emit(self, holder);
    }

    /// GFM's pass (`update_elements`: header ids, hard line breaks). kramdown runs it once the
    /// whole parse is done, footnotes included, with the options `{::options}` left: a step is
    /// given it as soon as it is finished only while the options cannot change
    /// (`options_fixed`); otherwise the caller gives it the whole root at the end.
    pub fn finish_gfm(&mut self, root: &mut Element) {
        if self.is_gfm() {
            self.update_gfm_elements(root);
        }
    }

    /// Finishes the footnote definitions once the root is done (kramdown does them after it),
    /// and warns about those no reference used.
    pub fn finish_footnotes(&mut self) {
        // Each footnote's content is taken out while it is updated, the others staying
        // visible to the references in it.
        for index in 0..self.data.footnotes.len() {
            let slot = &mut self.data.footnotes.values_mut()[index].content;
            let mut content = std::mem::replace(slot, Element::new(Kind::Temp));
            self.update_tree(&mut content);
            self.replace_abbreviations(&mut content);
            self.data.footnotes.values_mut()[index].content = content;
        }
        let unreferenced: Vec<(String, usize)> = (self.data.footnotes.iter())
            .filter(|(_, def)| !def.referenced)
            .map(|(name, def)| (name.to_owned(), def.location))
            .collect();
        for (name, location) in unreferenced {
            self.warn_at(location, format!("Footnote definition for '{name}' is unreferenced - ignoring"));
        }
    }

    pub fn warn(&mut self, message: impl Into<String>) {
        let line = self.src.current_line_number();
        self.warn_at(line, message);
    }

    pub fn warn_at(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning { line, message: message.into() });
    }

    /// Parses the blocks of `text` (or of the current source when `None`) into `tree`.
    /// Returns whether a closing HTML tag stopped it (kramdown's `:found`).
    pub fn parse_blocks(&mut self, tree: &mut Element, text: Option<String>, location: usize) -> bool {
        let saved_ial = self.block_ial.take();
        let saved_src = text.map(|t| std::mem::replace(&mut self.src, Scanner::new(t, location)));
        self.depth += 1;
        let mut found = false;
        while !self.src.eos() {
            let rest = self.src.rest().as_bytes();
            let (start, first) = (rest[0], rest.get(patterns::opt_space(self.src.rest())).copied().unwrap_or(b'\n'));
            let mut candidates = BlockParser::candidates(start, first);
            let mut started = false;
            while candidates != 0 && !started {
                let parser = BlockParser::ALL[candidates.trailing_zeros() as usize];
                candidates &= candidates - 1;
                started = self.try_block(parser, tree);
            }
            if !started {
                // Every line starts some block (a paragraph at worst); kramdown warns and moves on.
                let line = self.src.scan_line().to_owned();
                self.add_text(&line, tree);
            }
            if self.stop_block_parsing {
                self.stop_block_parsing = false;
                found = true;
                break;
            }
        }
        self.depth -= 1;
        if let Some(src) = saved_src {
            self.src = src;
        }
        self.block_ial = saved_ial;
        // The tree lives until the HTML is written: room left by doubling would be up to
        // twice the elements' own size.
        tree.children.shrink_to_fit();
        found
    }

    fn try_block(&mut self, parser: BlockParser, tree: &mut Element) -> bool {
        use BlockParser::*;
        if self.depth > MAX_NESTING && parser != Paragraph && parser != BlankLine {
            return false;
        }
        match parser {
            BlankLine => self.parse_blank_line(tree),
            Codeblock => self.parse_codeblock(tree),
            CodeblockFenced => self.parse_codeblock_fenced(tree),
            Blockquote => self.parse_blockquote(tree),
            AtxHeader => self.parse_atx_header(tree),
            HorizontalRule => self.parse_horizontal_rule(tree),
            BlockHtml => self.parse_block_html(tree),
            SetextHeader => self.parse_setext_header(tree),
            List => self.parse_list(tree),
            DefinitionList => self.parse_definition_list(tree),
            BlockMath => self.parse_block_math(tree),
            Table => self.parse_table(tree),
            FootnoteDefinition => self.parse_footnote_definition(tree),
            LinkDefinition => self.parse_link_definition(tree),
            AbbrevDefinition => self.parse_abbrev_definition(tree),
            BlockExtensions => self.parse_block_extensions(tree),
            EobMarker => self.parse_eob_marker(tree),
            Paragraph => self.parse_paragraph(tree),
        }
    }

    /// A new block element, taking the waiting block attribute list (`new_block_el`).
    pub fn new_block_el(&mut self, kind: Kind, location: usize) -> Element {
        let mut el = Element::new(kind).at(location);
        if let Some(ial) = self.block_ial.take() {
            el.options.ial = Some(ial);
        }
        el
    }

    /// Keeps the attribute list of a link or abbreviation definition's end-of-block element
    /// (whose value is the definition's id) where the links and abbreviations will find it.
    pub fn note_definition_ial(&mut self, eob: &Element) {
        let map = match eob.flags.eob {
            Some(EobKind::LinkDef) => &mut self.link_def_ials,
            Some(EobKind::AbbrevDef) => &mut self.abbrev_ials,
            _ => return,
        };
        // A definition without a list clears the list an earlier one of the same id had.
        map.insert(eob.value.clone(), eob.options.ial.clone());
    }

    /// Adds text to `tree`, joining it to its last child when that is text of the same kind.
    pub fn add_text(&self, text: &str, tree: &mut Element) {
        self.add_text_of_kind(text, tree, self.text_kind);
    }

    /// Moves past the next `len` bytes of the text, adding them to `tree` as text (without
    /// the copy that taking them first and adding them then would need).
    pub fn take_text(&mut self, len: usize, tree: &mut Element) {
        self.take_text_of_kind(len, tree, self.text_kind);
    }

    /// [`Self::take_text`], as text of `kind`.
    #[cfg_attr(folio_unstable, optimize(speed))]
    pub fn take_text_of_kind(&mut self, len: usize, tree: &mut Element, kind: Kind) {
        let start = self.src.pos;
        self.src.pos += len;
        self.add_text_of_kind(&self.src.text()[start..self.src.pos], tree, kind);
    }

    /// Moves to the end of the text, adding what is left to `tree` as text.
    pub fn take_rest(&mut self, tree: &mut Element) {
        self.take_text(self.src.rest().len(), tree);
    }

    /// Moves past the next character, adding it as text: what kramdown does where a span
    /// construct fails (`getch`).
    pub fn take_char(&mut self, tree: &mut Element) {
        self.take_text(self.src.char_len(), tree);
    }

    /// The text of `kind` that text added to `tree` now goes to, with room for `room` bytes more:
    /// the last child's value, or a new child's. For text added in pieces whose length is known
    /// first, which [`Self::add_text_of_kind`] would grow piece by piece.
    pub fn text_with_room(tree: &mut Element, kind: Kind, room: usize) -> &mut String {
        let location = match tree.children.last_mut() {
            Some(last) if last.kind == kind => None,
            last => Some(last.map_or(tree.location, |l| l.location)),
        };
        if let Some(location) = location {
            tree.children.push(Element::with_value(kind, String::with_capacity(room)).at(location));
        }
        let text = &mut tree.children.last_mut().expect("a text was found or pushed above").value;
        text.reserve(room);
        text
    }

    #[cfg_attr(folio_unstable, optimize(speed))]
    pub fn add_text_of_kind(&self, text: &str, tree: &mut Element, kind: Kind) {
        match tree.children.last_mut() {
            Some(last) if last.kind == kind => crate::put::put(&mut last.value, text),
            last => {
                if !text.is_empty() {
                    let location = last.map_or(tree.location, |l| l.location);
                    // Most blocks hold one text: room for four would be mostly unused. Made with
                    // its room, where `reserve_exact` went through growing's calls.
                    if tree.children.capacity() == 0 {
                        tree.children = Vec::with_capacity(1);
                    }
                    tree.children.push(Element::with_value(kind, text).at(location));
                }
            }
        }
    }

    /// Whether the current position follows a block boundary: the start of the text, a blank
    /// line, a `^` marker, or a waiting block attribute list (`after_block_boundary?`).
    pub fn after_block_boundary(&self, tree: &Element) -> bool {
        self.block_ial.is_some()
            || tree.children.last().is_none_or(|last| {
                last.kind == Kind::Blank || (last.kind == Kind::Eob && last.flags.eob == Some(EobKind::Marker))
            })
    }

    /// Whether a block boundary follows: a blank line, a `^` marker, a block attribute list,
    /// or the end of the text (`before_block_boundary?`).
    pub fn before_block_boundary(&self) -> bool {
        let rest = self.src.rest();
        rest.is_empty()
            || rest == "\n"
            || patterns::blank_lines(rest).is_some()
            || patterns::eob_marker(rest).is_some()
            || patterns::ial_block_start(rest, &self.src.braces).is_some()
    }

    /// Runs the span pass over every `RawText`, merges blank lines, and applies attribute
    /// lists to the elements they belong to (`update_tree`).
    #[cfg_attr(folio_unstable, optimize(speed))]
    pub fn update_tree(&mut self, element: &mut Element) {
        // Only raw text turns into other elements: children lists without any are updated in
        // place, so that the root's (a few hundred thousand elements' worth on a long
        // document) is not held twice.
        if !element.children.iter().any(|c| c.kind == Kind::RawText) {
            return self.update_children_in_place(&mut element.children);
        }
        let children = std::mem::take(&mut element.children);
        // A paragraph's raw text gives its spans with their own list (below).
        let text_alone = children.len() == 1 && children[0].kind == Kind::RawText;
        let mut updated = if text_alone { Vec::new() } else { Vec::with_capacity(children.len()) };
        self.update_children(children, element.location, |_, given| match given {
            Updated::One(el) => updated.push(el),
            // A paragraph's spans are all its children: their list is taken as it is, not
            // copied into a second one as long (a long paragraph's peak memory was both).
            Updated::Many(elements) if updated.is_empty() => std::mem::swap(&mut updated, elements),
            Updated::Many(elements) => updated.append(elements),
        });
        updated.shrink_to_fit();
        element.children = updated;
    }

    /// [`Self::update_tree`] for children without raw text: end-of-block markers removed and
    /// consecutive blank lines joined by moving the kept children down.
    fn update_children_in_place(&mut self, children: &mut Vec<Element>) {
        let mut kept = 0;
        let mut last_blank: Option<usize> = None;
        for i in 0..children.len() {
            match children[i].kind {
                Kind::Eob => continue,
                Kind::Blank => match last_blank {
                    Some(blank) => {
                        let value = std::mem::take(&mut children[i].value);
                        children[blank].value.push_str(&value);
                        continue;
                    }
                    None => last_blank = Some(kept),
                },
                _ => {
                    last_blank = None;
                    self.update_child(&mut children[i]);
                }
            }
            children.swap(kept, i);
            kept += 1;
        }
        children.truncate(kept);
    }

    /// A child that stays: its own children updated, its attribute list applied, and the text
    /// automatic ids are made from kept.
    fn update_child(&mut self, child: &mut Element) {
        // The span pass runs once the block pass has given the body back, and a paragraph kept
        // in it has no children yet (its text is its only content).
        if child.flags.has(Mark::TextInBody) {
            self.parse_spans_in_body(child);
        } else {
            self.update_tree(child);
        }
        if let Some(ial) = child.options.ial.clone() {
            self.update_attr_with_ial(&mut child.attr, &ial);
        }
        if child.kind == Kind::Dt || (child.kind == Kind::Header && self.header_ids_use_stripped_text()) {
            child.options.raw_text = Some(self.raw_text_of(child));
        }
    }

    /// GFM ids (and kramdown's deprecated `auto_id_stripping`) are made from the header's text
    /// after span parsing.
    fn header_ids_use_stripped_text(&self) -> bool {
        self.is_gfm() || self.options.auto_id_stripping
    }

    /// Parses `text` as spans into `holder` (a new element) with a fresh span environment
    /// (`reset_env`): no enclosing elements count.
    #[cfg_attr(folio_unstable, optimize(speed))]
    pub fn parse_span_text(&mut self, holder: &mut Element, text: String, location: usize) {
        debug_assert!(holder.children.is_empty(), "spans parsed into a holder that has some");
        // A table cell, a short header or list item is often words alone: one text, without a
        // scanner, a table of start bytes and a search, and kept as it is, not copied. A longer
        // text nearly always holds a line end or punctuation, and looking would be wasted.
        if text.len() <= SHORT_TEXT && super::span::starts_nothing(&text) {
            if !text.is_empty() {
                holder.children = vec![Element::with_value(Kind::Text, text).at(holder.location)];
            }
            return;
        }
        let len = text.len();
        self.parse_spans_of(holder, text, 0..len, false, location);
    }

    /// Parses the spans of a paragraph whose text is still in the body where it is, without a
    /// copy of it, as [`Self::update_tree`] parses those of a paragraph holding its text: the
    /// body lends its text to the scanner, which gives it back.
    #[inline(never)]
    fn parse_spans_in_body(&mut self, para: &mut Element) {
        let (range, one_line) = self.take_body_text(para);
        let body = std::mem::take(&mut self.body);
        // The paragraph holds its spans itself: no span construct looks at a holder's kind
        // unless it is a span's.
        self.body = self.parse_spans_of(para, body, range, one_line, para.location);
        para.children.shrink_to_fit();
    }

    /// Parses `text[range]` as spans into `holder` with a fresh span environment, and gives
    /// the text back. `one_line`: that part of the text holds no newline.
    #[inline(never)]
    fn parse_spans_of(&mut self, holder: &mut Element, text: String, range: std::ops::Range<usize>, one_line: bool, location: usize) -> String {
        let saved_src = std::mem::replace(&mut self.src, Scanner::new(text, location));
        self.src.narrow(range, one_line);
        let saved_kind = std::mem::replace(&mut self.text_kind, Kind::Text);
        // A fresh environment starts above the enclosing one, which it does not see.
        let saved_base = std::mem::replace(&mut self.span_base, self.span_stack.len());
        self.parse_spans(holder, None, None);
        self.span_base = saved_base;
        self.text_kind = saved_kind;
        std::mem::replace(&mut self.src, saved_src).into_text()
    }

    /// Applies an attribute list, and the definitions it refers to, to `attr`
    /// (`update_attr_with_ial`).
    pub fn update_attr_with_ial(&self, attr: &mut Attrs, ial: &Ial) {
        self.apply_ial(attr, ial, 0);
    }

    fn apply_ial(&self, attr: &mut Attrs, ial: &Ial, depth: usize) {
        // Definitions may refer to each other; a cycle must not recurse forever.
        if depth > 16 {
            return;
        }
        for name in &ial.refs {
            if let Some(def) = self.alds.get(name) {
                self.apply_ial(attr, def, depth + 1);
            }
        }
        for (key, value) in ial.attrs.iter() {
            if key == "class" {
                attr.add_class(value);
            } else {
                attr.set(key, value);
            }
        }
    }
}

/// The longest text [`Parser::parse_span_text`] first looks at for a span start.
const SHORT_TEXT: usize = 64;

/// Normalises the source as kramdown does before parsing (`adapt_source`): `\r\n` and `\r`
/// become `\n`, and the text ends with exactly one newline. Usually nothing changes, and the
/// text is kept where it is. `carriage_return`: whether the text holds a `\r`, which its
/// caller has found out.
pub fn adapt_source(mut text: String, carriage_return: bool) -> String {
    if carriage_return {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    // Ruby's chomp removes one trailing line end.
    if text.ends_with('\n') {
        text.pop();
    } else {
        text.reserve_exact(1);
    }
    text.push('\n');
    text
}

/// Link ids match case-insensitively and with runs of white space as one space
/// (`normalize_link_id`: `id.gsub(/[\s]+/, ' ').downcase`; not stripped).
pub fn normalize_link_id(id: &str) -> String {
    // By bytes, in place: white space is ASCII, and no byte of a character beyond it is.
    let mut bytes = crate::ruby_case::downcase(id).into_bytes();
    let (mut len, mut in_space) = (0, false);
    for i in 0..bytes.len() {
        let b = bytes[i];
        let space = patterns::is_space(b);
        if !(space && in_space) {
            bytes[len] = if space { b' ' } else { b };
            len += 1;
        }
        in_space = space;
    }
    bytes.truncate(len);
    // SAFETY: runs of ASCII bytes became one ASCII byte; every other byte is kept in order.
    unsafe { String::from_utf8_unchecked(bytes) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_parsers_tried_on_a_line_are_those_whose_start_its_two_bytes_allow() {
        for (start, first) in (0..=255u8).flat_map(|start| (0..=255u8).map(move |first| (start, first))) {
            let asked = (BlockParser::ALL.iter().enumerate()).filter(|(_, p)| p.may_start(start, first)).fold(0, |bits, (i, _)| bits | 1 << i);
            assert_eq!(BlockParser::candidates(start, first), asked, "{start:#x} {first:#x}");
        }
    }

    #[test]
    fn sources_end_with_exactly_one_newline() {
        assert_eq!(adapt_source("a\r\nb\r".into(), true), "a\nb\n");
        assert_eq!(adapt_source("a\n\n".into(), false), "a\n\n");
        assert_eq!(adapt_source(String::new(), false), "\n");
    }

    #[test]
    fn link_ids_fold_case_and_space() {
        assert_eq!(normalize_link_id("  Simple \n Boat "), " simple boat ");
        assert_eq!(normalize_link_id("ÉTAT"), "état");
        assert_eq!(normalize_link_id("\t\x0b\x0cÉ\u{a0} l\u{2019}\r\n\u{212A}"), " é\u{a0} l\u{2019} k");
    }
}
