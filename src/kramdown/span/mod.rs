//! Span-level parsing: the loop that finds where a span construct may start, and the
//! constructs themselves, one per module.
//!
//! Text runs up to the next position where some active parser's start pattern (kramdown's
//! `span_start`) or the caller's stop condition matches; there, the parsers are tried in
//! order. A parser that does not really match adds its first character as text.
//!
//! kramdown finds that position with one regular expression made of every start pattern.
//! Here a table says, for each byte, which parsers' start patterns can begin with it; only
//! at those bytes are the patterns checked.

use crate::kramdown::ascii_prefix::has_prefix;
use super::element::{Element, Kind};
use super::parser::{Parser, SpanParser, MAX_NESTING};
use crate::chunk::{self, Chunk, Mask};
use std::cell::Cell;

mod autolink;
pub(crate) mod closers;
mod codespan;
mod emphasis;
mod escaped_chars;
mod extensions;
mod footnote;
mod html;
mod html_entity;
mod line_break;
mod link;
mod math;
mod smart_quotes;
mod strikethrough;
mod typographic_symbol;

/// Whether a nested parse really stops at a match of its stop pattern, given the parser and the
/// element built so far (kramdown's block given with `stop_re`).
pub type Accept<'a> = &'a mut dyn FnMut(&Parser, &Element) -> bool;

/// Where a nested span parse stops (kramdown's `stop_re` and the block it is given).
pub struct Stop<'a> {
    /// The bytes the stop pattern can start with.
    pub first: &'a [u8],
    /// Whether the stop pattern matches at this position of the text.
    pub at: &'a dyn Fn(&str, usize) -> bool,
    /// Whether to really stop there.
    pub accept: Option<Accept<'a>>,
}

/// For each byte, the parsers (bits indexed by [`SpanParser`]) whose start pattern can
/// begin with it, and bit 15 when the stop pattern can: every parser's start bytes
/// ([`EVERY_START`]) masked by the active ones, and the stop pattern's first bytes. A span parse
/// starts for every paragraph and inside every emphasis and link, and a table of its own for
/// each cost more than looking up the few bytes a scan stops at.
struct StartTable<'a> {
    active: u16,
    stop: &'a [u8],
    /// Whether the scan passes over apostrophes inside words ([`smart_quotes::in_word_apostrophe`]),
    /// which the texts then hold as `’`: where quotes are parsed, apostrophes stay in the text
    /// ([`Parser::apostrophes_are_text`]) and the stop pattern cannot begin with one.
    apostrophes: bool,
    /// The apostrophes the scan passed over since the text before them was taken, if any.
    passed_over: Cell<Option<PassedOver>>,
}

/// Apostrophes inside words that a scan passed over: how many (the room their text needs,
/// without counting them again), and where the last one is.
#[derive(Clone, Copy)]
struct PassedOver {
    count: usize,
    last: usize,
}

const STOP_BIT: u16 = 1 << 15;

impl<'a> StartTable<'a> {
    fn new(active: u16, stop: Option<&Stop<'a>>, apostrophes_are_text: bool) -> Self {
        let stop = stop.map_or(&[][..], |s| s.first);
        debug_assert!(!stop.iter().any(|&b| starts_nothing_byte(b)));
        let apostrophes = apostrophes_are_text && active & (1 << SpanParser::SmartQuotes as u16) != 0 && !stop.contains(&b'\'');
        StartTable { active, stop, apostrophes, passed_over: Cell::new(None) }
    }

    /// Inlined, and the stop bytes (none to three) compared in place: as a call, with the slice's
    /// `contains`, this was 3% of the render of paragraphs holding an emphasis in Node.
    #[inline(always)]
    #[allow(clippy::manual_contains)]
    fn bits(&self, b: u8) -> u16 {
        let bits = EVERY_START[usize::from(b)] & self.active;
        if self.stop.iter().any(|&s| s == b) {
            bits | STOP_BIT
        } else {
            bits
        }
    }

    /// The parsers that can match at `at`, a start [`Parser::next_span_start`] found: those
    /// whose patterns begin with its byte, and those that may begin a character before their
    /// first byte (smart quotes, before a quote, whatever starts there) or at a space (see
    /// [`space_start`]); the active ones only. kramdown tries every parser in turn; one whose
    /// pattern cannot match here fails anyway.
    fn candidates(&self, text: &str, at: usize) -> u16 {
        let bit = |parser: SpanParser| 1 << parser as u16;
        let bytes = text.as_bytes();
        let mut set = EVERY_START[usize::from(bytes[at])];
        if bytes[at] == b' ' {
            set |= bit(SpanParser::TypographicSyms) | bit(SpanParser::LineBreak);
        }
        let next = at + text[at..].chars().next().map_or(1, char::len_utf8);
        if matches!(bytes.get(next), Some(b'"' | b'\'')) {
            set |= bit(SpanParser::SmartQuotes);
        }
        set & self.active
    }
}

/// For each byte, every parser whose start pattern can begin with it ([`first_bytes`]).
const EVERY_START: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut index = 0;
    while index < SpanParser::ALL.len() {
        let bytes = first_bytes(SpanParser::ALL[index]);
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] |= 1 << index;
            i += 1;
        }
        index += 1;
    }
    table
};

/// The bytes of a chunk that may start a span: all but letters, digits, spaces, commas and the
/// bytes of characters that are not ASCII, which no start pattern ([`first_bytes`]) or stop
/// pattern begins with. Prose is mostly those, and the scan for the next start looks only at
/// the others.
fn may_start(chunk: Chunk) -> Mask {
    !(chunk.ascii_alphanumeric() | chunk.eq(b' ') | chunk.eq(b',') | chunk.non_ascii())
}

/// Whether no span can start anywhere in `text`: its span parse gives it back as one text.
pub fn starts_nothing(text: &str) -> bool {
    text.bytes().all(starts_nothing_byte)
}

/// Whether [`may_start`] leaves `b` out, among the bytes nothing starts with.
fn starts_nothing_byte(b: u8) -> bool {
    !b.is_ascii() || b.is_ascii_alphanumeric() || b == b' ' || b == b','
}

/// The parsers of a set (bits indexed by [`SpanParser`]), in kramdown's order.
fn each_parser(set: u16) -> impl Iterator<Item = SpanParser> {
    SpanParser::ALL.iter().copied().filter(move |&p| set & (1 << p as u16) != 0)
}

/// The bytes each parser's start pattern (`span_start`) can begin with.
const fn first_bytes(parser: SpanParser) -> &'static [u8] {
    use SpanParser::*;
    match parser {
        Emphasis => b"*_",
        Codespan => b"`",
        Autolink | SpanHtml => b"<",
        FootnoteMarker => b"[",
        Link => b"![",
        SmartQuotes => b"\"'",
        InlineMath => b"$",
        SpanExtensions => b"{",
        HtmlEntity => b"&",
        // Not the space of ` <<`, ` >>` or `  \n`: see `space_start`.
        TypographicSyms => b"-.\\<>",
        LineBreak => b"\\\n",
        EscapedChars => b"\\",
        Strikethrough => b"~",
    }
}

/// The start of the patterns that begin with a space (`(?: )?(?:<<|>>)`, `  (?=\n)`), found
/// from the byte `i` after their space(s) instead: prose has a space every few bytes, and
/// stopping at each to look at the next bytes was wasted. Nothing else starts at a space, so
/// no earlier start is skipped.
fn space_start(bits: u16, bytes: &[u8], from: usize, i: usize) -> Option<usize> {
    let active = |parser: SpanParser| bits & (1 << parser as u16) != 0;
    match bytes[i] {
        b'<' | b'>' if i > from && bytes[i - 1] == b' ' && active(SpanParser::TypographicSyms) => {
            typographic_symbol::span_start(&bytes[i - 1..]).then_some(i - 1)
        }
        b'\n' if i >= from + 2 && bytes[i - 2..i] == *b"  " && active(SpanParser::LineBreak) => Some(i - 2),
        _ => None,
    }
}

impl Parser<'_> {
    /// Parses the rest of the current source as spans into `el`, until `stop` (if any)
    /// matches and accepts. Returns whether it stopped there. `parsers` limits the active
    /// parsers (HTML elements whose content is raw use only the HTML parser); they are tried
    /// in kramdown's order.
    #[cfg_attr(folio_unstable, optimize(speed))]
    pub fn parse_spans(&mut self, el: &mut Element, mut stop: Option<Stop>, parsers: Option<&[SpanParser]>) -> bool {
        let active = parsers.map_or(self.span_parsers, SpanParser::set);
        let table = StartTable::new(active, stop.as_ref(), self.apostrophes_are_text());
        self.span_stack.push(el.kind);
        self.depth += 1;
        let mut stopped = false;
        // A construct reading ahead gives up once the text's re-reading budget is spent (see
        // `Scanner::may_read_ahead`): nested ones would each read on to their end.
        while !self.src.eos() && !stopped && (stop.is_none() || self.src.may_read_ahead()) {
            let Some(at) = self.next_span_start(&table, stop.as_ref()) else {
                // No span starts in the rest: without a stop it is text; with one, the caller
                // decides what it is, but for the apostrophes the scan passed over, each of
                // which stopping the scan would have taken, with the text before it.
                let len = match (stop.is_none(), table.passed_over.get()) {
                    (true, _) => self.src.rest().len(),
                    (false, Some(passed)) => passed.last + 1 - self.src.pos,
                    (false, None) => 0,
                };
                self.take_scanned_text(&table, len, el);
                break;
            };
            self.take_scanned_text(&table, at - self.src.pos, el);
            if let Some(s) = stop.as_mut() {
                if (s.at)(self.src.text(), at) {
                    stopped = match s.accept.as_mut() {
                        Some(accept) => accept(self, el),
                        None => true,
                    };
                }
            }
            if stopped {
                break;
            }
            let candidates = table.candidates(self.src.text(), at);
            if !each_parser(candidates).any(|p| self.try_span(p, el)) {
                self.take_char(el);
            }
        }
        self.depth -= 1;
        self.span_stack.pop();
        stopped
    }

    /// Moves past the next `len` bytes, which the scan for span starts passed over, adding them
    /// to `el` as text. Inlined: most texts hold no apostrophe, and as a call of its own this
    /// made the corpus's render 0.4% slower.
    #[inline(always)]
    fn take_scanned_text(&mut self, table: &StartTable, len: usize, el: &mut Element) {
        if let Some(passed) = table.passed_over.take() {
            self.take_text_with_apostrophes(len, passed.count, el);
        } else {
            self.take_text(len, el);
        }
    }

    /// The first position from the current one where the stop pattern or an active parser's
    /// start pattern matches (kramdown's `scan_until(/(?=stop_re|span_start)/)`).
    #[cfg_attr(folio_unstable, optimize(speed))]
    fn next_span_start(&self, table: &StartTable, stop: Option<&Stop>) -> Option<usize> {
        let bytes = self.src.text().as_bytes();
        let mut i = self.src.pos;
        while let Some(chunk) = Chunk::load(bytes, i) {
            let mut maybe = may_start(chunk);
            while let Some(lane) = maybe.first() {
                let at = i + lane;
                if table.bits(bytes[at]) != 0 {
                    if let Some(start) = self.span_start_at(table, stop, at) {
                        return Some(start);
                    }
                }
                maybe = maybe.without_first();
            }
            i += chunk::WIDTH;
        }
        (i..bytes.len()).filter(|&at| table.bits(bytes[at]) != 0).find_map(|at| self.span_start_at(table, stop, at))
    }

    /// Where a span starts, if one does, given that a start pattern or the stop pattern may
    /// begin with the byte at `i`.
    #[cfg_attr(folio_unstable, optimize(speed))]
    fn span_start_at(&self, table: &StartTable, stop: Option<&Stop>, i: usize) -> Option<usize> {
        let (text, from) = (self.src.text(), self.src.pos);
        let bytes = text.as_bytes();
        if table.apostrophes && bytes[i] == b'\'' && smart_quotes::in_word_apostrophe(text, from, i) {
            let count = table.passed_over.get().map_or(0, |passed| passed.count);
            table.passed_over.set(Some(PassedOver { count: count + 1, last: i }));
            return None;
        }
        let bits = table.bits(bytes[i]);
        if let Some(start) = space_start(bits, bytes, from, i) {
            return Some(start);
        }
        let stops = bits & STOP_BIT != 0 && stop.is_some_and(|s| (s.at)(text, i));
        let mut parsers = bits & !STOP_BIT;
        let mut starts = stops;
        while parsers != 0 && !starts {
            let index = parsers.trailing_zeros() as usize;
            parsers &= parsers - 1;
            starts = self.span_start(SpanParser::ALL[index], text, i);
        }
        if !starts {
            return None;
        }
        // Smart quotes start one character before the quote (`[^\\]?["']`), which may be
        // any character, so the start may lie before this byte.
        if matches!(bytes[i], b'"' | b'\'') && i > from && table.active & (1 << SpanParser::SmartQuotes as u16) != 0 {
            let prev = text[..i].chars().next_back().expect("i > from");
            if prev != '\\' {
                return Some(i - prev.len_utf8());
            }
        }
        Some(i)
    }

    /// Whether `parser`'s start pattern (`span_start`) matches at byte `i` of `text`, which
    /// is one of the parser's [`first_bytes`].
    fn span_start(&self, parser: SpanParser, text: &str, i: usize) -> bool {
        use SpanParser::*;
        let s = &text.as_bytes()[i..];
        match parser {
            // `!?\[`
            Link => s[0] == b'[' || has_prefix(s, b"!["),
            // `\{:`
            SpanExtensions => has_prefix(s, b"{:"),
            // `~~`
            Strikethrough => has_prefix(s, b"~~"),
            TypographicSyms => typographic_symbol::span_start(s),
            LineBreak => line_break::span_start(s),
            // A single character: `\*|_`, `` ` ``, `<`, `\[`, `["']`, `\$`, `&`, `\\`.
            Emphasis | Codespan | Autolink | SpanHtml | FootnoteMarker | SmartQuotes | InlineMath | HtmlEntity
            | EscapedChars => true,
        }
    }

    /// Runs `parser` at the current position if its full start pattern matches there.
    fn try_span(&mut self, parser: SpanParser, el: &mut Element) -> bool {
        use SpanParser::*;
        match parser {
            // Past this depth, constructs that hold spans are text (see `MAX_NESTING`).
            Strikethrough if self.depth > MAX_NESTING => false,
            Emphasis => self.parse_emphasis(el),
            Codespan => self.parse_codespan(el),
            Autolink => self.parse_autolink(el),
            FootnoteMarker => self.parse_footnote_marker(el),
            Link => self.parse_link(el),
            SmartQuotes => self.parse_smart_quotes(el),
            InlineMath => self.parse_inline_math(el),
            SpanExtensions => self.parse_span_extensions(el),
            HtmlEntity => self.parse_html_entity(el),
            TypographicSyms => self.parse_typographic_syms(el),
            LineBreak => self.parse_line_break(el),
            EscapedChars => self.parse_escaped_chars(el),
            Strikethrough => self.parse_strikethrough(el),
            SpanHtml => self.parse_span_html(el),
        }
    }

    /// The kinds of the elements enclosing the current span parse, outermost first
    /// (`@tree`/`@stack`).
    fn enclosing(&self) -> &[Kind] {
        &self.span_stack[self.span_base..]
    }

    /// Whether an element of `kind` encloses the current span parse.
    pub fn inside(&self, kind: Kind) -> bool {
        self.enclosing().contains(&kind)
    }

    /// The kind of the innermost element enclosing the current span parse.
    pub fn innermost(&self) -> Option<Kind> {
        self.enclosing().last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kramdown::Document;
    use crate::Options;
    // The chunks are wider in the WebAssembly module built with SIMD: run there too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_parsers_tried_at_a_start_are_those_whose_pattern_can_match_there() {
        let all = SpanParser::ALL.iter().fold(0u16, |set, &p| set | 1 << p as u16);
        let table = StartTable::new(all, None, false);
        let tried = |text: &str, at: usize| each_parser(table.candidates(text, at)).collect::<Vec<_>>();
        use SpanParser::*;
        assert_eq!(tried("*a*", 0), [Emphasis]);
        assert_eq!(tried("![i](u)", 0), [Link]);
        assert_eq!(tried("[^1]", 0), [FootnoteMarker, Link]);
        assert_eq!(tried("<b>", 0), [Autolink, SpanHtml, TypographicSyms]);
        assert_eq!(tried("a \"q\"", 1), [SmartQuotes, TypographicSyms, LineBreak], "a space before a quote");
        assert_eq!(tried("é'", 0), [SmartQuotes], "a character before a quote, whatever its length");
        assert_eq!(tried("\\\n", 0), [TypographicSyms, LineBreak, EscapedChars]);
    }

    #[test]
    fn warnings_are_worded_as_kramdown_words_them() {
        let body = "[a] [b][] [c][x]\n\n[^n] {: .c}\n\ntext {:/} {:/foo} {::foo}x{:/foo}\n\n{::comment}x\n\n*a*{: bad=}\n\n*b\n";
        let doc = Document::parse(body, &Options::jekyll());
        let messages: Vec<&str> = doc.warnings().iter().map(|w| w.message.as_str()).collect();
        // What kramdown 2.4.0 gives for the same text.
        assert_eq!(
            messages,
            [
                "No link definition for link ID 'b' found",
                "No link definition for link ID 'x' found",
                "Footnote definition for 'n' not found",
                "Found span IAL after text - ignoring it",
                "Invalid extension stop tag  found - ignoring it",
                "Invalid extension stop tag for 'foo'  found - ignoring it",
                "Invalid extension with name 'foo' specified - ignoring it",
                "Invalid extension stop tag for 'foo'  found - ignoring it",
                "No stop tag for extension 'comment' found - ignoring it",
                "No or invalid attributes found in IAL/ALD content:  bad=",
            ]
        );
    }

    #[test]
    fn spans_are_placed_on_their_own_line_in_paragraphs_of_one_line_and_of_several() {
        // A paragraph of one line tells its spans its line without counting (`Scanner::narrow`);
        // one of several counts them.
        let body = "intro\n\n[a][x] on one line, {::foo}\n\nfirst\nsecond [b][y]\nthird {::bar}\n\n> [c][z]\n";
        let doc = Document::parse(body, &Options::jekyll());
        let lines = doc.placed_warnings();
        assert_eq!(
            lines,
            [
                (3, "No link definition for link ID 'x' found"),
                (3, "No stop tag for extension 'foo' found - ignoring it"),
                (6, "No link definition for link ID 'y' found"),
                (7, "No stop tag for extension 'bar' found - ignoring it"),
                (9, "No link definition for link ID 'z' found"),
            ]
        );
    }

    #[test]
    fn no_parser_starts_at_a_byte_the_scan_for_starts_passes_over() {
        for b in (0..=255u8).filter(|&b| starts_nothing_byte(b)) {
            assert_eq!(EVERY_START[usize::from(b)], 0, "{b:#x}");
        }
    }

    #[test]
    fn a_chunk_may_start_a_span_at_the_bytes_that_may_start_one() {
        for b in 0..=255u8 {
            for lane in 0..chunk::WIDTH {
                let mut bytes = *b"a1 ,Zz9\xc3\x80 ,b2 \xa9Y";
                bytes[lane] = b;
                let maybe = may_start(Chunk::load(&bytes, 0).unwrap());
                let expected = if starts_nothing_byte(b) { None } else { Some(lane) };
                assert_eq!(maybe.first(), expected, "{b:#x} at {lane}");
                assert_eq!(maybe.without_first().first(), None, "{b:#x} at {lane}");
            }
        }
    }

    #[test]
    fn a_text_no_span_starts_in_is_one_text_whatever_its_length() {
        let characters = (0..128u8).map(char::from).chain(['é', '’', '—', '€', '日', '😀']);
        for c in characters.filter(|&c| starts_nothing(&c.to_string())) {
            // Short texts are given back without a span parse, long ones are parsed: the one
            // and the other must give the text alone.
            for repeats in [1, 40] {
                let text = format!("a{c}b ").repeat(repeats);
                let mut parser = Parser::new(std::borrow::Cow::Owned(Options::jekyll()));
                let mut holder = Element::new(Kind::Temp);
                parser.parse_span_text(&mut holder, text.clone(), 1);
                let texts: Vec<(Kind, &str)> = holder.children.iter().map(|el| (el.kind, el.value.as_str())).collect();
                assert_eq!(texts, [(Kind::Text, text.as_str())], "{c:?} × {repeats}");
            }
        }
    }

    #[test]
    fn parsers_sit_at_the_index_of_their_bit() {
        for (index, parser) in SpanParser::ALL.iter().enumerate() {
            assert_eq!(*parser as usize, index);
        }
    }
}
