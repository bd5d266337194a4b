//! Span-level parsing: the loop that finds where a span construct may start, and the
//! constructs themselves, one per module.
//!
//! Text runs up to the next position where some active parser's start pattern (kramdown's
//! `span_start`) or the caller's stop condition matches; there, the parsers are tried in
//! order. A parser that does not really match adds its first character as text.

use super::element::{Element, Kind};
use super::parser::{Parser, SpanParser};

mod escaped_chars;
mod html;

/// Where a nested span parse stops (kramdown's `stop_re` and the block it is given).
pub struct Stop<'a> {
    /// Whether the stop pattern matches at this position of the text.
    pub at: &'a dyn Fn(&str, usize) -> bool,
    /// Whether to really stop there, given the parser and the element built so far.
    pub accept: Option<&'a mut dyn FnMut(&Parser, &Element) -> bool>,
}

impl Parser {
    /// Parses the rest of the current source as spans into `el`, until `stop` (if any)
    /// matches and accepts. Returns whether it stopped there. `parsers` limits the active
    /// parsers (HTML elements whose content is raw use only the HTML parser).
    pub fn parse_spans(&mut self, el: &mut Element, mut stop: Option<Stop>, parsers: Option<&[SpanParser]>) -> bool {
        let active: Vec<SpanParser> = parsers.map_or_else(|| self.span_parsers.clone(), <[_]>::to_vec);
        self.span_stack.push(el.kind);
        let mut stopped = false;
        while !self.src.eos() && !stopped {
            let found = {
                let text = self.src.text();
                (self.src.pos..text.len()).find(|&i| {
                    let b = text.as_bytes()[i];
                    b.is_ascii()
                        && (stop.as_ref().is_some_and(|s| (s.at)(text, i))
                            || active.iter().any(|&p| self.span_start(p, text, i)))
                })
            };
            let Some(at) = found else {
                if stop.is_none() {
                    let rest = self.src.rest().to_owned();
                    self.add_text(&rest, el);
                    self.src.terminate();
                }
                break;
            };
            let before = self.src.text()[self.src.pos..at].to_owned();
            self.add_text(&before, el);
            self.src.pos = at;
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
            if !active.iter().any(|&p| self.try_span(p, el)) {
                let c = self.src.getch().to_owned();
                self.add_text(&c, el);
            }
        }
        self.span_stack.pop();
        stopped
    }

    /// Whether `parser`'s start pattern (`span_start`) matches at byte `i` of `text`.
    fn span_start(&self, parser: SpanParser, text: &str, i: usize) -> bool {
        use SpanParser::*;
        let s = &text.as_bytes()[i..];
        match parser {
            EscapedChars => s.starts_with(b"\\"),
            SpanHtml => s.starts_with(b"<"),
            Emphasis | Codespan | Autolink | FootnoteMarker | Link | SmartQuotes | InlineMath
            | SpanExtensions | HtmlEntity | TypographicSyms | LineBreak | Strikethrough => false,
        }
    }

    /// Runs `parser` at the current position if its full start pattern matches there.
    fn try_span(&mut self, parser: SpanParser, el: &mut Element) -> bool {
        use SpanParser::*;
        match parser {
            EscapedChars => self.parse_escaped_chars(el),
            SpanHtml => self.parse_span_html(el),
            Emphasis | Codespan | Autolink | FootnoteMarker | Link | SmartQuotes | InlineMath
            | SpanExtensions | HtmlEntity | TypographicSyms | LineBreak | Strikethrough => false,
        }
    }

    /// Whether an element of `kind` encloses the current span parse (`@tree`/`@stack`).
    pub fn inside(&self, kind: Kind) -> bool {
        self.span_stack.contains(&kind)
    }
}
