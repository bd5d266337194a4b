//! Calendar dates and zoned times, as YAML timestamps and Jekyll's `date` hold them.
//!
//! Both are plain civil values (proleptic Gregorian calendar). A [`DateTime`] carries the UTC
//! offset it is shown in, so it names one instant and the wall-clock reading of it. Their
//! text form is ISO 8601: `2016-12-23` for a date, `2016-12-23T17:50:00+01:00` for a time
//! (fractional seconds only when there are some, the offset always written as `±HH:MM`).

use crate::json::{ToJson, Writer};
use std::fmt;

/// A day of the calendar: `2016-12-23`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

/// A moment as a wall clock shows it at a UTC offset: `2016-12-23T17:50:00+01:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub nanosecond: u32,
    /// Seconds east of UTC.
    pub offset: i32,
    /// How Ruby's `Time` shows it, where YAML read it.
    pub mode: Mode,
}

/// The zone a Ruby `Time` shows itself in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Its offset.
    Offset,
    /// UTC (a YAML time ending in `Z`), which `to_s` prints as `UTC`, not `+0000`.
    Utc,
    /// The local zone, Jekyll's `TZ` (a YAML time without an offset: `offset` is then 0).
    Local,
}

const SECONDS_PER_DAY: i64 = 86_400;

impl Date {
    /// The date when it exists in the calendar (no 30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year: year as i32, month, day }
    }
}

impl DateTime {
    /// The moment that the wall clock reading `date` `hour`:`minute`:`second` shows at `offset`.
    /// Out-of-range days, hours (24) and seconds (60) roll over, as Ruby's `Time.utc` does.
    pub fn from_civil(date: Date, hour: u8, minute: u8, second: u8, nanosecond: u32, offset: i32) -> DateTime {
        let local = date.days_since_epoch() * SECONDS_PER_DAY
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second);
        DateTime::from_unix(local - i64::from(offset), nanosecond, offset)
    }

    /// The moment `seconds` after 1970-01-01T00:00:00Z, shown at `offset` seconds east of UTC.
    pub fn from_unix(seconds: i64, nanosecond: u32, offset: i32) -> DateTime {
        let local = seconds + i64::from(offset);
        let (days, in_day) = (local.div_euclid(SECONDS_PER_DAY), local.rem_euclid(SECONDS_PER_DAY));
        DateTime {
            date: Date::from_days_since_epoch(days),
            hour: (in_day / 3600) as u8,
            minute: (in_day / 60 % 60) as u8,
            second: (in_day % 60) as u8,
            nanosecond,
            offset,
            mode: Mode::Offset,
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(&self) -> i64 {
        self.date.days_since_epoch() * SECONDS_PER_DAY
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset)
    }

    /// The same moment shown at another offset.
    pub fn with_offset(&self, offset: i32) -> DateTime {
        DateTime::from_unix(self.unix_seconds(), self.nanosecond, offset)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` (years past 9999 or before 0 get more digits or a sign, as in ISO 8601).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}-{:02}-{:02}", -i64::from(self.year), self.month, self.day)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction]±HH:MM`.
impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}:{:02}", self.date, self.hour, self.minute, self.second)?;
        if self.nanosecond != 0 {
            let digits = format!("{:09}", self.nanosecond);
            write!(f, ".{}", digits.trim_end_matches('0'))?;
        }
        write!(f, "{}", Offset(self.offset))
    }
}

/// A UTC offset written `±HH:MM`.
pub struct Offset(pub i32);

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let minutes = self.0.unsigned_abs() / 60;
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Its ISO 8601 text (JSON and JavaScript have no date type).
impl ToJson for Date {
    fn write_json(&self, json: &mut Writer) {
        self.to_string().write_json(json);
    }
}

/// Its ISO 8601 text, with its offset.
impl ToJson for DateTime {
    fn write_json(&self, json: &mut Writer) {
        self.to_string().write_json(json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn days_since_epoch_round_trips_across_eras() {
        for days in [-800_000, -719_468, -1, 0, 1, 17_158, 60 * 365, 3_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(date(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(date(2016, 12, 23).days_since_epoch(), 17_158);
    }

    #[test]
    fn dates_that_are_not_in_the_calendar_are_refused() {
        assert!(Date::new(2016, 2, 29).is_some());
        assert!(Date::new(2015, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2016, 13, 1).is_none());
        assert!(Date::new(2016, 4, 31).is_none());
    }

    #[test]
    fn times_print_as_iso_8601_with_their_offset() {
        let t = DateTime::from_civil(date(2016, 12, 23), 17, 50, 0, 0, 3600);
        assert_eq!(t.to_string(), "2016-12-23T17:50:00+01:00");
        assert_eq!(t.with_offset(0).to_string(), "2016-12-23T16:50:00+00:00");
        assert_eq!(t.with_offset(-5 * 3600 - 1800).to_string(), "2016-12-23T11:20:00-05:30");
        let fraction = DateTime::from_civil(date(2001, 12, 14), 21, 59, 43, 100_000_000, 0);
        assert_eq!(fraction.to_string(), "2001-12-14T21:59:43.1+00:00");
    }

    #[test]
    fn hours_and_days_past_their_range_roll_over_as_in_ruby() {
        let t = DateTime::from_civil(Date { year: 2016, month: 2, day: 30 }, 24, 0, 0, 0, 0);
        assert_eq!(t.to_string(), "2016-03-02T00:00:00+00:00");
    }
}
