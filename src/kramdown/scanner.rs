//! A cursor over the text being parsed (kramdown's `Utils::StringScanner`): a position,
//! the line the text starts on, and the small moves the parsers make.

use super::patterns::{is_space, Braces};
use super::span::closers::{Closer, Closers};
use crate::chunk;
use std::cell::{Cell, OnceCell};

pub struct Scanner {
    /// The text the scanner holds, and the part of it scanned (see [`Scanner::narrow`]): every
    /// position is counted from the window's start. The window points into the text's heap
    /// buffer, which moving the scanner does not move, and the text never changes.
    owner: String,
    window: *const str,
    pub pos: usize,
    start_line: usize,
    /// The last position whose line number was asked for, and the newlines before it.
    line_cache: Cell<(usize, usize)>,
    /// The last position whose line was asked for, and where that line ends: every block
    /// parser tried on a line asks for it.
    line_end: Cell<(usize, usize)>,
    /// Where attribute lists in the text end (see [`Braces`]).
    pub braces: Braces,
    landmarks: Landmarks,
    /// Where closers were last found (see [`Scanner::closers_from_here`]).
    closers: Closers,
    /// How many bytes constructs that read ahead and failed have given back to be read again.
    reread: usize,
    /// The window holds no newline (see [`Scanner::narrow`]).
    one_line: bool,
}

/// The last places in a text where a span construct left open could still close, or a
/// failed attempt could warn. A link or emphasis that cannot close fails only at the end
/// of the text; knowing it beforehand keeps `[[[…` and `*a *a *a…` linear. Each is found
/// once, searching back from the end, which usually stops soon.
#[derive(Default)]
struct Landmarks {
    /// The last `]`.
    bracket: OnceCell<Option<usize>>,
    /// The last `*` and `_` that could close emphasis: after a character that is not
    /// white space.
    star: OnceCell<Option<usize>>,
    underscore: OnceCell<Option<usize>>,
    /// The last `<` or `{`: where span HTML and extensions start, the only constructs
    /// besides links and footnote markers (which need a `]`) that warn or change the
    /// options.
    warning: OnceCell<Option<usize>>,
}

impl Scanner {
    pub fn new(text: String, start_line: usize) -> Self {
        let window: *const str = text.as_str();
        Scanner { owner: text, window, pos: 0, start_line, line_cache: Cell::new((0, 0)), line_end: Cell::new((usize::MAX, 0)), braces: Braces::default(), landmarks: Landmarks::default(), closers: Closers::default(), reread: 0, one_line: false }
    }

    /// Scans `range` of the text alone, as if that were the whole text: a paragraph's text is
    /// scanned where it is in the body, not copied out of it. For a scanner that has not
    /// scanned yet: its position and caches are then of the window. `one_line` says the window
    /// holds no newline (a paragraph of one line): its line numbers are then all the first, told
    /// without counting. The span pass asks for one at every span, and counted again the
    /// newlines of text the block pass had counted.
    pub fn narrow(&mut self, range: std::ops::Range<usize>, one_line: bool) {
        debug_assert_eq!(self.pos, 0, "narrowed after scanning");
        self.window = &self.owner[range];
        debug_assert!(!one_line || !self.text().contains('\n'), "a window of one line holds a newline");
        self.one_line = one_line;
    }

    /// The whole text, given back (with what lies outside the window).
    pub fn into_text(self) -> String {
        self.owner
    }

    #[inline]
    pub fn text(&self) -> &str {
        // SAFETY: the window was a slice of `owner`'s buffer, which lives as long as the scanner,
        // unchanged and in place.
        unsafe { &*self.window }
    }

    /// What is left from the current position.
    #[inline]
    pub fn rest(&self) -> &str {
        &self.text()[self.pos..]
    }

    #[inline]
    pub fn eos(&self) -> bool {
        self.pos >= self.text().len()
    }

    /// The current line, with its newline (kramdown's `PARAGRAPH_MATCH`, `^.*?\n`); the rest
    /// of the text when it has no newline.
    ///
    /// Asked again at the same position (each block parser tried on a line asks), it is the line
    /// found the first time: that is inlined where it is asked, the search a call.
    #[inline(always)]
    pub fn line(&self) -> &str {
        let (from, end) = self.line_end.get();
        if from == self.pos {
            return &self.text()[from..end];
        }
        self.find_line()
    }

    #[inline(never)]
    fn find_line(&self) -> &str {
        let rest = self.rest();
        let end = self.pos + chunk::find(rest.as_bytes(), b'\n').map_or(rest.len(), |i| i + 1);
        self.line_end.set((self.pos, end));
        &self.text()[self.pos..end]
    }

    /// Moves past the current line and returns it.
    pub fn scan_line(&mut self) -> &str {
        let start = self.pos;
        self.pos += self.line().len();
        &self.text()[start..self.pos]
    }

    /// Moves past `len` bytes and returns them.
    pub fn take(&mut self, len: usize) -> &str {
        let start = self.pos;
        self.pos += len;
        &self.text()[start..self.pos]
    }

    /// Moves past the next character and returns it.
    pub fn getch(&mut self) -> &str {
        self.take(self.char_len())
    }

    /// The length of the next character (0 at the end).
    pub fn char_len(&self) -> usize {
        self.rest().chars().next().map_or(0, char::len_utf8)
    }

    /// The first closer of a kind at or after an offset of the rest of the text, as an offset
    /// of the rest: what constructs read from here ask for.
    pub fn closers_from_here(&self) -> impl Fn(Closer, usize) -> Option<usize> + '_ {
        let base = self.pos;
        move |closer, from| self.closers.next(self.text().as_bytes(), closer, base + from).map(|at| at - base)
    }

    /// Goes back to `to` after a construct read up to the current position and failed
    /// (kramdown's `revert_pos`), counting the bytes that will be read again.
    pub fn give_back(&mut self, to: usize) {
        self.reread += self.pos.saturating_sub(to);
        self.pos = to;
    }

    /// Whether a construct may still read ahead, at the risk of giving the text back.
    /// kramdown tries every construct however often it failed over the same text: nested
    /// brackets (`[[[…]]]`) read it again for each level, nested images or emphasis left open
    /// (`![![![…`, `*a **b *a **b…`) for each way of nesting them, which is exponential. Past
    /// [`REREAD_LIMIT`] times the text given back, constructs that read ahead are text, so a
    /// text costs at most that many readings. Articles give back a few bytes here and there.
    pub fn may_read_ahead(&self) -> bool {
        self.reread <= REREAD_LIMIT * self.text().len() + REREAD_SLACK
    }

    pub fn terminate(&mut self) {
        self.pos = self.text().len();
    }

    /// The text before the current position.
    #[inline]
    pub fn before(&self) -> &str {
        &self.text()[..self.pos]
    }

    /// Whether a span parse from `from` to the end of the text would find no `closing`
    /// byte (`]`, or a `*` or `_` after a visible character) and warn about nothing: a
    /// construct waiting for one fails there, with no effect but the time taken.
    pub fn cannot_close(&self, closing: u8, from: usize) -> bool {
        // A short text costs little to try whole, and knowing would cost a pass over it.
        if self.text().len() - from < SHORT_TEXT {
            return false;
        }
        let text = self.text().as_bytes();
        let before = |cell: &OnceCell<Option<usize>>, find: fn(&[u8]) -> Option<usize>| {
            cell.get_or_init(|| find(text)).is_none_or(|at| at < from)
        };
        let marks = &self.landmarks;
        let no_closer = match closing {
            b']' => true,
            b'*' => before(&marks.star, |t| last_closer(t, b'*')),
            b'_' => before(&marks.underscore, |t| last_closer(t, b'_')),
            _ => unreachable!("no landmark for {closing}"),
        };
        no_closer
            && before(&marks.bracket, |t| chunk::rfind_any(t, b"]"))
            && before(&marks.warning, |t| chunk::rfind_any(t, b"<{"))
    }

    /// The line number of the current position, as kramdown counts it: a newline at the
    /// current position already counts.
    pub fn current_line_number(&self) -> usize {
        if self.one_line {
            return self.start_line;
        }
        // The cache holds a position and the newlines before it. Parsers ask at increasing
        // positions, several times at one (each block parser tries the same line) and step
        // back a little when a construct fails: counting only between the cached position and
        // this one keeps every question cheap.
        let (from, mut newlines) = self.line_cache.get();
        let bytes = self.text().as_bytes();
        let pos = self.pos.min(bytes.len());
        if pos > from {
            newlines += count_newlines(&bytes[from..pos]);
        } else if pos < from {
            newlines -= count_newlines(&bytes[pos..from]);
        }
        self.line_cache.set((pos, newlines));
        let at_newline = bytes.get(pos) == Some(&b'\n');
        self.start_line + newlines + usize::from(at_newline)
    }

    /// How many newlines the whole text holds: only those after the last line number asked
    /// for are counted again.
    pub fn newlines(&self) -> usize {
        if self.one_line {
            return 0;
        }
        let (from, newlines) = self.line_cache.get();
        newlines + count_newlines(&self.text().as_bytes()[from..])
    }
}

/// How many times its length a text may be given back (see [`Scanner::may_read_ahead`]), and
/// the bytes every text may give back whatever its length.
const REREAD_LIMIT: usize = 16;
const REREAD_SLACK: usize = 4096;

/// Texts shorter than this are not searched for landmarks (see [`Scanner::cannot_close`]).
const SHORT_TEXT: usize = 64;

/// The last `delimiter` after a character that is not white space.
fn last_closer(text: &[u8], delimiter: u8) -> Option<usize> {
    let mut end = text.len();
    while let Some(at) = chunk::rfind_any(&text[..end], &[delimiter]) {
        if at > 0 && !is_space(text[at - 1]) {
            return Some(at);
        }
        end = at;
    }
    None
}

/// Newlines in `bytes`: line numbers are asked for at every block and span, and counting byte
/// by byte was a few percent of a render.
pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    chunk::count(bytes, b'\n')
}

#[cfg(test)]
mod tests {
    use super::{is_space, Scanner};

    #[test]
    fn lines_are_taken_with_their_newline() {
        let mut s = Scanner::new("one\ntwo".into(), 1);
        assert_eq!(s.scan_line(), "one\n");
        assert_eq!(s.line(), "two");
        assert_eq!(s.scan_line(), "two");
        assert!(s.eos());
    }

    #[test]
    fn a_narrowed_text_is_scanned_as_a_whole_text_and_given_back_whole() {
        let body = "before\n*one*\ntwo\nafter\n".to_owned();
        let mut s = Scanner::new(body.clone(), 5);
        s.narrow(7..17, false);
        assert_eq!(s.text(), "*one*\ntwo\n");
        assert_eq!(s.scan_line(), "*one*\n");
        assert_eq!(s.current_line_number(), 6);
        assert_eq!(s.before(), "*one*\n");
        assert_eq!(s.scan_line(), "two\n");
        assert!(s.eos());
        assert_eq!(s.newlines(), 2);
        assert_eq!(s.into_text(), body);
    }

    #[test]
    #[should_panic]
    fn a_narrowed_text_must_not_cut_a_character() {
        Scanner::new("é".to_owned(), 1).narrow(0..1, false);
    }

    #[test]
    fn reading_ahead_stops_once_the_text_was_given_back_often_enough() {
        let mut s = Scanner::new("x".repeat(100), 1);
        let limit = super::REREAD_LIMIT * 100 + super::REREAD_SLACK;
        while s.may_read_ahead() {
            s.terminate();
            s.give_back(10);
            assert_eq!(s.pos, 10);
        }
        assert!(s.reread > limit && s.reread <= limit + 90);
    }

    #[test]
    fn the_last_closer_is_the_last_delimiter_after_a_visible_character() {
        let mut random = crate::test_random::Random::new();
        for _ in 0..2000 {
            let text = random.text(&["*", " *", "a*", "\t*", "\n", "xxxxxxxx", "é", "**"], 12);
            let bytes = text.as_bytes();
            let expected = (1..bytes.len()).rev().find(|&i| bytes[i] == b'*' && !is_space(bytes[i - 1]));
            assert_eq!(super::last_closer(bytes, b'*'), expected, "{text:?}");
        }
    }

    #[test]
    fn line_numbers_count_from_the_start_line() {
        let mut s = Scanner::new("a\nb\nc\n".into(), 10);
        assert_eq!(s.current_line_number(), 10);
        s.pos = 2;
        assert_eq!(s.current_line_number(), 11);
        s.pos = 0;
        assert_eq!(s.current_line_number(), 10);
        s.pos = 4;
        assert_eq!(s.current_line_number(), 12);
        assert_eq!(s.current_line_number(), 12);
        s.pos = 1;
        assert_eq!(s.current_line_number(), 11);
    }

    #[test]
    fn a_window_of_one_line_is_on_the_start_line_at_every_position() {
        let mut s = Scanner::new("a\nbcd ef\ng".into(), 7);
        s.narrow(2..8, true);
        for pos in [0, 3, 6, 2] {
            s.pos = pos;
            assert_eq!(s.current_line_number(), 7, "at {pos}");
        }
        assert_eq!(s.newlines(), 0);
    }

    #[test]
    fn newlines_are_those_of_the_whole_text_wherever_a_line_was_asked_for() {
        let mut s = Scanner::new("a\nb\n\nc\n".into(), 1);
        assert_eq!(s.newlines(), 4);
        for pos in [5, 2, 8, 0] {
            s.pos = pos;
            s.current_line_number();
            assert_eq!(s.newlines(), 4, "after asking at {pos}");
        }
    }
}
