//! kramdown, as Jekyll runs it: the body's Markdown to HTML.
//!
//! The stages follow kramdown's own: [`parser`] reads blocks (`block/`), then spans
//! (`span/`) into a tree of [`element::Element`]s; GFM input adds its own passes
//! (`gfm`); [`convert`] writes the tree as HTML. Raw HTML is read by [`html`]. Shared patterns are in [`patterns`],
//! attribute lists in [`attribute_list`], header ids in [`header_ids`].

pub(crate) mod ascii_prefix;
pub mod attribute_list;
mod block;
pub mod convert;
pub mod element;
pub mod entities;
mod entity_table;
mod gfm;
pub mod header_ids;
pub mod html;
pub mod parser;
pub mod patterns;
pub mod scanner;
mod sorted_names;
mod span;
mod transliteration;
mod transliteration_table;
mod unicode_table;

use crate::options::Options;
use crate::survey::Survey;
use std::borrow::Cow;
use element::{Element, Kind};
use parser::{Parser, Warning};
use crate::name_map::NameMap;

/// A parsed body: the whole tree, what the converter needs besides it, and kramdown's
/// warnings. [`render`] writes a body without keeping its tree; this is for looking at it.
pub struct Document {
    pub root: Element,
    pub parser: Parser<'static>,
}

impl Document {
    /// Parses `body` with `options`.
    pub fn parse(body: &str, options: &Options) -> Document {
        let mut parser = Parser::new(Cow::Owned(options.clone()));
        let mut root = Element::new(Kind::Root).at(1);
        parser.parse(&mut root, body);
        Document { root, parser }
    }

    /// The HTML, with the options as the document left them (`{::options}` can change them).
    pub fn to_html(&self) -> String {
        convert::to_html(&self.root, &self.parser.data, &self.parser.options)
    }

    pub fn warnings(&self) -> &[Warning] {
        &self.parser.warnings
    }

    /// Each warning's line and message, as tests compare them with kramdown's.
    #[cfg(test)]
    pub fn placed_warnings(&self) -> Vec<(usize, &str)> {
        self.warnings().iter().map(|w| (w.line, w.message.as_str())).collect()
    }
}

/// `text` through kramdown's SmartyPants parser (Jekyll's `smartify`), for text without HTML:
/// its smart quotes, entities and typographic symbols, as HTML (without its last line break).
pub fn smartypants(text: &str, options: &Options) -> String {
    use parser::SpanParser::{HtmlEntity, SmartQuotes, TypographicSyms};
    let mut parser = Parser::new(Cow::Borrowed(options));
    parser.span_parsers = parser::SpanParser::set(&[SmartQuotes, HtmlEntity, TypographicSyms]);
    let mut root = Element::new(Kind::Root);
    let carriage_return = Survey::of(text).carriage_return;
    parser.parse_span_text(&mut root, parser::adapt_source(text.to_owned(), carriage_return), 1);
    let mut html = convert::to_html(&root, &parser.data, &parser.options);
    if html.ends_with('\n') {
        html.pop();
    }
    html
}

/// A body written by [`render`].
pub struct Rendered {
    /// The HTML (block by block when asked), and the headers.
    pub output: convert::Output,
    pub warnings: Vec<Warning>,
    /// The link definitions: normalised id → (url, title).
    pub link_defs: NameMap<(String, Option<String>)>,
    /// How many lines the body has, as kramdown numbers them: lines end at `\n`, `\r\n` and a
    /// lone `\r`.
    pub lines: usize,
    /// Whether the options stayed as given (no `{::options}` in the body).
    pub options_fixed: bool,
}

/// What [`render`]'s `visit` is given, finished and not yet written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finished {
    /// A step of the body's top-level elements, in order (in a root of their own).
    Blocks,
    /// The content of a footnote definition, written with the footnotes after the body.
    Footnote,
}

/// What [`render`] keeps besides the HTML.
#[derive(Clone, Copy, Debug, Default)]
pub struct Keep {
    /// The HTML apart block by block, with the body lines of each.
    pub blocks: bool,
    /// The headers written ([`convert::Output::headings`]), for an outline.
    pub headings: bool,
}

/// Parses and writes `body`, each top-level block written as soon as it is finished and then
/// dropped: only the block pass's tree and the HTML are ever whole, never the full tree
/// next to its HTML. `visit` sees each step's finished elements (all of them at once where
/// `{::options}` may change the options), then each footnote's content, before they are
/// written, and may change them; `keep` says what is kept besides the HTML; `survey` is the
/// body's, when the caller has it. (`visit` is a trait object, not generic: each caller would
/// otherwise get its own copy of this function and what it inlines.)
pub fn render(body: String, survey: Option<Survey>, options: &Options, keep: Keep, visit: &mut dyn FnMut(&mut Element, Finished)) -> Rendered {
    // A long body's HTML is written in small pieces, which fit in the room the tree leaves as
    // it is freed block by block: one string growing to the full length would need, each time
    // it doubles, a piece of memory the size of both. Pieces of 2 KiB kept the peak lowest
    // (per input byte from 1 MB to 2 MB: 1 KiB 3.70, 2 KiB 3.59, 4 KiB 3.91, 8 KiB 4.13), their
    // number halved and nothing slower. A shorter body's one string starts with
    // room for about what it will hold (HTML is about an eighth longer than its Markdown): grown
    // from nothing, it was copied at each doubling.
    let pieces = if keep.blocks {
        (0, 0)
    } else if body.len() > LONG_BODY {
        (1 << 11, 0)
    } else {
        (usize::MAX, body.len() + body.len() / 8)
    };
    // kramdown writes once everything is parsed, with the options as `{::options}` left them:
    // where a span could still change them, blocks wait until the end to be written.
    let survey = survey.unwrap_or_else(|| Survey::of(&body));
    let wait = survey.options_extension;
    let mut parser = Parser::new(Cow::Borrowed(options));
    // Every backslash in a text comes from the body: without one, no text holds GFM's hard
    // break (a backslash and a newline), and the texts are not searched for it.
    if !options.hard_wrap && !survey.backslash {
        parser.gfm_hard_break = None;
    }
    parser.options_fixed = !wait;
    let mut root = Element::new(Kind::Root).at(1);
    let lines = parser.parse_block_pass(&mut root, body, survey.carriage_return);
    crate::size_classes::short_lived(|| write_blocks(parser, root, pieces, keep.headings, lines, wait, visit))
}

/// The part of [`render`] after the block pass: each top-level block's spans, then its HTML.
fn write_blocks(mut parser: Parser<'_>, mut root: Element, pieces: (usize, usize), headings: bool, lines: usize, wait: bool, visit: &mut dyn FnMut(&mut Element, Finished)) -> Rendered {
    let mut converter = convert::Converter::new(&parser.options, pieces, parser.toc_referenced, headings);
    let mut waiting = Element::new(Kind::Root).at(1);
    parser.finish_top_level(std::mem::take(&mut root.children), |parser, holder| {
        if wait {
            waiting.children.append(&mut holder.children);
        } else {
            visit(holder, Finished::Blocks);
            for child in &holder.children {
                converter.push(child, &parser.data, &parser.options);
            }
        }
    });
    parser.finish_footnotes();
    if wait {
        parser.finish_gfm(&mut waiting);
        visit(&mut waiting, Finished::Blocks);
        for child in &waiting.children {
            converter.push(child, &parser.data, &parser.options);
        }
    }
    for footnote in parser.data.footnotes.values_mut() {
        visit(&mut footnote.content, Finished::Footnote);
    }
    let mut output = converter.finish(&parser.data, &parser.options);
    if let Some(last) = output.blocks.last_mut() {
        last.last_line = last.last_line.max(lines.saturating_sub(output.trailing_blank_lines));
    }
    // kramdown's own order: the parser's warnings, then the converter's.
    if !output.untransliterated.is_empty() {
        transliteration::warn(&output.untransliterated, &mut parser.warnings);
    }
    Rendered { output, warnings: parser.warnings, link_defs: parser.link_defs, lines, options_fixed: !wait }
}

/// Bodies longer than this are written in pieces.
const LONG_BODY: usize = 1 << 16;

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(body: &str) -> usize {
        render(body.to_owned(), None, &Options::jekyll(), Keep::default(), &mut |_, _| {}).lines
    }

    #[test]
    fn lines_are_counted_as_str_lines_counts_them_at_least_one() {
        for body in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "a\n\nb\n", "# a\n\n* b\n* c\n\n\n", "a\r"] {
            assert_eq!(lines(body), body.lines().count().max(1), "{body:?}");
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_in_kramdown() {
        assert_eq!(lines("a\rb\rc"), 3);
    }

    #[test]
    fn a_header_id_folio_cannot_transliterate_as_kramdown_is_warned_of_at_its_line() {
        let mut options = Options::jekyll();
        options.input = crate::options::Input::Kramdown;
        options.transliterated_header_ids = true;
        let body = "# Été\n\n## 漢字 et été\n";
        let rendered = render(body.to_owned(), None, &options, Keep::default(), &mut |_, _| {});
        assert_eq!(rendered.output.into_html(), "<h1 id=\"ete\">Été</h1>\n\n<h2 id=\"et-ete\">漢字 et été</h2>\n");
        let warnings: Vec<(usize, &str)> = rendered.warnings.iter().map(|w| (w.line, w.message.as_str())).collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].0, 3);
        assert!(warnings[0].1.contains("'漢' (U+6F22)"), "{}", warnings[0].1);
    }
}
