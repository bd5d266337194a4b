//! The spellings of a date that Ruby's `Time.parse` reads beyond the ISO ones of
//! [`super::date`] (`Dec 23 2016`, `Fri, 23 Dec 16 5:50pm CET`, `23.12.2016`, `2016-358`,
//! `20161223T175000Z`, `Posted on Dec 23 2016`), read as Jekyll reads them: `Time.parse(text)`
//! in the site's zone, shown there.
//!
//! `Time.parse` takes the fields [`super::date_parse`] finds (Ruby's `Date._parse`) and:
//!
//! - refuses a text where it finds none, and takes a missing year from the day it runs, which
//!   Folio reports ([`Why::Incomplete`]); a missing month or day is the first, a missing time
//!   midnight;
//! - reads a zone as a fixed offset when it is `±HH`, `±HH[:]MM[[:]SS]` or in its table (`UTC`,
//!   `Z`, `UT`, `GMT`, `EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`, the military
//!   letters); another name as the site zone's offset on January 1st (or else July 1st) of that
//!   year when the site zone goes by that abbreviation then (`CET` and `CEST` in Paris, so
//!   `Jul 14 2016 17:50 CET` is 18:50 summer time); any other zone it ignores, reading the
//!   site's time (`+1`, `Eastern Standard Time`, `CET` in New York);
//! - with an offset, moves the fields by it before checking them, carrying a day past a
//!   month's end to the next month's first (`Feb 30 2016 23:30 -0100` is March 1st, 00:30 UTC);
//! - refuses fields out of range (month 13, day 32, 25:00, 23:60) and takes a day past the
//!   month's end, up to the 31st, into the next month;
//! - places a day of the year by reading the time on a first guess of the day and moving by the
//!   difference, so that a time running into the next day (24:00) lands a day early.
//!
//! Not read, though Ruby reads them: a zone name that may be the site zone's abbreviation where
//! the calendar cannot name those ([`Why::UnknownZone`]: the browser's `Intl` names only the
//! American and European zones'), years past ±100,000, and texts with letters that Unicode
//! folds into ASCII ones (`ſ`).

use super::date::{civil_date, Why, Zone};
use super::date_parse::{self, Fields};
use super::regexp::folds_into_ascii;
use crate::datetime::{days_in_month, Date, DateTime};

/// `text` read as `Time.parse(text)`, shown in the site's zone, or why it is not.
#[inline(never)] // never reached by an ISO date: kept out of the first download (scripts/build.sh)
pub(super) fn read(text: &str, zone: &Zone) -> Result<DateTime, Why> {
    // `Date._parse` refuses a text longer than 128 bytes.
    if text.len() > 128 || folds_into_ascii(text) {
        return Err(Why::NotADate);
    }
    let fields = date_parse::parse(text);
    let f = &fields;
    if [f.year, f.yday, f.mon, f.mday, f.hour, f.min, f.sec].iter().all(Option::is_none) && f.fraction.is_none() {
        return Err(Why::NotADate); // "no time information"
    }
    // Past ±100,000 years, Ruby's local times go astray (from 5,881,581 on summer time is
    // gone) and the browser's `Intl` stops (at 275,760).
    if f.year.is_some_and(|year| !(-100_000..=100_000).contains(&year)) {
        return Err(Why::NotADate);
    }
    // Without a year Ruby takes the build's: reported, as Incomplete unless it refuses the rest
    // whatever the day (the fields it would take from that day are all in range).
    let year = f.year.map_or(2000, |year| year as i32);
    let moment = moment(f, year, zone);
    match (f.year, moment) {
        (Some(_), moment) => moment.map(|moment| zone.show(moment)),
        (None, Err(Why::NotADate)) => Err(Why::NotADate),
        (None, _) => Err(Why::Incomplete),
    }
}

/// The moment the fields name in `year` (`Time.make_time`).
fn moment(f: &Fields, year: i32, zone: &Zone) -> Result<DateTime, Why> {
    let offset = match &f.zone {
        Some(name) => zone_offset(name, year, zone)?,
        None => None,
    };
    let time = Time { fields: f, year, offset, zone };
    match f.yday {
        Some(yday) => time.on_day_of_year(yday),
        None => time.on(f.mon.unwrap_or(1), f.mday.unwrap_or(1)),
    }
}

/// `Time.make_time`'s inputs once the year and the zone's offset are known.
struct Time<'a> {
    fields: &'a Fields,
    year: i32,
    offset: Option<i32>,
    zone: &'a Zone<'a>,
}

impl Time<'_> {
    /// The moment on day `mday` of month `mon` (unchecked: Ruby checks them after the offset).
    fn on(&self, mon: i64, mday: i64) -> Result<DateTime, Why> {
        let f = self.fields;
        let nanosecond = f.fraction.as_deref().unwrap_or("").bytes().chain(std::iter::repeat(b'0')).take(9).fold(0, |n, b| n * 10 + u32::from(b - b'0'));
        let clock = (f.hour.unwrap_or(0), f.min.unwrap_or(0), f.sec.unwrap_or(0));
        let Some(offset) = self.offset else {
            let (date, hour, min, sec) = time_arg(i64::from(self.year), mon, mday, clock)?;
            return Ok(self.zone.local(date, hour, min, sec, nanosecond));
        };
        let (year, mon, mday, clock) = apply_offset(i64::from(self.year), mon, mday, clock, offset);
        let (date, hour, min, sec) = time_arg(year, mon, mday, clock)?;
        // Ruby then shows it at the offset, which `Time#localtime` refuses from a day on.
        if offset.abs() >= 86_400 {
            return Err(Why::NotADate);
        }
        Ok(DateTime::from_civil(date, hour, min, sec, nanosecond, 0))
    }

    /// The moment on day `yday` of the year, found as Ruby finds it: read on the day it would be
    /// were every month 31 days long, then moved by the difference of their days of the year.
    fn on_day_of_year(&self, yday: i64) -> Result<DateTime, Why> {
        if !(1..=366).contains(&yday) {
            return Err(Why::NotADate);
        }
        let (mon, mday) = ((yday - 1) / 31 + 1, (yday - 1) % 31 + 1);
        let guess = self.on(mon, mday)?;
        let diff = yday - self.day_of_year(guess);
        if diff == 0 {
            return Ok(guess);
        }
        let (mut mon, mut mday) = (mon, mday + diff);
        if let Some(length) = month_days(i64::from(self.year), mon).filter(|&length| mday > 28 && mday > length) {
            mon += 1;
            if mon > 12 {
                return Err(Why::NotADate);
            }
            mday -= length;
        }
        self.on(mon, mday)
    }

    /// The day of the year of `time` where Ruby shows it: at the text's offset (or in the
    /// site's zone, at the same offset then, or in UTC for `Z`: the same wall clock), else in
    /// the site's zone.
    fn day_of_year(&self, time: DateTime) -> i64 {
        let shown = self.offset.map_or_else(|| self.zone.show(time), |offset| time.with_offset(offset));
        let first = Date { year: shown.date.year, month: 1, day: 1 };
        shown.date.days_since_epoch() - first.days_since_epoch() + 1
    }
}

/// The day and clock `Time.utc` and `Time.local` make of the fields, or their refusal: the
/// month 1 to 12, the day 1 to 31 (past the month's end into the next month), the hour up to
/// 24 (24:00:00 only), a leap second (60).
fn time_arg(year: i64, mon: i64, mday: i64, (hour, min, sec): (i64, i64, i64)) -> Result<(Date, u8, u8, u8), Why> {
    let last = if hour == 24 { 0 } else { 59 };
    let in_range = (1..=12).contains(&mon)
        && (1..=31).contains(&mday)
        && (0..=24).contains(&hour)
        && (0..=last).contains(&min)
        && (0..=last + i64::from(hour != 24)).contains(&sec);
    let year = i32::try_from(year).ok().filter(|_| in_range).ok_or(Why::NotADate)?;
    let date = civil_date(year, mon as u8, mday as u8).ok_or(Why::NotADate)?;
    Ok((date, hour as u8, min as u8, sec as u8))
}

/// Ruby's `Time.apply_offset`: the fields moved by `offset` seconds east of UTC to UTC's, each
/// carried into the next; a day moved past its month's end is the next month's first, and one
/// moved before the first the previous month's last.
fn apply_offset(year: i64, mon: i64, mday: i64, clock: (i64, i64, i64), offset: i32) -> (i64, i64, i64, (i64, i64, i64)) {
    let (mut year, mut mon, mut mday, (mut hour, mut min, mut sec)) = (year, mon, mday, clock);
    // West of UTC the fields go forward, east back.
    let sign = if offset < 0 { 1 } else { -1 };
    let mut off = i64::from(offset).abs();
    carry::<60>(&mut sec, &mut off, sign);
    carry::<60>(&mut min, &mut off, sign);
    carry::<24>(&mut hour, &mut off, sign);
    if off != 0 && sign > 0 {
        mday += off;
        if month_days(year, mon).is_some_and(|length| length < mday) {
            (mon, mday) = (mon + 1, 1);
            if mon > 12 {
                (year, mon) = (year + 1, 1);
            }
        }
    } else if off != 0 {
        mday -= off;
        if mday < 1 {
            mon -= 1;
            if mon < 1 {
                (year, mon) = (year - 1, 12);
            }
            mday = month_days(year, mon).unwrap_or(1);
        }
    }
    (year, mon, mday, (hour, min, sec))
}

/// One step of `apply_offset`: `field` moved by what `off` holds below a `UNIT` (forward for
/// `sign` 1, back for -1), and `off` left with the rest and what the field carried. (A constant
/// unit: a division by a variable would bring its panic messages into the first download.)
fn carry<const UNIT: i64>(field: &mut i64, off: &mut i64, sign: i64) {
    let part = *off % UNIT;
    *off /= UNIT;
    if part != 0 {
        *field += sign * part;
        *off += sign * field.div_euclid(UNIT);
        *field = field.rem_euclid(UNIT);
    }
}

/// Ruby's `Time.month_days`, whose table a month 0 reads from its end (December's 31).
fn month_days(year: i64, mon: i64) -> Option<i64> {
    let month = if mon == 0 { 12 } else { u8::try_from(mon).ok().filter(|m| (1..=12).contains(m))? };
    Some(i64::from(days_in_month(year as i32, month)))
}

/// Seconds east of UTC that Ruby's `Time.zone_offset` gives the zone `name` in `year`, `None`
/// where it ignores the zone and reads the site's time.
fn zone_offset(name: &str, year: i32, site: &Zone) -> Result<Option<i32>, Why> {
    let upper = name.to_ascii_uppercase();
    if let Some(offset) = numeric_offset(&upper) {
        return Ok(Some(offset));
    }
    if let Some(hours) = named_offset(&upper) {
        return Ok(Some(hours * 3600));
    }
    // The tz database writes abbreviations in letters (or as offsets, read above): nothing
    // else can be the site zone's.
    if !upper.bytes().all(|b| b.is_ascii_uppercase()) {
        return Ok(None);
    }
    for month in [1, 7] {
        let first = site.local(Date { year, month, day: 1 }, 0, 0, 0, 0);
        match site.calendar.abbreviation(site.name, first.unix_seconds()) {
            Some(abbreviation) if abbreviation.eq_ignore_ascii_case(&upper) => return Ok(Some(first.offset)),
            Some(_) => {}
            None => return Err(Why::UnknownZone(name.to_owned())),
        }
    }
    Ok(None)
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
    let two = |s: &str| (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i32>().unwrap_or(0));
    let parts: Vec<i32> = match rest.len() {
        2 | 4 | 6 => (0..rest.len()).step_by(2).map(|i| rest.get(i..i + 2).and_then(two)).collect::<Option<_>>()?,
        5 | 8 if rest.as_bytes()[2] == b':' && (rest.len() == 5 || rest.as_bytes()[5] == b':') => {
            rest.split(':').map(two).collect::<Option<_>>()?
        }
        _ => return None,
    };
    Some(sign * parts.iter().zip([3600, 60, 1]).map(|(n, unit)| n * unit).sum::<i32>())
}

/// Hours east of UTC of the zone names in `Time`'s own table (RFC 822's, and the military
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
