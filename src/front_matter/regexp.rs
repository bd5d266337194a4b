//! The regular expressions of Ruby's `Date._parse` ([`super::date_parse`]), matched as Ruby's
//! Onigmo matches them: at the leftmost place where they match, and there by trying each
//! choice in order and each repetition at its longest first, backing up when the rest fails.
//!
//! They are built in code and run as a small program of steps, with no table of strings, no
//! function pointers and no closures behind pointers: the first download holds all of those
//! (its strings, and its table of functions, a slot for each function reached through a
//! pointer), but only the code that real articles run (scripts/build.sh). Classes are Ruby's
//! for a UTF-8 text: `\d` and `\s` are ASCII, `\b` and `[[:alpha:]]` Unicode's, and letters
//! match in either ASCII case (`/i`; a text with a letter Unicode folds into ASCII ones, such
//! as `ſ`, is not read: [`folds_into_ascii`]).

use crate::kramdown::patterns::{self, is_space_char as is_space};

/// A regular expression.
pub(super) enum Re {
    /// One character of the class.
    Class(Class),
    /// This character, in either ASCII case.
    One(char),
    /// These characters, in either ASCII case.
    Text(&'static str),
    /// One after the other.
    Seq(Vec<Re>),
    /// The first choice that lets the rest match.
    Alt(Vec<Re>),
    /// From `min` to `max` times, as many as the rest allows; a repetition without end only of
    /// what takes a character at least.
    Repeat(Box<Re>, usize, usize),
    /// Capture group `n` (from 1 to 5, as Ruby numbers them).
    Group(usize, Box<Re>),
    /// `\b`.
    Boundary,
    /// `\A`.
    Start,
    /// `\z`.
    End,
}

/// The character classes of `Date._parse`'s regexps.
#[derive(Clone, Copy)]
pub(super) enum Class {
    /// `\d`
    Digit,
    /// `\D`
    NotDigit,
    /// `\s`
    Space,
    /// `\S`
    NotSpace,
    /// `[[:alpha:]]`
    Alpha,
    /// `[[:alpha:].\s]`
    AlphaDotSpace,
    /// `[-+]`
    Sign,
    /// `[,.]`
    CommaDot,
    /// `[,.:]`
    CommaDotColon,
    /// `[ap]`
    AmPm,
    /// `[mtsh]`: the initials of Japanese eras.
    Era,
    /// `[^-/\d\s]`
    NotDashSlashDigitSpace,
    /// `[^-\d\s]`
    NotDashDigitSpace,
    /// `[^-\d\s']`
    NotDashDigitSpaceQuote,
    /// `[^-/.]`
    NotDashSlashDot,
    /// `[^\]]`
    NotBracket,
}

impl Class {
    fn has(self, c: char) -> bool {
        let dash_digit_space = c == '-' || c.is_ascii_digit() || is_space(c);
        match self {
            Class::Digit => c.is_ascii_digit(),
            Class::NotDigit => !c.is_ascii_digit(),
            Class::Space => is_space(c),
            Class::NotSpace => !is_space(c),
            Class::Alpha => c.is_alphabetic(),
            Class::AlphaDotSpace => c.is_alphabetic() || c == '.' || is_space(c),
            Class::Sign => c == '+' || c == '-',
            Class::CommaDot => c == ',' || c == '.',
            Class::CommaDotColon => matches!(c, ',' | '.' | ':'),
            Class::AmPm => matches!(c.to_ascii_lowercase(), 'a' | 'p'),
            Class::Era => matches!(c.to_ascii_lowercase(), 'm' | 't' | 's' | 'h'),
            Class::NotDashSlashDigitSpace => !(dash_digit_space || c == '/'),
            Class::NotDashDigitSpace => !dash_digit_space,
            Class::NotDashDigitSpaceQuote => !(dash_digit_space || c == '\''),
            Class::NotDashSlashDot => !matches!(c, '-' | '/' | '.'),
            Class::NotBracket => c != ']',
        }
    }
}

/// A step of a compiled regexp.
enum Step {
    Class(Class),
    One(char),
    Text(&'static str),
    /// Go on at the first step; if that fails, back here at the second.
    Split(usize, usize),
    Jump(usize),
    /// Note the position in a group's slot (`2n` its start, `2n + 1` its end).
    Save(usize),
    Boundary,
    Start,
    End,
    Match,
}

/// Group spans as byte offsets, by slot.
type Slots = [Option<usize>; 12];

/// A match: where it is in the text, and its groups.
pub(super) struct Found<'t> {
    text: &'t str,
    pub start: usize,
    pub end: usize,
    slots: Slots,
}

impl<'t> Found<'t> {
    /// Group `n`'s text, when it took part in the match.
    pub fn group(&self, n: usize) -> Option<&'t str> {
        Some(&self.text[self.slots[2 * n]?..self.slots[2 * n + 1]?])
    }
}

impl Re {
    /// The leftmost match in `text`.
    pub fn find<'t>(&self, text: &'t str) -> Option<Found<'t>> {
        let mut steps = Vec::new();
        self.compile(&mut steps);
        steps.push(Step::Match);
        let mut starts = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        starts.find_map(|start| {
            let (end, slots) = run(&steps, text, start)?;
            Some(Found { text, start, end, slots })
        })
    }

    fn compile(&self, steps: &mut Vec<Step>) {
        match self {
            Re::Class(class) => steps.push(Step::Class(*class)),
            Re::One(c) => steps.push(Step::One(*c)),
            Re::Text(text) => steps.push(Step::Text(text)),
            Re::Seq(items) => items.iter().for_each(|item| item.compile(steps)),
            Re::Alt(choices) => {
                // Each choice but the last: a split to it or else to the next, and a jump past
                // the others once it matched.
                let (mut splits, mut jumps) = (Vec::new(), Vec::new());
                for (i, choice) in choices.iter().enumerate() {
                    if i + 1 < choices.len() {
                        splits.push(steps.len());
                        steps.push(Step::Split(0, 0));
                    }
                    choice.compile(steps);
                    if i + 1 < choices.len() {
                        jumps.push(steps.len());
                        steps.push(Step::Jump(0));
                    }
                }
                let end = steps.len();
                for (split, next) in splits.into_iter().zip(jumps.iter().map(|jump| jump + 1)) {
                    steps[split] = Step::Split(split + 1, next);
                }
                jumps.into_iter().for_each(|jump| steps[jump] = Step::Jump(end));
            }
            Re::Repeat(item, min, max) => {
                (0..*min).for_each(|_| item.compile(steps));
                if *max == usize::MAX {
                    let split = steps.len();
                    steps.push(Step::Split(0, 0));
                    item.compile(steps);
                    steps.push(Step::Jump(split));
                    steps[split] = Step::Split(split + 1, steps.len());
                } else {
                    // Each optional one inside the one before (`(x(x)?)?`), all ending together.
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(steps.len());
                        steps.push(Step::Split(0, 0));
                        item.compile(steps);
                    }
                    let end = steps.len();
                    splits.into_iter().for_each(|split| steps[split] = Step::Split(split + 1, end));
                }
            }
            Re::Group(n, item) => {
                steps.push(Step::Save(2 * n));
                item.compile(steps);
                steps.push(Step::Save(2 * n + 1));
            }
            Re::Boundary => steps.push(Step::Boundary),
            Re::Start => steps.push(Step::Start),
            Re::End => steps.push(Step::End),
        }
    }
}

/// Runs `steps` on `text` from `start`: the end of the first match found, trying each split's
/// first way first, and its groups.
fn run(steps: &[Step], text: &str, start: usize) -> Option<(usize, Slots)> {
    let mut ways = vec![(0, start, [None; 12])];
    while let Some((mut at, mut pos, mut slots)) = ways.pop() {
        loop {
            let next = text[pos..].chars().next();
            let moved = match steps[at] {
                Step::Class(class) => next.filter(|&c| class.has(c)).map(char::len_utf8),
                Step::One(wanted) => next.filter(|c| c.eq_ignore_ascii_case(&wanted)).map(char::len_utf8),
                Step::Text(wanted) => text.get(pos..pos + wanted.len()).filter(|t| t.eq_ignore_ascii_case(wanted)).map(str::len),
                Step::Split(first, second) => {
                    ways.push((second, pos, slots));
                    at = first;
                    continue;
                }
                Step::Jump(to) => {
                    at = to;
                    continue;
                }
                Step::Save(slot) => {
                    slots[slot] = Some(pos);
                    Some(0)
                }
                Step::Boundary => {
                    let before = text[..pos].chars().next_back().is_some_and(patterns::is_word_char);
                    (before != next.is_some_and(patterns::is_word_char)).then_some(0)
                }
                Step::Start => (pos == 0).then_some(0),
                Step::End => next.is_none().then_some(0),
                Step::Match => return Some((pos, slots)),
            };
            match moved {
                Some(length) => (at, pos) = (at + 1, pos + length),
                None => break,
            }
        }
    }
    None
}

/// Whether `text` has a letter that Ruby's `/i` or `upcase` takes for ASCII ones: `ſ` for
/// `s`, the Kelvin sign for `k`, `ß` for `ss`, `ı` upcased to `I`, ligatures (`ﬆ`).
pub(super) fn folds_into_ascii(text: &str) -> bool {
    text.chars().any(|c| matches!(c, 'ß' | 'ı' | 'İ' | 'ſ' | 'ẞ' | '\u{212a}' | '\u{fb00}'..='\u{fb06}'))
}

/// The items one after the other.
pub(super) fn seq<const N: usize>(items: [Re; N]) -> Re {
    Re::Seq(items.into())
}

/// The first of `choices` that matches.
pub(super) fn alt<const N: usize>(choices: [Re; N]) -> Re {
    Re::Alt(choices.into())
}

/// `re?`
pub(super) fn opt(re: Re) -> Re {
    Re::Repeat(Box::new(re), 0, 1)
}

/// `re*`
pub(super) fn star(re: Re) -> Re {
    Re::Repeat(Box::new(re), 0, usize::MAX)
}

/// `re+`
pub(super) fn plus(re: Re) -> Re {
    Re::Repeat(Box::new(re), 1, usize::MAX)
}

/// `re{min,max}`
pub(super) fn times(re: Re, min: usize, max: usize) -> Re {
    Re::Repeat(Box::new(re), min, max)
}

/// `(re)`, group `n`.
pub(super) fn group(n: usize, re: Re) -> Re {
    Re::Group(n, Box::new(re))
}

/// `\d`
pub(super) fn digit() -> Re {
    Re::Class(Class::Digit)
}

/// `\d+`
pub(super) fn digits() -> Re {
    plus(digit())
}

/// `\s*`
pub(super) fn spaces() -> Re {
    star(Re::Class(Class::Space))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(re: &Re, text: &str) -> Option<(String, Vec<Option<String>>)> {
        let found = re.find(text)?;
        let groups = (1..6).map(|n| found.group(n).map(str::to_owned)).collect();
        Some((text[found.start..found.end].to_owned(), groups))
    }

    #[test]
    fn the_leftmost_match_wins_and_repetitions_give_back_what_the_rest_needs() {
        // `\d+[^-\d\s]*\s*(dec)`: the letters' run gives back `Dec`.
        let re = seq([digits(), star(Re::Class(Class::NotDashDigitSpace)), spaces(), group(1, Re::Text("dec"))]);
        let (whole, groups) = found(&re, "x 23Dec 2016").unwrap();
        assert_eq!((whole.as_str(), groups[0].as_deref()), ("23Dec", Some("Dec")));
    }

    #[test]
    fn choices_are_tried_in_order_not_for_the_longest() {
        let re = seq([group(1, alt([times(digit(), 2, 2), times(digit(), 4, 4)])), Re::One('w')]);
        assert_eq!(found(&re, "2016W51").unwrap().1[0].as_deref(), Some("2016"), "`\\d{{2}}` first, then `\\d{{4}}` when `w` must follow");
        assert_eq!(found(&alt([Re::Text("bc"), Re::Text("bce")]), "BCE").unwrap().0, "BC");
        assert_eq!(found(&alt([Re::Text("a"), Re::Text("b"), Re::Text("c")]), "c").unwrap().0, "c");
    }

    #[test]
    fn a_bounded_repetition_takes_as_many_as_it_may_then_gives_back() {
        let re = seq([group(1, times(digit(), 2, 4)), group(2, times(digit(), 2, 2))]);
        assert_eq!(found(&re, "123456").unwrap().1[..2], [Some("1234".to_owned()), Some("56".to_owned())]);
        assert_eq!(found(&re, "12345").unwrap().1[..2], [Some("123".to_owned()), Some("45".to_owned())]);
        assert!(re.find("123").is_none());
    }

    #[test]
    fn a_group_that_did_not_take_part_is_none() {
        let re = seq([group(1, digits()), opt(seq([Re::One('.'), group(2, star(digit()))]))]);
        assert_eq!(found(&re, "12").unwrap().1[..2], [Some("12".to_owned()), None]);
        assert_eq!(found(&re, "12.").unwrap().1[..2], [Some("12".to_owned()), Some(String::new())]);
    }

    #[test]
    fn a_word_boundary_sees_unicode_letters_as_word_characters() {
        let re = seq([Re::Boundary, Re::Text("dec")]);
        assert!(re.find("éDec").is_none());
        assert!(re.find("1 Dec").is_some());
        assert!(re.find("_Dec").is_none());
    }

    #[test]
    fn anchors_hold_the_match_to_the_whole_text() {
        let re = seq([Re::Start, spaces(), group(1, times(digit(), 1, 2)), spaces(), Re::End]);
        assert_eq!(found(&re, " 23 ").unwrap().1[0].as_deref(), Some("23"));
        assert!(re.find("123").is_none());
    }
}
