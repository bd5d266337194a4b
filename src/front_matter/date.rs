//! An article's date, as Jekyll reads it.
//!
//! Jekyll (`Document#merge_date!`, `Utils.parse_date`) takes the front matter's `date`,
//! prints it with Ruby's `to_s` and reads it back with `Time.parse` in the site's time zone
//! (`timezone:` in `_config.yml`), then shows it in that zone (`localtime`). So:
//!
//! - a YAML timestamp with an offset (`2016-12-23 17:50:00 +01:00`, `…Z`) is that moment;
//! - a YAML timestamp *without* an offset is UTC, because Psych reads it so before Jekyll sees it;
//! - a date (`2016-12-23`) and a quoted text without an offset (`"2016-12-23 17:50"`) are wall-clock
//!   readings in the site's zone;
//! - with no `date`, a file named `YYYY-MM-DD-slug.md` gives the day, at midnight in the site's zone.
//!
//! Every result is shown at the site zone's offset for that moment.
//! `Time.parse` reads many more spellings ("Dec 23 2016"); Folio reads the ISO-like ones and
//! reports the others.

use crate::calendar::{self, Calendar};
use crate::datetime::{Date, DateTime};
use crate::value::Value;
use std::fmt;

/// A `date` that Folio cannot read as a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`date` is not a date Folio can read: `{}`; write it as 2016-12-23 or 2016-12-23 17:50:00 +01:00 (Jekyll reads more spellings with Ruby's `Time.parse`, and stops where that cannot read one)",
            self.text
        )
    }
}

/// The site's time zone, known to the calendar.
pub struct Zone<'a> {
    pub name: &'a str,
    pub calendar: &'a dyn Calendar,
}

impl Zone<'_> {
    /// The moment a wall clock in this zone reads `date` `hour`:`minute`:`second`.
    fn local(&self, date: Date, hour: u8, minute: u8, second: u8, nanosecond: u32) -> DateTime {
        let wall = DateTime::from_civil(date, hour, minute, second, nanosecond, 0).unix_seconds();
        let utc = calendar::local_to_utc(self.calendar, self.name, wall).unwrap_or(wall);
        self.show(DateTime::from_unix(utc, nanosecond, 0))
    }

    /// `time` shown at this zone's offset.
    fn show(&self, time: DateTime) -> DateTime {
        calendar::in_zone(self.calendar, self.name, time).unwrap_or(time)
    }
}

/// The front matter's `date` value as Jekyll reads it.
pub fn read(value: &Value, zone: &Zone) -> Result<DateTime, DateError> {
    let invalid = || DateError { text: value.to_scalar_string().unwrap_or_else(|| value.kind().to_owned()) };
    match value {
        Value::Time(time) => Ok(zone.show(*time)),
        Value::Date(date) => Ok(zone.local(*date, 0, 0, 0, 0)),
        Value::String(text) => parse(text.trim(), zone).ok_or_else(invalid),
        _ => Err(invalid()),
    }
}

/// The day at midnight in the zone (a file name's date).
pub fn midnight(date: Date, zone: &Zone) -> DateTime {
    zone.local(date, 0, 0, 0, 0)
}

/// `YYYY-MM-DD`, then optionally `[T ]HH:MM[:SS[.fraction]]`, then optionally an offset
/// (`Z`, `±HH`, `±HHMM`, `±HH:MM`, `UTC`), spaces allowed before it.
fn parse(text: &str, zone: &Zone) -> Option<DateTime> {
    let (date_text, rest) = text.split_at(text.find(['T', 't', ' ']).unwrap_or(text.len()));
    let mut parts = date_text.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let date = civil_date(year, month, day)?;
    let rest = rest.get(1..).unwrap_or("").trim_start();
    if rest.is_empty() {
        return Some(zone.local(date, 0, 0, 0, 0));
    }
    let clock_end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')).unwrap_or(rest.len());
    let (clock, offset_text) = (&rest[..clock_end], rest[clock_end..].trim());
    let (hms, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut fields = hms.split(':').map(|f| f.parse::<u8>().ok());
    let hour = fields.next()??;
    let minute = fields.next()??;
    let second = fields.next().unwrap_or(Some(0))?;
    if fields.next().is_some() || hour > 23 || minute > 59 || second > 60 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let nanosecond = format!("{:0<9}", &fraction[..fraction.len().min(9)]).parse().ok()?;
    if offset_text.is_empty() {
        return Some(zone.local(date, hour, minute, second, nanosecond));
    }
    let offset = calendar::fixed_offset(offset_text)?;
    Some(zone.show(DateTime::from_civil(date, hour, minute, second, nanosecond, offset)))
}

/// A day as Ruby's `Time` makes it: a day past the month's end, up to the 31st, is taken into the
/// next month (`2015-02-29` is March 1st).
fn civil_date(year: i32, month: u8, day: u8) -> Option<Date> {
    if !(1..=31).contains(&day) {
        return None;
    }
    let first = Date::new(year, month, 1)?;
    Some(Date::from_days_since_epoch(first.days_since_epoch() + i64::from(day) - 1))
}

/// What a file name says: Jekyll's `DATE_FILENAME_MATCHER`, `(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$`
/// on the last path segment, gives a date and a slug; any other name gives its stem as the slug.
pub fn from_file_name(path: &str) -> (Option<Date>, String) {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    let mut parts = stem.splitn(4, '-');
    let fields: Vec<&str> = parts.by_ref().take(3).collect();
    let slug = parts.next();
    let digits = |s: &str, min: usize, max: usize| (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if let (Some(slug), [y, m, d]) = (slug, fields.as_slice()) {
        if digits(y, 2, 4) && digits(m, 1, 2) && digits(d, 1, 2) && stem.len() < name.len() {
            let date = civil_date(y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
            if date.is_some() {
                // Jekyll's `populate_title`: "slugs shouldn't end with a period".
                return (date, slug.trim_end_matches('.').to_owned());
            }
        }
    }
    (None, stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Builtin;

    fn paris() -> Zone<'static> {
        Zone { name: "Europe/Paris", calendar: &Builtin }
    }

    fn read_yaml(yaml: &str) -> Result<String, DateError> {
        let value = crate::yaml::load(yaml).unwrap();
        read(&value, &paris()).map(|t| t.to_string())
    }

    #[test]
    fn a_timestamp_with_an_offset_is_that_moment_shown_in_the_site_zone() {
        assert_eq!(read_yaml("2016-12-23 17:50:00 +01:00").unwrap(), "2016-12-23T17:50:00+01:00");
        assert_eq!(read_yaml("2016-12-23T16:50:00Z").unwrap(), "2016-12-23T17:50:00+01:00");
        assert_eq!(read_yaml("2016-07-14 10:00:00 -04:00").unwrap(), "2016-07-14T16:00:00+02:00");
    }

    #[test]
    fn a_timestamp_without_an_offset_is_utc_as_psych_reads_it() {
        assert_eq!(read_yaml("2016-12-23 17:50:00").unwrap(), "2016-12-23T18:50:00+01:00");
    }

    #[test]
    fn a_date_and_a_text_without_offset_are_wall_clock_readings_in_the_site_zone() {
        assert_eq!(read_yaml("2016-12-23").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("'2016-07-14 17:50'").unwrap(), "2016-07-14T17:50:00+02:00");
        assert_eq!(read_yaml("'2016-07-14 17:50:00 +0000'").unwrap(), "2016-07-14T19:50:00+02:00");
    }

    #[test]
    fn what_is_not_a_date_is_an_error_naming_it() {
        assert_eq!(read_yaml("'next tuesday'").unwrap_err().text, "next tuesday");
        assert_eq!(read_yaml("'2016-02-32'").unwrap_err().text, "2016-02-32");
        assert_eq!(read_yaml("'2016-13-01'").unwrap_err().text, "2016-13-01");
        assert_eq!(read_yaml("[1]").unwrap_err().text, "a list");
    }

    #[test]
    fn a_day_past_the_month_end_goes_on_into_the_next_month_as_in_ruby() {
        assert_eq!(read_yaml("2015-02-29").unwrap(), "2015-03-01T00:00:00+01:00");
        assert_eq!(read_yaml("'2016-02-30 10:00'").unwrap(), "2016-03-01T10:00:00+01:00");
        assert_eq!(read_yaml("2016-04-31").unwrap(), "2016-05-01T00:00:00+02:00");
        assert_eq!(from_file_name("2015-02-29-leap.md").0, Date::new(2015, 3, 1));
    }

    #[test]
    fn a_dated_file_name_gives_the_date_and_the_slug() {
        let day = Date::new(2016, 12, 23);
        assert_eq!(from_file_name("_posts/2016-12-23-ogp-societe-civile.md"), (day, "ogp-societe-civile".into()));
        assert_eq!(from_file_name("about.md"), (None, "about".into()));
        assert_eq!(from_file_name("2016-12-23-a..md"), (day, "a".into()));
        assert_eq!(from_file_name("2016-12-23.md"), (None, "2016-12-23".into()));
        assert_eq!(midnight(day.unwrap(), &paris()).to_string(), "2016-12-23T00:00:00+01:00");
    }
}
