//! Jekyll 4.3's `Utils.slugify`, for permalinks (`:title`, `:slug`, `:name`,
//! `:slugified_categories`) and Liquid's `slugify` filter. Its classes are Ruby's regexps'
//! (Unicode 13), not Rust's: marks are kept, letter numbers (`Ⅻ`) and other numbers (`²`) are
//! not, nor letters Unicode added since.

use crate::kramdown::patterns::{is_letter_mark_or_digit, is_space_char};
use crate::ruby_case::downcase;

/// A slugify mode, by its name in Jekyll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Runs of white space made `-`.
    Raw,
    /// Runs of what is not a letter, mark or decimal digit made `-`.
    Default,
    /// As `Default`, keeping also `._~!$&'()+,;=@`, which URLs show as they are.
    Pretty,
    /// Runs of what is not an ASCII letter or digit made `-`.
    Ascii,
    /// `Default` after I18n's transliteration of Latin letters to ASCII (others become `?`).
    Latin,
    /// Any other name (`none`): the text as it is.
    Other,
}

impl Mode {
    /// The mode Jekyll runs for `name`.
    pub fn named(name: &str) -> Mode {
        match name {
            "raw" => Mode::Raw,
            "default" => Mode::Default,
            "pretty" => Mode::Pretty,
            "ascii" => Mode::Ascii,
            "latin" => Mode::Latin,
            _ => Mode::Other,
        }
    }
}

/// `text` as Jekyll's `slugify(text, mode:, cased:)` makes it: the mode's runs made `-`, one
/// `-` taken off each end, in lower case unless `cased`.
pub fn slugify(text: &str, mode: Mode, cased: bool) -> String {
    let slug = match mode {
        Mode::Other => text.to_owned(),
        Mode::Latin => trim_hyphen(&hyphenate(&transliterate(text), Mode::Default)),
        _ => trim_hyphen(&hyphenate(text, mode)),
    };
    match cased {
        true => slug,
        false => downcase(&slug),
    }
}

/// Each run of the characters `mode` replaces made one `-` (Ruby's `gsub(/[...]+/, "-")`: a
/// `-` already there stays in `raw` mode, apart from the runs).
fn hyphenate(text: &str, mode: Mode) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_run = false;
    for c in text.chars() {
        let replaced = match mode {
            Mode::Raw => is_space_char(c),
            Mode::Pretty => !(is_letter_mark_or_digit(c) || "._~!$&'()+,;=@".contains(c)),
            Mode::Ascii => !c.is_ascii_alphanumeric(),
            _ => !is_letter_mark_or_digit(c),
        };
        match (replaced, in_run) {
            (false, _) => out.push(c),
            (true, false) => out.push('-'),
            (true, true) => {}
        }
        in_run = replaced;
    }
    out
}

/// Jekyll's `gsub!(/^-|-$/, "")`: one `-` off each end (the text has no newline left).
fn trim_hyphen(slug: &str) -> String {
    let slug = slug.strip_prefix('-').unwrap_or(slug);
    slug.strip_suffix('-').unwrap_or(slug).to_owned()
}

/// What I18n's `transliterate` makes of each character (I18n 1.10's default approximations),
/// from U+00C0.
const LATIN: &str = "A A A A A A AE C E E E E I I I I D N O O O O O x O U U U U Y Th ss a a a a a a ae c e e e e i i i i d n o o o o o ? o u u u u y th y A a A a A a C c C c C c C c D d D d E e E e E e E e E e G g G g G g G g H h H h I i I i I i I i I i IJ ij J j K k k L l L l L l L l L l N n N n N n 'n NG ng O o O o O o OE oe R r R r R r S s S s S s S s T t T t T t U u U u U u U u U u U u W w Y y Y Z z Z z Z z";

/// I18n's `transliterate`: ASCII as it is, a Latin letter as its approximation, anything else `?`.
fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let latin = (u32::from(c)).checked_sub(0xC0).and_then(|i| LATIN.split(' ').nth(i as usize));
        match latin {
            _ if c.is_ascii() => out.push(c),
            Some(ascii) => out.push_str(ascii),
            None => out.push('?'),
        }
    }
    out
}
