//! The closers that constructs left open look for in the rest of the text, and the scanner's
//! memory of where the next one is.
//!
//! `[a](<b `, `[a](b "c `, `[a][b `, `<http://a ` or `~~a ` repeated along a line each search
//! the rest of the line or text for a closer that is not there, which made such a line
//! quadratic. The next closer after a position is the same for every position up to it, so
//! each kind of closer is searched for once per stretch of text.

use crate::kramdown::ascii_prefix::has_prefix;
use crate::kramdown::patterns::is_space;
use std::cell::Cell;

/// A closer, found at the position of its first byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closer {
    /// `>` or a newline: what ends `<url>` in a link and an autolink on its line.
    AngleOrNewline,
    /// `]`, which ends a reference.
    Bracket,
    /// `~~` after a character that is neither white space nor `~`.
    Strikethrough,
    /// A quote followed by white space and `)`: the end of an inline link's title.
    Title(u8),
    /// `{:/`, which starts an extension's stop tag.
    ExtensionStop,
    /// A line starting with `{:/` after up to three spaces: where a block extension may stop.
    ExtensionStopLine,
}

impl Closer {
    fn index(self) -> usize {
        match self {
            Closer::AngleOrNewline => 0,
            Closer::Bracket => 1,
            Closer::Strikethrough => 2,
            Closer::Title(b'"') => 3,
            Closer::Title(_) => 4,
            Closer::ExtensionStop => 5,
            Closer::ExtensionStopLine => 6,
        }
    }

    fn is_at(self, b: &[u8], i: usize) -> bool {
        match self {
            Closer::AngleOrNewline => matches!(b[i], b'>' | b'\n'),
            Closer::Bracket => b[i] == b']',
            Closer::Strikethrough => i > 0 && has_prefix(&b[i..], b"~~") && !is_space(b[i - 1]) && b[i - 1] != b'~',
            Closer::Title(quote) => {
                b[i] == quote && b[i + 1..].iter().find(|&&c| !is_space(c)) == Some(&b')')
            }
            Closer::ExtensionStop => has_prefix(&b[i..], b"{:/"),
            Closer::ExtensionStopLine => {
                let indent = b[i..].iter().take(3).take_while(|&&c| c == b' ').count();
                (i == 0 || b[i - 1] == b'\n') && has_prefix(&b[i + indent..], b"{:/")
            }
        }
    }

    /// The first closer of this kind at or after `from` in `b`.
    pub fn find(self, b: &[u8], from: usize) -> Option<usize> {
        (from..b.len()).find(|&i| self.is_at(b, i))
    }
}

/// For each kind of closer, the last question and its answer.
pub struct Closers([Cell<(usize, Option<usize>)>; 7]);

impl Default for Closers {
    fn default() -> Self {
        Closers(std::array::from_fn(|_| Cell::new((usize::MAX, None))))
    }
}

impl Closers {
    /// The first `closer` at or after `from` in `text`, which must be the text of every call.
    pub fn next(&self, text: &[u8], closer: Closer, from: usize) -> Option<usize> {
        let cell = &self.0[closer.index()];
        let (asked, found) = cell.get();
        // No closer between the last question and its answer, so none from `from` to there.
        if asked <= from && found.is_none_or(|at| from <= at) {
            return found;
        }
        let found = closer.find(text, from);
        cell.set((from, found));
        found
    }
}

/// The closers of `s`, searched for each time: what the constructs' own tests give them.
#[cfg(test)]
pub fn searched(s: &str) -> impl Fn(Closer, usize) -> Option<usize> + '_ {
    |closer, from| closer.find(s.as_bytes(), from)
}

#[cfg(test)]
mod tests {
    use super::{Closer, Closers};

    #[test]
    fn remembered_answers_are_the_answers_of_a_search() {
        let text = b"a > ]b~~ ~~c\n\"x\" )\"y\" d ' ) ~~ ]{:/}\n  {:/x}\n    {:/}";
        let closers = Closers::default();
        for closer in [Closer::AngleOrNewline, Closer::Bracket, Closer::Strikethrough, Closer::Title(b'"'), Closer::Title(b'\''), Closer::ExtensionStop, Closer::ExtensionStopLine] {
            for from in (0..=text.len()).chain((0..=text.len()).rev()).chain([3, 20, 1, 30, 2]) {
                assert_eq!(closers.next(text, closer, from), closer.find(text, from), "{closer:?} from {from}");
            }
        }
    }
}
