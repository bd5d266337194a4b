//! The spellings of a date that Ruby's `Time.parse` reads beyond the ISO-like ones of
//! [`super::date`]: `Dec 23 2016`, `Fri, 23 December 2016 5:50pm EST`, `2016/12/23 17:50`,
//! `23.12.2016`, `20161223T175000Z`, `2016-358`.
//!
//! `Time.parse` hands the text to `Date._parse`, which takes out a day name, then a time (with
//! a zone after it), then tries date patterns in turn, ignoring whatever is left; `Time.parse`
//! then resolves the zone with `Time.zone_offset`. Folio follows the same steps but reads only
//! what it can read as Ruby does, and reports the rest:
//!
//! - day names (`Fri`, `Friday,`) are dropped, as Ruby drops them (it never checks them);
//! - a time is `17:50[:00[.fraction]]`, `5pm`, `5:50 p.m.`, `17h50`, then maybe a zone:
//!   `±HH`, `±HHMM`, `±HH:MM[:SS]`, `Z`, `UTC`, `UT`, `GMT`, the US zones (`EST`, `PDT`…) and
//!   the military letters are fixed offsets; other signed offsets (`+1`, `GMT+1`) Ruby ignores,
//!   reading the site's time; other names are reported ([`Why::UnknownZone`]);
//! - a date is a day, an English month name (or any word starting with its first three
//!   letters, as in Ruby) and a year in either order (`23 Dec 2016`, `Dec 23rd, 2016`,
//!   `Dec 2016`), or numbers joined by `/`, `.` or `-` (`2016/12/23`, `23.12.2016`,
//!   `23-Dec-2016`); which number is the year follows Ruby's rule (the one of more than two
//!   digits), so `01/02/2016` is February 1st and `12/23/2016` is refused; or an ordinal date,
//!   `2016-358` (the 358th day: December 23rd; `2015-366` and `2016-000` Ruby refuses);
//! - else, Ruby's last pattern, a run of digits ([`DigitRun`]), as ISO 8601's basic format
//!   writes them: a date of eight digits or an ordinal one of seven (`20161223`, `2016358`),
//!   then a time's two, four or six digits, joined (`201612231750`) or after a `T` or a space
//!   (`20161223T1750`, `20161223 175000`), maybe a fraction (`.5`), maybe a zone: `Z`, or a sign
//!   and up to four digits (`+0100`, `-05`; `+1` Ruby ignores). Runs of other lengths Ruby
//!   reads without a year (`1223`), with two digits for it (`161223`), or not at all.
//!
//! Not read, though Ruby reads them: two-digit years (Ruby guesses the century), dates without
//! a year (Ruby takes the current one), zone names Folio cannot place, any text with words
//! left over (`Posted on Dec 23 2016`, which Ruby reads by ignoring them), and digits Ruby
//! skips (`20161223T17500Z` is midnight: it takes no time of five digits).

use super::date::Why;
use crate::datetime::Date;

/// A time of day as written: a wall-clock reading, at `offset` seconds east of UTC when it
/// names one, else in the site's zone.
pub(super) struct Clock {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub nanosecond: u32,
    pub offset: Option<i32>,
}

/// `text` read as Ruby's `Time.parse` reads it, or why it is not.
#[inline(never)] // never reached by an ISO date: kept out of the first download (scripts/build.sh)
pub(super) fn read(text: &str) -> Result<(Date, Clock), Why> {
    let mut words = words(text);
    // `Date._parse` drops the first day name wherever it is; Folio its comma too (`Fri, 20161223`).
    if let Some(i) = words.iter().position(|w| is_day_name(w)) {
        words.remove(i);
        if words.get(i) == Some(&",") {
            words.remove(i);
        }
    }
    let mut clock = None;
    let mut date_words = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let at = words[i].eq_ignore_ascii_case("at") || words[i] == "@";
        if clock.is_none() {
            if let Some((time, used)) = time(&words[i + usize::from(at)..])? {
                clock = Some(time);
                i += used + usize::from(at);
                continue;
            }
        }
        date_words.push(words[i]);
        i += 1;
    }
    if date_words.is_empty() && clock.is_some() {
        return Err(Why::Incomplete); // a time alone: Ruby takes today
    }
    // Ruby's last pattern, tried first here: it takes only what no other takes (not `2016-358`).
    let joined = date_words.join(" ");
    if let Some(run) = DigitRun::parse(&joined) {
        return run.read(clock);
    }
    let clock = clock.unwrap_or(Clock { hour: 0, minute: 0, second: 0, nanosecond: 0, offset: None });
    Ok((date(&date_words, &clock)?, clock))
}

/// The text's words as `Date._parse` sees them: it keeps letters, digits and `-+',./:@[]`,
/// and takes every other character for a space. A comma ending a word is a word of its own
/// (it stops a zone after a time, and makes `20161223,` no date), and an ISO date's `T` before
/// its time (`2016-12-23T17:50`, `20161223T1750`) separates them; not an ordinal date's
/// (`2016-358T17:50`), which Ruby refuses, its pattern wanting the date to end there.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || "-+',./:@[]".contains(c))) {
        let bare = word.trim_end_matches(',');
        let t = bare.find(['T', 't']).filter(|&t| {
            let date = &bare[..t];
            t > 0
                && date.bytes().all(|b| b.is_ascii_digit() || b == b'-')
                && date.matches('-').count() != 1
                && bare[t + 1..].starts_with(|c: char| c.is_ascii_digit())
        });
        match t {
            Some(t) => words.extend([&bare[..t], &bare[t + 1..]]),
            None if !bare.is_empty() => words.push(bare),
            None => {}
        }
        if bare.len() < word.len() {
            words.push(",");
        }
    }
    words
}

/// The days of the week from Sunday, in one string, not a table of them: the first download
/// holds this data, though the code is rare (also Liquid's `date` filter's).
pub(crate) const DAYS: &str = "sunday monday tuesday wednesday thursday friday saturday";

/// `Fri`, `Fri.`, `Friday`: what Ruby takes for a day name and ignores.
fn is_day_name(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word).to_ascii_lowercase();
    DAYS.split(' ').any(|day| word == day[..3] || word == day)
}

/// The months' first three letters, in one string (data the first download holds).
const MONTHS: &str = "janfebmaraprmayjunjulaugsepoctnovdec";

/// The first three letters of month `month` (1 to 12), in lower case.
pub(crate) fn month_abbreviation(month: u8) -> Option<&'static str> {
    let at = 3 * usize::from(month.checked_sub(1)?);
    MONTHS.get(at..at + 3)
}

/// The month a word names: Ruby takes any word that starts with a month's first three letters
/// (`Dec`, `Dec.`, `December`, `Sept`, and also `Juni` or `Marzo`).
fn month(word: &str) -> Option<u8> {
    let head = word.get(..3)?.to_ascii_lowercase();
    let rest = &word[3..];
    if !rest.chars().all(|c| c.is_alphabetic() || c == '.') {
        return None;
    }
    (0..12).find(|i| MONTHS[3 * i..3 * i + 3] == head).map(|i| i as u8 + 1)
}

/// A time at the start of `words` and the number of words it takes (its am/pm and zone may be
/// words of their own): `17:50`, `17:50:30.25`, `5:50pm`, `5 p.m.`, `17h50`, then maybe a zone.
fn time(words: &[&str]) -> Result<Option<(Clock, usize)>, Why> {
    let Some(&word) = words.first() else { return Ok(None) };
    let (hour, mut rest) = digits(word);
    let Some(hour) = hour else { return Ok(None) };
    let (mut minute, mut second, mut fraction) = (0, 0, "");
    if let Some(after) = rest.strip_prefix(':') {
        let (m, after) = digits(after);
        let Some(m) = m else { return Ok(None) };
        (minute, rest) = (m, after);
        if let Some(after) = rest.strip_prefix(':') {
            let (s, after) = digits(after);
            let Some(s) = s else { return Ok(None) };
            (second, rest) = (s, after);
            if let Some(after) = rest.strip_prefix(['.', ',']) {
                (fraction, rest) = split_digits(after);
            }
        }
    } else if let Some(after) = rest.strip_prefix(['h', 'H']) {
        // `17h`, `17h50`, `17h50m`, `17h50m30s`.
        let (m, after) = digits(after);
        rest = after;
        if let Some(m) = m {
            minute = m;
            rest = rest.strip_prefix('m').unwrap_or(rest);
            let (s, after) = digits(rest);
            if let Some(s) = s {
                (second, rest) = (s, after.strip_prefix('s').unwrap_or(after));
            }
        }
    } else if meridian(rest).is_none() && !(rest.is_empty() && words.get(1).is_some_and(|w| meridian(w) == Some(""))) {
        return Ok(None); // a number, not an hour
    }
    let mut used = 1;
    if rest.is_empty() && words.get(1).is_some_and(|w| meridian(w) == Some("")) {
        rest = words[1];
        used = 2;
    }
    let mut hour = u32::from(hour);
    if let Some(after) = meridian(rest) {
        // Ruby: the hour modulo 12, plus 12 after noon (`12am` is midnight, `13pm` is 13h).
        hour = hour % 12 + if rest.starts_with(['p', 'P']) { 12 } else { 0 };
        rest = after;
    }
    let zone = match (rest, words.get(used)) {
        ("", Some(next)) if next.starts_with(|c: char| c == '+' || c == '-' || c.is_alphabetic()) => {
            used += 1;
            *next
        }
        (attached, _) => attached,
    };
    let offset = if zone.is_empty() { None } else { zone_offset(zone)? };
    Ok(Some((clock(hour, u32::from(minute), u32::from(second), fraction, offset)?, used)))
}

/// The clock the numbers read give, refused where Ruby's `Time.local` refuses them: it takes
/// 24:00:00 (the next midnight) and a leap second (the next minute).
fn clock(hour: u32, minute: u32, second: u32, fraction: &str, offset: Option<i32>) -> Result<Clock, Why> {
    if hour > 24 || (hour == 24 && minute + second > 0) || minute > 59 || second > 60 {
        return Err(Why::NotADate);
    }
    let nanosecond = fraction.bytes().chain(std::iter::repeat(b'0')).take(9).fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    Ok(Clock { hour: hour as u8, minute: minute as u8, second: second as u8, nanosecond, offset })
}

/// The leading digits of `text` as a number below 256 (`None` when there are none, or more),
/// and what follows them.
fn digits(text: &str) -> (Option<u8>, &str) {
    let (digits, rest) = split_digits(text);
    (digits.parse().ok(), rest)
}

/// `text` split after its leading ASCII digits.
fn split_digits(text: &str) -> (&str, &str) {
    text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()))
}

/// Whether `s` is one or more ASCII digits.
fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// What follows `am`, `pm`, `a.m.` or `p.m.` at the start of `text` (any case), when it is
/// there and ends the word or is followed by a zone.
fn meridian(text: &str) -> Option<&str> {
    let lower = text.get(..4).map(str::to_ascii_lowercase);
    if matches!(lower.as_deref(), Some("a.m." | "p.m.")) {
        return Some(&text[4..]);
    }
    let marker = text.get(..2)?.to_ascii_lowercase();
    let rest = &text[2..];
    (matches!(marker.as_str(), "am" | "pm") && !rest.starts_with(char::is_alphanumeric)).then_some(rest)
}

/// Seconds east of UTC that Ruby's `Time.zone_offset` gives a zone, `None` where Ruby ignores
/// the zone and reads the site's time.
fn zone_offset(zone: &str) -> Result<Option<i32>, Why> {
    let upper = zone.to_ascii_uppercase();
    if let Some(offset) = numeric_offset(&upper) {
        // Beyond a day, `Time#localtime` refuses it.
        return if offset.abs() < 86_400 { Ok(Some(offset)) } else { Err(Why::NotADate) };
    }
    if let Some(hours) = named_offset(&upper) {
        return Ok(Some(hours * 3600));
    }
    if month(zone).is_some() {
        return Err(Why::NotADate); // a time before its date: Ruby takes the month for a zone
    }
    if zone.chars().all(char::is_alphabetic) {
        // Perhaps one of the site zone's own abbreviations (`CET` in Europe/Paris), which Ruby
        // reads and the calendar does not name.
        return Err(Why::UnknownZone(zone.to_owned()));
    }
    // What else `Date._parse` takes for a zone, `(gmt|utc?)?[-+]\d+([,.:]\d+(:\d+)?)?`, Ruby
    // ignores: `+1`, `GMT+1`, `UTC+01:00`.
    let signed = ["GMT", "UTC", "UT", ""].iter().find_map(|p| upper.strip_prefix(p).and_then(|r| r.strip_prefix(['+', '-'])));
    let mut numbers = signed.ok_or(Why::NotADate)?.split([',', '.', ':']);
    let separators = upper.matches([',', '.', ':']).collect::<String>();
    if numbers.all(all_digits) && matches!(separators.as_str(), "" | "," | "." | ":" | "::") {
        Ok(None)
    } else {
        Err(Why::NotADate)
    }
}

/// `±HH`, `±HHMM`, `±HH:MM`, `±HHMMSS`, `±HH:MM:SS`: `Time.zone_offset`'s numeric forms (any
/// two digits for minutes and seconds: `+0160` is two hours).
fn numeric_offset(zone: &str) -> Option<i32> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &zone[1..];
    let two = |s: &str| (s.len() == 2 && all_digits(s)).then(|| s.parse::<i32>().unwrap_or(0));
    let parts: Vec<i32> = match rest.len() {
        2 | 4 | 6 => (0..rest.len()).step_by(2).map(|i| two(&rest[i..i + 2])).collect::<Option<_>>()?,
        5 | 8 if rest.as_bytes()[2] == b':' && (rest.len() == 5 || rest.as_bytes()[5] == b':') => {
            rest.split(':').map(two).collect::<Option<_>>()?
        }
        _ => return None,
    };
    Some(sign * parts.iter().zip([3600, 60, 1]).map(|(n, unit)| n * unit).sum::<i32>())
}

/// Hours east of UTC of the zone names `Time.zone_offset` knows (RFC 822's, and the military
/// letters as it defines them).
fn named_offset(zone: &str) -> Option<i32> {
    Some(match zone {
        "UTC" | "Z" | "UT" | "GMT" => 0,
        "EST" | "CDT" => -5,
        "EDT" => -4,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        letter if letter.len() == 1 => {
            let c = letter.as_bytes()[0];
            match c {
                b'A'..=b'I' => i32::from(c - b'A') + 1,
                b'K'..=b'M' => i32::from(c - b'K') + 10,
                b'N'..=b'Y' => -(i32::from(c - b'N') + 1),
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// A word of a date: a number (maybe an ordinal: `23rd`), a month name, or numbers and names
/// joined by `/`, `.` or `-`; `clock` is the time read with it, which an ordinal date must
/// keep within its day.
fn date(words: &[&str], clock: &Clock) -> Result<Date, Why> {
    fn number(word: &str) -> Option<&str> {
        let (digits, suffix) = split_digits(word);
        let ordinal = matches!(suffix.to_ascii_lowercase().as_str(), "" | "st" | "nd" | "rd" | "th");
        (!digits.is_empty() && ordinal).then_some(digits)
    }
    let named = |w: &str| month(w).map(month_number);
    let words: Vec<&str> = words.iter().copied().filter(|w| *w != ",").collect();
    match *words {
        // `23 Dec 2016`, `2016 Dec 23rd`: Ruby's European pattern keeps the year's ordinal.
        [d, m, y] if number(y).is_some() => match (number(d), named(m)) {
            (Some(d), Some(m)) => ruby_ymd(Some(y), Some(m), Some(d)),
            // `Dec 23 2016`, `December 23rd, 2016`: the American one takes the year's digits.
            _ => match (named(d), number(m)) {
                (Some(month), Some(day)) if all_digits(y) => ruby_ymd(Some(y), Some(month), Some(day)),
                _ => Err(Why::NotADate),
            },
        },
        // `Dec 2016`, `2016 Dec`, and without a year `Dec 23`, `23 Dec`.
        [a, b] => match (number(a), named(a), number(b), named(b)) {
            (Some(d), _, _, Some(m)) | (_, Some(m), Some(d), _) => ruby_ymd(None, Some(m), Some(d)),
            _ => Err(Why::NotADate),
        },
        [joined] => joined_date(joined, clock),
        _ => Err(Why::NotADate),
    }
}

/// Month `m` as the number Ruby's patterns hand on.
fn month_number(m: u8) -> &'static str {
    "1 2 3 4 5 6 7 8 9 10 11 12".split(' ').nth(usize::from(m - 1)).unwrap_or_default()
}

/// `2016/12/23`, `23/12/2016`, `23.12.2016`, `23-12-2016`, `23-Dec-2016`, `Dec-23-2016`, `2016-358`.
fn joined_date(word: &str, clock: &Clock) -> Result<Date, Why> {
    for separator in ['/', '.', '-'] {
        let parts: Vec<&str> = word.split(separator).collect();
        match (separator, parts.as_slice()) {
            ('/', [y, m]) if all_digits(y) && all_digits(m) => return ruby_ymd(Some(y), Some(m), None),
            // Ruby's `parse_iso2`: a year of two or four digits and a day of the year of three.
            ('-', [y, d]) if matches!(y.len(), 2 | 4) && d.len() == 3 && all_digits(y) && all_digits(d) => return ordinal(y, d, clock),
            (_, [y, m, d]) if all_digits(y) && all_digits(m) && all_digits(d) => return ruby_ymd(Some(y), Some(m), Some(d)),
            // Ruby's VMS patterns: `23-Dec-2016`, `Dec-23-2016`.
            ('-', [d, m, y] | [m, d, y]) if all_digits(d) && all_digits(y) && month(m).is_some() => {
                let m = month(m).map(month_number);
                return ruby_ymd(Some(y), m, Some(d));
            }
            _ => {}
        }
    }
    Err(Why::NotADate)
}

/// Year, month and day from the three numbers a pattern found, as `Date._parse`'s `s3e` sorts
/// them: a number of more than two digits is the year wherever it stands, a year with an
/// ordinal (`23rd`) is the day; a missing day is the 1st.
fn ruby_ymd<'a>(mut y: Option<&'a str>, mut m: Option<&'a str>, mut d: Option<&'a str>) -> Result<Date, Why> {
    let long = |s: Option<&str>| s.is_some_and(|s| s.len() > 2);
    if y.is_some() && m.is_some() && d.is_none() {
        (y, m, d) = (None, y, m);
    }
    if y.is_none() && long(d) {
        (y, d) = (d, None);
    }
    if let Some(year) = y {
        let (digits, suffix) = split_digits(year);
        if !suffix.is_empty() {
            (y, d) = (d, Some(digits));
        }
    }
    if long(m) {
        (y, m, d) = (m, d, y);
    }
    if long(d) {
        (y, d) = (d, y);
    }
    let year = full_year(y)?;
    let number = |s: &str| s.parse::<u8>().map_err(|_| Why::NotADate);
    let (month, day) = (number(m.ok_or(Why::NotADate)?)?, d.map_or(Ok(1), number)?);
    super::date::civil_date(year, month, day).ok_or(Why::NotADate)
}

/// The year a pattern found, which Ruby completes: with none it takes the build's, and it
/// guesses the century of two digits.
fn full_year(year: Option<&str>) -> Result<i32, Why> {
    let year = year.ok_or(Why::Incomplete)?;
    if year.len() <= 2 {
        return Err(Why::TwoDigitYear);
    }
    year.parse().map_err(|_| Why::NotADate)
}

/// Day `yday` of `year` (`2016`, `358`), refused past the year's end as Ruby refuses it. Ruby
/// finds the day by reading the time on a nearby one and moving by the difference of their days
/// of the year, so a time that runs into the next day (24:00, 23:59:60) lands a day early, or is
/// refused: reported.
fn ordinal(year: &str, yday: &str, clock: &Clock) -> Result<Date, Why> {
    let year = full_year(Some(year))?;
    let yday: i64 = yday.parse().map_err(|_| Why::NotADate)?;
    let first = Date::new(year, 1, 1).ok_or(Why::NotADate)?;
    let date = Date::from_days_since_epoch(first.days_since_epoch() + yday - 1);
    let seconds = (u32::from(clock.hour) * 60 + u32::from(clock.minute)) * 60 + u32::from(clock.second);
    (yday > 0 && date.year == year && seconds < 86_400).then_some(date).ok_or(Why::NotADate)
}

/// A run of digits and what may follow it, as `Date._parse`'s last pattern, `parse_ddd`, takes
/// them: `20161223`, `2016358`, `201612231750`, `20161223T175000.5Z`, `20161223 1750 +0100`.
struct DigitRun<'a> {
    run: &'a str,
    /// The digits of a time after a `T` or a space: `hh`, `hhmm` or `hhmmss`.
    time: &'a str,
    /// After a `.` or `,`, even empty.
    fraction: Option<&'a str>,
    /// `Z`, or a sign and up to four digits.
    zone: &'a str,
}

impl<'a> DigitRun<'a> {
    /// `text` as a run of digits, when it is one and nothing more.
    fn parse(text: &'a str) -> Option<Self> {
        let (run, after) = split_digits(text);
        // `2016-358` is an ordinal date, which Ruby's `parse_iso2` reads before (`joined_date`).
        let ordinal = matches!(run.len(), 2 | 4) && after.len() == 4 && after.starts_with('-');
        let rest = after.trim_start();
        let (time, rest) = split_digits(rest.strip_prefix(['T', 't']).unwrap_or(rest).trim_start());
        let (fraction, rest) = match rest.strip_prefix([',', '.']).map(split_digits) {
            Some((fraction, rest)) => (Some(fraction), rest),
            None => (None, rest),
        };
        let zone = rest.trim_start();
        let signed = zone.strip_prefix(['+', '-']).is_some_and(|n| n.len() <= 4 && all_digits(n));
        let zone_ok = zone.is_empty() || zone.eq_ignore_ascii_case("z") || signed;
        (!run.is_empty() && !ordinal && zone_ok).then_some(DigitRun { run, time, fraction, zone })
    }

    /// The day and time the run gives, with `clock` a time read apart (`20161223 17:50`).
    fn read(&self, clock: Option<Clock>) -> Result<(Date, Clock), Why> {
        // Up to eight digits are a date, the rest a time (`2016122317`, `201612231750`).
        let (day, own_time) = self.run.split_at(self.run.len().min(8));
        let time = match (own_time, self.time) {
            (time, "") | ("", time) => time,
            _ => return Err(Why::NotADate), // `201612231750 00`: Ruby takes the second time's hour
        };
        // With a fraction, Ruby reads the digits before it from the right (`T1750.5` is
        // 00:17:50.5), and when they are the run's own, the whole run, the same only for 14:
        // `20161223.5` (or `20161223,`) is 16:12:23.5 on the 20th of the build's month.
        let whole_run_from_right = self.fraction.is_some() && self.time.is_empty() && self.run.len() != 14;
        // Of other lengths Ruby reads no time, and ignores or refuses the digits.
        if whole_run_from_right || !matches!(time.len(), 0 | 2 | 4 | 6) {
            return Err(Why::NotADate);
        }
        let clock = match clock {
            // Both: Ruby mixes their fields.
            Some(_) if !(time.is_empty() && self.fraction.is_none() && self.zone.is_empty()) => return Err(Why::NotADate),
            Some(clock) => clock,
            None => self.clock(time)?,
        };
        Ok((run_date(day, &clock)?, clock))
    }

    /// The run's own clock from its `time` digits, at midnight without them.
    fn clock(&self, time: &str) -> Result<Clock, Why> {
        let hhmmss = if self.fraction.is_some() { format!("{time:0>6}") } else { format!("{time:0<6}") };
        let two = |at: usize| hhmmss[at..at + 2].parse().unwrap_or(0);
        let offset = if self.zone.is_empty() { None } else { zone_offset(self.zone)? };
        clock(two(0), two(2), two(4), self.fraction.unwrap_or(""), offset)
    }
}

/// The date of a run's first eight digits or fewer, by their number as Ruby reads them:
/// `20161223`, `2016358` (the 358th day), and with no year (`23`, `1223`, `358`) or two digits
/// for it (`161223`, `16358`).
fn run_date(day: &str, clock: &Clock) -> Result<Date, Why> {
    let n = day.len();
    match n {
        2..=4 => Err(Why::Incomplete),
        5 | 7 => ordinal(&day[..n - 3], &day[n - 3..], clock),
        6 | 8 => ruby_ymd(Some(&day[..n - 4]), Some(&day[n - 4..n - 2]), Some(&day[n - 2..])),
        _ => Err(Why::NotADate),
    }
}
