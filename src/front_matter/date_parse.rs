//! Ruby's `Date._parse`, which `Time.parse` reads a text with ([`super::date_spellings`]): the
//! fields of a date and a time that its patterns find, as ext/date/date_parse.c finds them.
//!
//! It turns every character but letters, digits and `-+',./:@[]` into a space, takes out a
//! day name, then a time (with the zone after it), then tries the date patterns in turn until
//! one matches (`23 Dec 2016`, `Dec 23 2016`, `2016-12-23`, `H28.12.23`, `23-Dec-2016`,
//! `23/12/2016`, `23.12.2016`, ISO 8601's week and ordinal dates, `'16`, `Dec`, `23rd`, runs
//! of digits), then `BC`, then a lone number left over. Each pattern takes its match out of
//! the text, and whatever none takes is ignored. Last, a year of one or two digits written
//! without a sign is completed (69 to 99 in the 1900s, the rest in the 2000s), as `Time.parse`
//! asks. The patterns are Ruby's regexps ([`super::regexp`]), each next to its source.

use super::regexp::{alt, digit, digits, group, opt, plus, seq, spaces, star, times, Class, Found, Re};

/// The fields `Date._parse` hands `Time.parse` (not the week date's, which it ignores).
#[derive(Debug, Default, PartialEq)]
pub(super) struct Fields {
    pub year: Option<i64>,
    /// Day of the year.
    pub yday: Option<i64>,
    pub mon: Option<i64>,
    pub mday: Option<i64>,
    pub hour: Option<i64>,
    pub min: Option<i64>,
    pub sec: Option<i64>,
    /// The digits of the fraction of a second.
    pub fraction: Option<String>,
    pub zone: Option<String>,
    /// `BC`: the year is counted back from 1.
    bc: bool,
    /// The year is written with a sign or more than two digits: no century is added.
    full_year: bool,
}

/// Month and day names: `Date._parse` reads their first three letters only.
const MONTHS: &str = "janfebmaraprmayjunjulaugsepoctnovdec";
const DAYS: &str = "sunmontuewedthufrisat";

/// The fields `Date._parse(text, true)` finds in `text`.
pub(super) fn parse(text: &str) -> Fields {
    let mut text = ruby_spaces(text);
    let mut f = Fields::default();
    // `\b(sun|mon|tue|wed|thu|fri|sat)[^-/\d\s]*`: a day name, which Time.parse ignores.
    take(&mut text, &seq([Re::Boundary, names(DAYS), star(Re::Class(Class::NotDashSlashDigitSpace))]), |_| {});
    take(&mut text, &time(), |m| read_time(&mut f, m));
    let _ = take(&mut text, &european(), |m| s3e(&mut f, m.group(4), Some(month_number(m.group(2))), m.group(1), is_bc(m.group(3))))
        || take(&mut text, &american(), |m| s3e(&mut f, m.group(4), Some(month_number(m.group(1))), m.group(2), is_bc(m.group(3))))
        || take(&mut text, &iso(), |m| s3e(&mut f, m.group(1), m.group(2).map(str::to_owned), m.group(3), false))
        || take(&mut text, &japanese(), |m| read_japanese(&mut f, m))
        || take(&mut text, &vms_day_first(), |m| s3e(&mut f, m.group(3), Some(month_number(m.group(2))), m.group(1), false))
        || take(&mut text, &vms_month_first(), |m| s3e(&mut f, m.group(3), Some(month_number(m.group(1))), m.group(2), false))
        || take(&mut text, &joined('/'), |m| s3e(&mut f, m.group(1), m.group(2).map(str::to_owned), m.group(3), false))
        || take(&mut text, &joined('.'), |m| s3e(&mut f, m.group(1), m.group(2).map(str::to_owned), m.group(3), false))
        || week_date(&mut text)
        || take(&mut text, &month_day_iso(true), |m| set_month_day(&mut f, m))
        || take(&mut text, &month_day_iso(false), |m| set_month_day(&mut f, m))
        || ordinal_date(&mut text, &mut f)
        // `'(\d+)\b`: `'16`.
        || take(&mut text, &seq([Re::One('\''), group(1, digits()), Re::Boundary]), |m| set(&mut f.year, m.group(1)))
        // `\b(jan|…|dec)\S*`
        || take(&mut text, &seq([Re::Boundary, group(1, names(MONTHS)), star(Re::Class(Class::NotSpace))]), |m| f.mon = Some(month(m.group(1))))
        // `(\d+)(st|nd|rd|th)\b`
        || take(&mut text, &seq([group(1, digits()), ordinal(), Re::Boundary]), |m| set(&mut f.mday, m.group(1)))
        || take(&mut text, &digit_run(), |m| read_digit_run(&mut f, m));
    // `\b(bc\b|bce\b|b\.c\.|b\.c\.e\.)`
    let bc = alt([seq([Re::Text("bc"), Re::Boundary]), seq([Re::Text("bce"), Re::Boundary]), Re::Text("b.c."), Re::Text("b.c.e.")]);
    take(&mut text, &seq([Re::Boundary, bc]), |_| f.bc = true);
    // `\A\s*(\d{1,2})\s*\z`: a number left alone is the day after a time, or the hour after a day.
    take(&mut text, &seq([Re::Start, spaces(), group(1, times(digit(), 1, 2)), spaces(), Re::End]), |m| {
        let n = number(m.group(1).unwrap_or_default());
        if f.hour.is_some() && f.mday.is_none() && (1..=31).contains(&n) {
            f.mday = Some(n);
        }
        if f.mday.is_some() && f.hour.is_none() && (0..=24).contains(&n) {
            f.hour = Some(n);
        }
    });
    if f.bc {
        f.year = f.year.map(|y| 1i64.saturating_sub(y));
    }
    if !f.full_year {
        f.year = f.year.map(|y| match y {
            69..=99 => y + 1900,
            0..=68 => y + 2000,
            _ => y,
        });
    }
    f
}

/// The text as `Date._parse` reads it: each run of characters other than letters, digits
/// and `-+',./:@[]` one space.
fn ruby_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::kramdown::patterns::is_alnum(c) || "-+',./:@[]".contains(c) {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Takes `re`'s leftmost match out of `text` (a space in its place), once `read` has read it.
fn take(text: &mut String, re: &Re, read: impl FnOnce(&Found)) -> bool {
    let Some(found) = re.find(text) else { return false };
    read(&found);
    let span = found.start..found.end;
    text.replace_range(span, " ");
    true
}

/// `(jan|feb|…)` from names of three letters run together.
fn names(run: &'static str) -> Re {
    Re::Alt((0..run.len() / 3).map(|i| Re::Text(&run[3 * i..3 * i + 3])).collect())
}

/// `(st|nd|rd|th)`
fn ordinal() -> Re {
    alt([Re::Text("st"), Re::Text("nd"), Re::Text("rd"), Re::Text("th")])
}

/// `'?\d+`
fn quoted() -> Re {
    seq([opt(Re::One('\'')), digits()])
}

/// `'?-?\d+`
fn quoted_signed() -> Re {
    seq([opt(Re::One('\'')), opt(Re::One('-')), digits()])
}

/// `[^-/.]*`
fn not_dash_slash_dot() -> Re {
    star(Re::Class(Class::NotDashSlashDot))
}

/// `(c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.))`: an era.
fn era() -> Re {
    let t = Re::Text;
    alt([t("ce"), t("c.e."), t("bce"), t("b.c.e."), t("ad"), t("a.d."), t("bc"), t("b.c.")])
}

/// Whether the era is before Christ (`bc`, `b.c.e.`…).
fn is_bc(era: Option<&str>) -> bool {
    era.is_some_and(|e| e.starts_with(['b', 'B']))
}

/// `[ap](?:m\b|\.m\.)`, `letter` the `[ap]`.
fn meridian(letter: Re) -> Re {
    seq([letter, alt([seq([Re::One('m'), Re::Boundary]), Re::Text(".m.")])])
}

/// `parse_time`: a time, then maybe a zone.
///
/// ```text
/// ((?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)(?:\s*[ap](?:m\b|\.m\.))?|\d+\s*[ap](?:m\b|\.m\.))
/// (?:\s*((?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?|(?-i:[[:alpha:].\s]+)(?:standard|daylight)\stime\b|(?-i:[[:alpha:]]+)(?:\sdst)?\b))?
/// ```
fn time() -> Re {
    let colon = |then: Re| seq([spaces(), Re::One(':'), spaces(), digits(), then]);
    let fraction = opt(seq([Re::Class(Class::CommaDot), star(digit())]));
    let clock = alt([
        seq([digits(), colon(opt(colon(fraction)))]),
        seq([digits(), spaces(), Re::One('h'), opt(seq([spaces(), digits(), opt(Re::One('m')), opt(seq([spaces(), digits(), opt(Re::One('s'))]))]))]),
    ]);
    let time = alt([
        seq([clock, opt(seq([spaces(), meridian(Re::Class(Class::AmPm))]))]),
        seq([digits(), spaces(), meridian(Re::Class(Class::AmPm))]),
    ]);
    let signed = seq([
        opt(alt([Re::Text("gmt"), seq([Re::Text("ut"), opt(Re::One('c'))])])),
        Re::Class(Class::Sign),
        digits(),
        opt(seq([Re::Class(Class::CommaDotColon), digits(), opt(seq([Re::One(':'), digits()]))])),
    ]);
    let named = seq([
        plus(Re::Class(Class::AlphaDotSpace)),
        alt([Re::Text("standard"), Re::Text("daylight")]),
        Re::Class(Class::Space),
        Re::Text("time"),
        Re::Boundary,
    ]);
    let word = seq([plus(Re::Class(Class::Alpha)), opt(seq([Re::Class(Class::Space), Re::Text("dst")])), Re::Boundary]);
    seq([group(1, time), opt(seq([spaces(), group(2, alt([signed, named, word]))]))])
}

/// The time's fields, from its text with a second pattern:
/// `\A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?`.
fn read_time(f: &mut Fields, m: &Found) {
    if let Some(zone) = m.group(2) {
        f.zone = Some(zone.to_owned());
    }
    let colon = || seq([spaces(), opt(Re::One(':')), spaces()]);
    let seconds = seq([colon(), group(3, digits()), opt(seq([Re::Class(Class::CommaDot), group(4, digits())])), opt(Re::One('s'))]);
    let fields = seq([
        Re::Start,
        group(1, digits()),
        opt(Re::One('h')),
        opt(seq([colon(), group(2, digits()), opt(Re::One('m')), opt(seconds)])),
        opt(seq([spaces(), meridian(group(5, Re::Class(Class::AmPm)))])),
    ]);
    let Some(t) = fields.find(m.group(1).unwrap_or_default()) else { return };
    let mut hour = number(t.group(1).unwrap_or_default());
    // Ruby takes the hour modulo 12, plus 12 after noon (`12am` is midnight, `13pm` 13h); past a
    // C int it stops with a RangeError, and Jekyll with it: such an hour stays, refused.
    if let Some(p) = t.group(5).filter(|_| hour <= i64::from(i32::MAX)) {
        hour = hour % 12 + if p.eq_ignore_ascii_case("p") { 12 } else { 0 };
    }
    f.hour = Some(hour);
    set(&mut f.min, t.group(2));
    set(&mut f.sec, t.group(3));
    if let Some(fraction) = t.group(4) {
        f.fraction = Some(fraction.to_owned());
    }
}

/// `parse_eu`: `23 Dec 2016`, `23rd December, 2016 BC`.
/// `('?\d+)[^-\d\s]*\s*(jan|…|dec)[^-\d\s']*(?:\s*(era)?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?`
fn european() -> Re {
    seq([
        group(1, quoted()),
        star(Re::Class(Class::NotDashDigitSpace)),
        spaces(),
        group(2, names(MONTHS)),
        star(Re::Class(Class::NotDashDigitSpaceQuote)),
        opt(seq([spaces(), opt(group(3, era())), spaces(), group(4, seq([quoted_signed(), opt(seq([ordinal(), Re::Boundary]))]))])),
    ])
}

/// `parse_us`: `Dec 23 2016`, `December 23rd, 2016`.
/// `\b(jan|…|dec)[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*(era)?\s*('?-?\d+))?`
fn american() -> Re {
    seq([
        Re::Boundary,
        group(1, names(MONTHS)),
        star(Re::Class(Class::NotDashDigitSpaceQuote)),
        spaces(),
        group(2, quoted()),
        star(Re::Class(Class::NotDashDigitSpaceQuote)),
        opt(seq([spaces(), opt(Re::One(',')), spaces(), opt(group(3, era())), spaces(), group(4, quoted_signed())])),
    ])
}

/// `parse_iso`: `('?[-+]?\d+)-(\d+)-('?-?\d+)`.
fn iso() -> Re {
    let year = seq([opt(Re::One('\'')), opt(Re::Class(Class::Sign)), digits()]);
    seq([group(1, year), Re::One('-'), group(2, digits()), Re::One('-'), group(3, quoted_signed())])
}

/// `parse_jis`: a Japanese era's year (`H28.12.23`). `\b([mtsh])(\d+)\.(\d+)\.(\d+)`
fn japanese() -> Re {
    let dot = || Re::One('.');
    seq([Re::Boundary, group(1, Re::Class(Class::Era)), group(2, digits()), dot(), group(3, digits()), dot(), group(4, digits())])
}

fn read_japanese(f: &mut Fields, m: &Found) {
    // The year before each era's first: Meiji, Taishō, Shōwa, Heisei.
    let start = match m.group(1).unwrap_or_default().to_ascii_lowercase().as_str() {
        "m" => 1867,
        "t" => 1911,
        "s" => 1925,
        _ => 1988,
    };
    f.year = Some(number(m.group(2).unwrap_or_default()).saturating_add(start));
    set(&mut f.mon, m.group(3));
    set(&mut f.mday, m.group(4));
}

/// `parse_vms11`: `23-Dec-2016`. `('?-?\d+)-(jan|…|dec)[^-/.]*-('?-?\d+)`
fn vms_day_first() -> Re {
    seq([group(1, quoted_signed()), Re::One('-'), group(2, names(MONTHS)), not_dash_slash_dot(), Re::One('-'), group(3, quoted_signed())])
}

/// `parse_vms12`: `Dec-23-2016`. `\b(jan|…|dec)[^-/.]*-('?-?\d+)(?:-('?-?\d+))?`
fn vms_month_first() -> Re {
    let rest = opt(seq([Re::One('-'), group(3, quoted_signed())]));
    seq([Re::Boundary, group(1, names(MONTHS)), not_dash_slash_dot(), Re::One('-'), group(2, quoted_signed()), rest])
}

/// `parse_sla` (`('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?`) and `parse_dot`
/// (`('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)`): `2016/12/23`, `23.12.2016`.
fn joined(separator: char) -> Re {
    let last = if separator == '/' {
        opt(seq([Re::Class(Class::NotDigit), spaces(), group(3, quoted_signed())]))
    } else {
        seq([Re::One('.'), spaces(), group(3, quoted_signed())])
    };
    seq([group(1, quoted_signed()), Re::One(separator), spaces(), group(2, quoted()), last])
}

/// `\d{2}|\d{4}`, in that order.
fn two_or_four_digits() -> Re {
    alt([times(digit(), 2, 2), times(digit(), 4, 4)])
}

/// `parse_iso21` and `parse_iso22`: a week date (`2016-W51-5`, `-w-5`), which takes the date's
/// place but gives `Time.parse` nothing.
fn week_date(text: &mut String) -> bool {
    // `\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b`
    let week = seq([
        Re::Boundary,
        opt(two_or_four_digits()),
        opt(Re::One('-')),
        Re::One('w'),
        times(digit(), 2, 2),
        opt(seq([opt(Re::One('-')), digit()])),
        Re::Boundary,
    ]);
    // `-w-(\d)\b`
    take(text, &week, |_| {}) || take(text, &seq([Re::Text("-w-"), digit(), Re::Boundary]), |_| {})
}

/// `parse_iso23` (`--(\d{2})?-(\d{2})\b`: `--12-23`, `---23`) and `parse_iso24`
/// (`--(\d{2})(\d{2})?\b`: `--1223`, `--12`).
fn month_day_iso(dashed: bool) -> Re {
    let two = || times(digit(), 2, 2);
    if dashed {
        seq([Re::Text("--"), opt(group(1, two())), Re::One('-'), group(2, two()), Re::Boundary])
    } else {
        seq([Re::Text("--"), group(1, two()), opt(group(2, two())), Re::Boundary])
    }
}

/// `parse_iso25` and `parse_iso26`: an ordinal date (`2016-358`, `-358`), not where a longer
/// number runs into it.
fn ordinal_date(text: &mut String, f: &mut Fields) -> bool {
    let three = || times(digit(), 3, 3);
    // `[,.](\d{2}|\d{4})-\d{3}\b` stops `\b(\d{2}|\d{4})-(\d{3})\b`.
    let after_separator = seq([Re::Class(Class::CommaDot), two_or_four_digits(), Re::One('-'), three(), Re::Boundary]);
    let with_year = seq([Re::Boundary, group(1, two_or_four_digits()), Re::One('-'), group(2, three()), Re::Boundary]);
    let read = |m: &Found| {
        set(&mut f.year, m.group(1));
        set(&mut f.yday, m.group(2));
    };
    if after_separator.find(text).is_none() && take(text, &with_year, read) {
        return true;
    }
    // `\d-\d{3}\b` stops `\b-(\d{3})\b`.
    let after_digit = seq([digit(), Re::One('-'), three(), Re::Boundary]);
    let alone = seq([Re::Boundary, Re::One('-'), group(1, three()), Re::Boundary]);
    after_digit.find(text).is_none() && take(text, &alone, |m| set(&mut f.yday, m.group(1)))
}

fn set_month_day(f: &mut Fields, m: &Found) {
    set(&mut f.mon, m.group(1));
    set(&mut f.mday, m.group(2));
}

/// `parse_ddd`: a run of digits (ISO 8601's basic format and more), then maybe a time's digits,
/// a fraction, a zone.
/// `([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?`
fn digit_run() -> Re {
    let sign = || Re::Class(Class::Sign);
    let fraction = opt(seq([Re::Class(Class::CommaDot), group(4, star(digit()))]));
    let time = opt(seq([spaces(), opt(Re::One('t')), spaces(), opt(group(3, times(digit(), 2, 6))), fraction]));
    let bracket = seq([Re::One('['), opt(sign()), digit(), star(Re::Class(Class::NotBracket)), Re::One(']')]);
    let zone = alt([seq([Re::One('z'), Re::Boundary]), seq([sign(), times(digit(), 1, 4), Re::Boundary]), bracket]);
    seq([group(1, opt(sign())), group(2, times(digit(), 2, 14)), time, opt(seq([spaces(), group(5, zone)]))])
}

fn read_digit_run(f: &mut Fields, m: &Found) {
    let negative = m.group(1) == Some("-");
    let run = m.group(2).unwrap_or_default();
    let (time, fraction) = (m.group(3), m.group(4));
    let n = |from: usize, width: usize| Some(number(&run[from..from + width]));
    let year = |from: usize, width: usize| n(from, width).map(|y| if negative { -y } else { y });
    let l = run.len();
    // A fraction right after the run: its digits are a time, read from the right.
    let from_right = time.is_none() && fraction.is_some();
    match (l, from_right) {
        (2, true) => f.sec = n(0, 2),
        (2, false) => f.mday = n(0, 2),
        (4, true) => (f.sec, f.min) = (n(2, 2), n(0, 2)),
        (4, false) => (f.mon, f.mday) = (n(0, 2), n(2, 2)),
        (6, true) => (f.sec, f.min, f.hour) = (n(4, 2), n(2, 2), n(0, 2)),
        (6, false) => (f.year, f.mon, f.mday) = (year(0, 2), n(2, 2), n(4, 2)),
        (8 | 10 | 12 | 14, true) => {
            (f.sec, f.min, f.hour, f.mday) = (n(l - 2, 2), n(l - 4, 2), n(l - 6, 2), n(l - 8, 2));
            if l >= 10 {
                f.mon = n(l - 10, 2);
            }
            if l == 12 {
                f.year = year(0, 2);
            }
            if l == 14 {
                (f.year, f.full_year) = (year(0, 4), true);
            }
        }
        (8 | 10 | 12 | 14, false) => {
            (f.year, f.mon, f.mday, f.full_year) = (year(0, 4), n(4, 2), n(6, 2), true);
            let clock = [&mut f.hour, &mut f.min, &mut f.sec];
            for (i, field) in clock.into_iter().enumerate().take((l - 8) / 2) {
                *field = n(8 + 2 * i, 2);
            }
        }
        (3, true) => (f.sec, f.min) = (n(1, 2), n(0, 1)),
        (3, false) => f.yday = n(0, 3),
        (5, true) => (f.sec, f.min, f.hour) = (n(3, 2), n(1, 2), n(0, 1)),
        (5, false) => (f.year, f.yday) = (year(0, 2), n(2, 3)),
        (7, true) => (f.sec, f.min, f.hour, f.mday) = (n(5, 2), n(3, 2), n(1, 2), n(0, 1)),
        (7, false) => (f.year, f.yday) = (year(0, 4), n(4, 3)),
        _ => {}
    }
    if let Some(time) = time.filter(|t| matches!(t.len(), 2 | 4 | 6)) {
        let n = |from: usize| Some(number(&time[from..from + 2]));
        let l = time.len();
        if fraction.is_some() {
            f.sec = n(l - 2);
            if l >= 4 {
                f.min = n(l - 4);
            }
            if l >= 6 {
                f.hour = n(0);
            }
        } else {
            f.hour = n(0);
            if l >= 4 {
                f.min = n(2);
            }
            if l >= 6 {
                f.sec = n(4);
            }
        }
    }
    if let Some(fraction) = fraction {
        f.fraction = Some(fraction.to_owned());
    }
    if let Some(zone) = m.group(5) {
        // `[-5:EST]` names `EST`, `[+9]` names `+9`.
        let zone = match zone.strip_prefix('[') {
            Some(inner) => {
                let inner = &inner[..inner.len() - 1];
                inner.split_once(':').map_or(inner, |(_, name)| name)
            }
            None => zone,
        };
        f.zone = Some(zone.to_owned());
    }
}

/// `s3e`: year, month and day from the three texts a pattern found, sorted as Ruby sorts them:
/// with two, the first is the month; a text of more than two characters or starting with `'`
/// is the year wherever it stands; a year followed by more than its digits (`23rd`) is the day.
fn s3e(f: &mut Fields, y: Option<&str>, m: Option<String>, d: Option<&str>, bc: bool) {
    let (mut y, mut m, mut d) = (y.map(str::to_owned), m, d.map(str::to_owned));
    let long = |s: &Option<String>| s.as_ref().is_some_and(|s| s.len() > 2 || s.starts_with('\''));
    if y.is_some() && m.is_some() && d.is_none() {
        (y, m, d) = (None, y, m);
    }
    if y.is_none() && long(&d) {
        y = d.take();
    }
    if let Some((start, end)) = y.as_deref().and_then(signed_digits) {
        if end < y.as_deref().map_or(0, str::len) {
            let day = y.as_deref().map(|y| y[start..end].to_owned());
            (y, d) = (d, day);
        }
    }
    if long(&m) {
        (y, m, d) = (m, d, y);
    }
    if long(&d) {
        (y, d) = (d, y);
    }
    if let Some((start, end)) = y.as_deref().and_then(signed_digits) {
        let year = &y.as_deref().unwrap_or_default()[start..end];
        let signed = year.starts_with(['+', '-']);
        f.full_year |= signed || year.len() - usize::from(signed) > 2;
        f.year = Some(number(year));
    }
    f.bc |= bc;
    let unsigned = |s: Option<String>| s.and_then(|s| s.find(|c: char| c.is_ascii_digit()).map(|i| number(&s[i..])));
    if let Some(mon) = unsigned(m) {
        f.mon = Some(mon);
    }
    if let Some(mday) = unsigned(d) {
        f.mday = Some(mday);
    }
}

/// Where the first number of `s` is, with its sign: past what is neither a sign nor a digit.
fn signed_digits(s: &str) -> Option<(usize, usize)> {
    let start = s.find(|c: char| c.is_ascii_digit() || c == '+' || c == '-')?;
    let digits_start = start + usize::from(!s[start..].starts_with(|c: char| c.is_ascii_digit()));
    let end = digits_start + s[digits_start..].find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len() - digits_start);
    Some((start, end))
}

/// The number of the leading digits of `s` (after a sign), as Ruby's `to_i` reads them; one
/// past any field's range stays past it.
fn number(s: &str) -> i64 {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let n = digits.bytes().take_while(u8::is_ascii_digit).fold(0i64, |n, b| n.saturating_mul(10).saturating_add(i64::from(b - b'0')));
    if negative {
        -n
    } else {
        n
    }
}

/// Sets `field` to the number of `digits`, when they are there.
fn set(field: &mut Option<i64>, digits: Option<&str>) {
    if let Some(digits) = digits {
        *field = Some(number(digits));
    }
}

/// A month name's number: its first three letters' place (`mon_num`).
fn month(name: Option<&str>) -> i64 {
    let head = name.and_then(|n| n.get(..3)).unwrap_or_default();
    (0..12).find(|i| MONTHS[3 * i..3 * i + 3].eq_ignore_ascii_case(head)).map_or(13, |i| i as i64 + 1)
}

/// A month name's number as the text `s3e` takes.
fn month_number(name: Option<&str>) -> String {
    month(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Fields {
        parse(text)
    }

    #[test]
    fn a_day_name_and_a_time_are_taken_out_before_the_date() {
        let f = fields("Fri, 23 Dec 2016 17:50:30.25 +0100");
        assert_eq!((f.year, f.mon, f.mday), (Some(2016), Some(12), Some(23)));
        assert_eq!((f.hour, f.min, f.sec, f.fraction.as_deref(), f.zone.as_deref()), (Some(17), Some(50), Some(30), Some("25"), Some("+0100")));
    }

    #[test]
    fn any_word_after_a_time_is_its_zone() {
        assert_eq!(fields("Dec 23 2016 17:50 Eastern Standard Time").zone.as_deref(), Some("Eastern Standard Time"));
        assert_eq!(fields("2016-12-23 17:50 hello world").zone.as_deref(), Some("hello"));
        assert_eq!(fields("Dec 23 2016 17:50 CET DST").zone.as_deref(), Some("CET DST"));
    }

    #[test]
    fn words_no_pattern_takes_are_ignored_and_some_are_taken_for_something_else() {
        assert_eq!(fields("Posted on Dec 23 2016"), fields("Dec 23 2016"));
        // `2016 h…` is an hour (`17 h`), and the year is gone.
        let f = fields("Dec 23 2016 hello");
        assert_eq!((f.year, f.hour, f.zone.as_deref()), (None, Some(2016), Some("ello")));
    }

    #[test]
    fn two_digit_years_get_a_century_unless_written_longer_or_signed() {
        assert_eq!(fields("Dec 23 16").year, Some(2016));
        assert_eq!(fields("Dec 23 69").year, Some(1969));
        assert_eq!(fields("23/12/16").year, Some(2023), "the first number of three is the year");
        assert_eq!(fields("Dec 23 016").year, Some(16));
        assert_eq!(fields("161223").year, Some(2016));
        assert_eq!(fields("Dec 23 99 BC").year, Some(-98), "BC counts back from 1, then no century");
    }

    #[test]
    fn a_run_of_digits_is_a_date_then_a_time() {
        let f = fields("20161223T175000.5Z");
        assert_eq!((f.year, f.mon, f.mday, f.hour, f.min, f.sec), (Some(2016), Some(12), Some(23), Some(17), Some(50), Some(0)));
        assert_eq!((f.fraction.as_deref(), f.zone.as_deref()), (Some("5"), Some("Z")));
        assert_eq!(fields("20161223 [-5:EST]").zone.as_deref(), Some("EST"));
        let f = fields("20161223.5");
        assert_eq!((f.year, f.mday, f.hour, f.min, f.sec), (None, Some(20), Some(16), Some(12), Some(23)), "read from the right");
    }

    #[test]
    fn week_dates_take_the_date_s_place_and_give_nothing() {
        assert_eq!(fields("2016-W51-5"), Fields::default());
    }
}
