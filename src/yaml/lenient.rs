//! What Ruby's YAML reader (libyaml), and so Jekyll, reads and saphyr refuses: saphyr follows
//! YAML 1.2's test suite, libyaml is lenient about white space that is not content.
//!
//! - a tab alone after a mapping's `:` (`title:<tab>Foo`): a space is put in its place;
//! - a line going on with a quoted value or with a list or mapping in brackets, indented no
//!   more than its key, or by a tab (`title: "a long` then `title"` at the line's start): the
//!   line is indented. A quoted value folds its lines' leading white space away, brackets ignore
//!   it, so no value changes;
//! - a `#` right after a value (`"a"#b`), which libyaml takes for a comment: a space is put before it.
//!
//! Each fix is followed by a new reading of the whole text ([`settle`]'s loop, within a budget);
//! [`Lenient::original`] takes offsets in the text read back to the text given.

use super::{compose, tabs, ContinuedLine, Document, YamlError, YamlErrorKind, YamlWarningKind};
use std::borrow::Cow;

/// The reading of `text` that libyaml would make, given saphyr's first one (`read`): fixes made
/// and the text read again while saphyr refuses something libyaml reads (within a budget of
/// about a megabyte read), then the tabs libyaml refuses looked for.
// Not inlined: most front matter never gets here, and wasm-split can leave it out of the first
// download.
#[inline(never)]
pub(super) fn settle(text: &str, mut read: Result<Document, YamlError>) -> Result<Document, YamlError> {
    let mut retries = (1 << 20) / text.len().max(1);
    let mut lenient = Lenient::new(text);
    loop {
        read = read.and_then(|document| {
            // Past the document's end, libyaml reads nothing (the rest is left out).
            let end = document.warnings.iter().find(|w| w.kind == YamlWarningKind::LeftOut).map(|w| w.offset);
            let read = &lenient.text()[..end.unwrap_or(lenient.text().len())];
            match tabs::refused_tab(text, read, |offset| lenient.current(offset)) {
                Some(offset) => Err(YamlError { offset: lenient.current(offset), kind: YamlErrorKind::RefusedTab }),
                None => Ok(document),
            }
        });
        match read {
            Err(error) if retries > 0 && lenient.fix(&error) => {
                retries -= 1;
                read = compose(lenient.text());
            }
            Err(error) => return Err(YamlError { offset: lenient.original(error.offset), ..error }),
            Ok(document) => return Ok(lenient.original_document(document)),
        }
    }
}

/// The text as given, with the fixes made so far.
struct Lenient<'a> {
    text: Cow<'a, str>,
    /// Spaces inserted: where (in the text as it was then) and how many, in order.
    inserted: Vec<(usize, usize)>,
    /// Where the lines indented start, in the text given.
    indented: Vec<usize>,
}

impl<'a> Lenient<'a> {
    fn new(text: &'a str) -> Self {
        Lenient { text: Cow::Borrowed(text), inserted: Vec::new(), indented: Vec::new() }
    }

    fn text(&self) -> &str {
        &self.text
    }

    /// Makes the fix `error` asks for, if it is one of these. Returns whether it did.
    fn fix(&mut self, error: &YamlError) -> bool {
        match error.kind {
            YamlErrorKind::TabAfterColon => self.space_after_colon(error.offset),
            YamlErrorKind::CommentTouching if self.text[error.offset..].starts_with('#') => {
                self.insert_spaces(error.offset, 1);
                true
            }
            YamlErrorKind::Unindented(ContinuedLine::Quoted) => self.indent_quoted(error.offset),
            YamlErrorKind::Unindented(ContinuedLine::Flow | ContinuedLine::Tab) => {
                let line = self.text[..error.offset].rfind('\n').map_or(0, |i| i + 1);
                // A line indented once and still refused is not one libyaml reads either.
                !self.indented.contains(&self.original(line)) && self.indent(&[line])
            }
            _ => false,
        }
    }

    /// The offset in the text given of `offset` in the text read.
    fn original(&self, mut offset: usize) -> usize {
        for &(at, count) in self.inserted.iter().rev() {
            if offset >= at + count {
                offset -= count;
            } else if offset > at {
                offset = at;
            }
        }
        offset
    }

    /// `document` with the offsets of the text given.
    fn original_document(&self, mut document: Document) -> Document {
        for offset in &mut document.key_offsets {
            *offset = self.original(*offset);
        }
        for warning in &mut document.warnings {
            warning.offset = self.original(warning.offset);
            if let YamlWarningKind::DuplicateKey { first, .. } = &mut warning.kind {
                *first = self.original(*first);
            }
        }
        document
    }

    /// The offset in the text read of `offset` in the text given.
    fn current(&self, mut offset: usize) -> usize {
        for &(at, count) in &self.inserted {
            if offset >= at {
                offset += count;
            }
        }
        offset
    }

    /// The tab after the `:` that ends before the value starting at `value_at`, as a space.
    fn space_after_colon(&mut self, value_at: usize) -> bool {
        let before = self.text[..value_at].trim_end_matches([' ', '\t']);
        let Some(tab) = before.strip_suffix(':').and(self.text[before.len()..value_at].find('\t')) else { return false };
        let at = before.len() + tab;
        self.text.to_mut().replace_range(at..at + 1, " ");
        true
    }

    /// Indents the lines after the first of the quoted value opening at `quote`; false when it
    /// has no closing quote, or the next quote does not end a value (`title: "a` then
    /// `layout: "post"`): then it is really never closed.
    fn indent_quoted(&mut self, quote: usize) -> bool {
        let Some(close) = closing_quote(&self.text, quote) else { return false };
        let after = self.text[close + 1..].trim_start_matches([' ', '\t']);
        if !(after.is_empty() || after.starts_with(['\n', '\r', '#', ',', ']', '}', ':'])) {
            return false;
        }
        let lines: Vec<usize> = self.text[quote..close].match_indices('\n').map(|(i, _)| quote + i + 1).collect();
        self.indent(&lines)
    }

    /// Indents the lines starting at `lines` (in order), where they have content, past every
    /// line above the first: deeper than any key they could belong to.
    fn indent(&mut self, lines: &[usize]) -> bool {
        let Some(&first) = lines.first() else { return false };
        let text = &self.text;
        let has_content = |&line: &usize| !text[line..].trim_start_matches([' ', '\t']).starts_with(['\n', '\r']);
        let targets: Vec<usize> = lines.iter().copied().filter(|l| has_content(l) && *l < text.len()).collect();
        let depth = 1 + text[..first].lines().map(|l| l.len() - l.trim_start_matches(' ').len()).max().unwrap_or(0);
        let given: Vec<usize> = targets.iter().map(|&line| self.original(line)).collect();
        self.indented.extend(given);
        // Each line has moved by the spaces put before it.
        for (k, &line) in targets.iter().enumerate() {
            self.insert_spaces(line + k * depth, depth);
        }
        !targets.is_empty()
    }

    /// Puts `count` spaces at `at` (in the text as it is now), remembered for the offsets.
    fn insert_spaces(&mut self, at: usize, count: usize) {
        self.text.to_mut().insert_str(at, &" ".repeat(count));
        self.inserted.push((at, count));
    }
}

/// The offset of the quote closing the quoted value that opens at `open`.
fn closing_quote(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = bytes[open];
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == b'"' => i += 2,
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b if b == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}
