//! Diagnostics: what went wrong or looks suspicious, and where, in the whole file.
//!
//! Every stage reports problems with its own typed error enum; those become a
//! [`Diagnostic`] with a position in the *whole* source file (front matter
//! included), so an editor can jump to it and `folio check` can print
//! `file:line:column: message`.

use crate::json::{ToJson, Writer};
use std::fmt;

/// How bad a diagnostic is. Errors make `folio check` fail; nothing stops rendering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column in the whole source file. Columns count Unicode
/// characters, not bytes, so they match what an editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    /// For problems that are not in the article itself (its options, its site profile): line 0.
    pub const OUTSIDE: Position = Position { line: 0, column: 0 };
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One problem found while rendering an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl ToJson for Diagnostic {
    fn write_json(&self, json: &mut Writer) {
        let severity = self.severity.name();
        json.object(&[("severity", &severity), ("message", &self.message), ("line", &self.line), ("column", &self.column)]);
    }
}

impl Diagnostic {
    pub fn error(at: Position, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, at, message)
    }

    pub fn warning(at: Position, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, at, message)
    }

    fn new(severity: Severity, at: Position, message: impl Into<String>) -> Self {
        Diagnostic { severity, message: message.into(), line: at.line, column: at.column }
    }

    pub fn position(&self) -> Position {
        Position { line: self.line, column: self.column }
    }

    /// `diagnostics` in the file's order, as a person reads them (the editor's list, `folio
    /// check`): kramdown finds span problems after block ones, and a date's after the YAML's.
    /// Not done by `render`: hosts that list nothing would download the sort for nothing.
    pub fn in_file_order(diagnostics: &mut [Diagnostic]) {
        diagnostics.sort_by_key(Diagnostic::position);
    }
}

impl Severity {
    /// `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `LINE:COLUMN: SEVERITY: MESSAGE`, or `SEVERITY: MESSAGE` for a problem outside the article.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.position() != Position::OUTSIDE {
            write!(f, "{}: ", self.position())?;
        }
        write!(f, "{}: {}", self.severity, self.message)
    }
}

/// Turns byte offsets of one text into line and column positions.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
    }

    /// The position of byte `offset` (clamped to the text, rounded down to a character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text[self.line_starts[line]..offset].chars().count();
        Position { line: line as u32 + 1, column: column as u32 + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\nçé x\n");
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(3), Position { line: 2, column: 1 });
        // "çé " is 5 bytes and 3 characters
        assert_eq!(index.position(3 + 5), Position { line: 2, column: 4 });
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1), Position { line: 1, column: 1 });
        assert_eq!(index.position(99), Position { line: 1, column: 2 });
    }
}
