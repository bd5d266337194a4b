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
//! `Time.parse` reads many more spellings: [`super::date_spellings`] reads them as it does
//! (`Dec 23 2016`, `Fri, 23 Dec 16 17:50:00 CET`, `Posted on 2016/12/23 5:50pm`) when the ISO
//! reading here fails, and what Folio cannot read as Ruby does is reported, with why ([`Why`]).

use super::date_spellings;
use crate::calendar::{self, Calendar};
use crate::datetime::{Date, DateTime};
use crate::value::Value;
use std::fmt;

/// A `date` that Folio cannot read as a date, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub text: String,
    pub why: Why,
}

/// Why a `date` is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// Not a date: Ruby refuses it (then Jekyll stops: "Invalid date"), or reads it in a way
    /// Folio does not follow (a year past ±100,000, a letter such as `ſ` that Ruby folds into ASCII).
    NotADate,
    /// No year that Ruby finds (`Dec 23`, `17:50`, `23 décembre 2016`, whose month is no English
    /// one): Ruby takes it, and maybe more, from the day of the build.
    Incomplete,
    /// A zone name such as `CET`, which Ruby reads when it is the site zone's own abbreviation
    /// and otherwise ignores, where the calendar cannot name the site zone's abbreviations.
    UnknownZone(String),
}

// Short: messages are data, which the first download holds even where their code is rare.
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A long value is named by its start: the position finds the rest.
        let shown = self.text.char_indices().nth(60).map_or(&self.text[..], |(end, _)| &self.text[..end]);
        write!(f, "`date` `{shown}{}` ", if shown.len() < self.text.len() { "…" } else { "" })?;
        match &self.why {
            Why::NotADate => {
                f.write_str("is not a date Folio reads, and Jekyll would stop or take another day; write it as 2016-12-23 17:50 +01:00 or Dec 23 2016")
            }
            Why::Incomplete => f.write_str("is not a whole date (no year, or a time alone): Jekyll would take the rest from the day of the build"),
            Why::UnknownZone(zone) => write!(f, "has a zone Folio cannot place, `{zone}`: write its offset (+01:00)"),
        }
    }
}

/// So that `?` takes it into `Box<dyn Error>` and other error types.
impl std::error::Error for DateError {}

/// The site's time zone, known to the calendar.
pub struct Zone<'a> {
    pub name: &'a str,
    pub calendar: &'a dyn Calendar,
}

impl Zone<'_> {
    /// The moment a wall clock in this zone reads `date` `hour`:`minute`:`second`.
    pub(super) fn local(&self, date: Date, hour: u8, minute: u8, second: u8, nanosecond: u32) -> DateTime {
        let wall = DateTime::from_civil(date, hour, minute, second, nanosecond, 0).unix_seconds();
        let utc = calendar::local_to_utc(self.calendar, self.name, wall).unwrap_or(wall);
        self.show(DateTime::from_unix(utc, nanosecond, 0))
    }

    /// `time` shown at this zone's offset.
    pub fn show(&self, time: DateTime) -> DateTime {
        calendar::in_zone(self.calendar, self.name, time).unwrap_or(time)
    }
}

/// The front matter's `date` value as Jekyll reads it.
pub fn read(value: &Value, zone: &Zone) -> Result<DateTime, DateError> {
    match value {
        // Jekyll reads the time's `to_s` again, which has no fraction of a second.
        Value::Time(time) => Ok(zone.show(DateTime { nanosecond: 0, ..*time })),
        Value::Date(date) => Ok(zone.local(*date, 0, 0, 0, 0)),
        // Past 128 bytes `Date._parse` refuses the text.
        Value::String(text) => (text.len() <= 128).then(|| parse(text.trim(), zone)).flatten().map_or_else(|| spelled(text, zone), Ok),
        _ => not_text(value, zone),
    }
}

/// Jekyll reads any other value's `to_s` (`20161223`); a list or mapping is no date.
#[inline(never)] // rare: kept out of the first download (scripts/build.sh)
fn not_text(value: &Value, zone: &Zone) -> Result<DateTime, DateError> {
    match value.to_scalar_string() {
        Some(text) => spelled(&text, zone),
        None => Err(DateError { text: value.kind().to_owned(), why: Why::NotADate }),
    }
}

/// `text` read in the other spellings of `Time.parse`.
#[inline(never)] // never reached by an ISO date: kept out of the first download (scripts/build.sh)
fn spelled(text: &str, zone: &Zone) -> Result<DateTime, DateError> {
    date_spellings::read(text, zone).map_err(|why| DateError { text: text.to_owned(), why })
}

/// The day at midnight in the zone (a file name's date).
pub fn midnight(date: Date, zone: &Zone) -> DateTime {
    zone.local(date, 0, 0, 0, 0)
}

/// `YYYY-MM-DD`, then optionally `[T ]HH:MM[:SS[.fraction]]`, then optionally an offset
/// (`±HH`, `±HHMM`, `±HH:MM`), spaces allowed before it. The rest goes to `date_spellings`:
/// a year of two digits (`Time.parse` adds a century) and a day past the month's end (which it
/// moves by the offset before carrying it into the next month).
fn parse(text: &str, zone: &Zone) -> Option<DateTime> {
    let (date_text, rest) = text.split_at(text.find(['T', 't', ' ']).unwrap_or(text.len()));
    let mut parts = date_text.splitn(3, '-');
    let year: i32 = parts.next().filter(|year| year.len() > 2)?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let date = Date::new(year, month, day)?;
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
    // `Time.zone_offset` reads only these as offsets (not `+1` or `Etc/UTC`, as the calendar
    // does); the others, and names, are left to `date_spellings`.
    let offset = match offset_text.as_bytes() {
        [b'+' | b'-', b'0'..=b'9', b'0'..=b'9']
        | [b'+' | b'-', b'0'..=b'9', b'0'..=b'9', b'0'..=b'9', b'0'..=b'9']
        | [b'+' | b'-', b'0'..=b'9', b'0'..=b'9', b':', b'0'..=b'9', b'0'..=b'9'] => calendar::fixed_offset(offset_text)?,
        _ => return None,
    };
    Some(zone.show(DateTime::from_civil(date, hour, minute, second, nanosecond, offset)))
}

/// A day as Ruby's `Time` makes it: a day past the month's end, up to the 31st, is taken into the
/// next month (`2015-02-29` is March 1st).
pub(super) fn civil_date(year: i32, month: u8, day: u8) -> Option<Date> {
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
    fn a_long_value_that_is_no_date_is_named_by_its_first_sixty_characters() {
        let long = "1st ".repeat(5000);
        let message = read_yaml(&format!("'{long}'")).unwrap_err().to_string();
        assert_eq!(message, format!("`date` `{}…` is not a date Folio reads, and Jekyll would stop or take another day; write it as 2016-12-23 17:50 +01:00 or Dec 23 2016", &long[..60]));
        let message = read_yaml("'é'").unwrap_err().to_string();
        assert!(message.starts_with("`date` `é` is not a date"), "{message}");
    }

    #[test]
    fn a_timestamp_loses_its_fraction_of_a_second_as_jekyll_reads_it_again_from_its_text() {
        assert_eq!(read_yaml("2016-12-23T10:00:00.5").unwrap(), "2016-12-23T11:00:00+01:00");
        assert_eq!(read_yaml("2016-12-23 10:00:00.75 +01:00").unwrap(), "2016-12-23T10:00:00+01:00");
        assert_eq!(read_yaml("'2016-12-23 10:00:00.75 +01:00'").unwrap(), "2016-12-23T10:00:00.75+01:00", "a text keeps it");
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
    fn dates_in_english_words_are_read_as_ruby_reads_them() {
        assert_eq!(read_yaml("Dec 23 2016").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("23 December 2016").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("December 23rd, 2016 at 5:50 pm").unwrap(), "2016-12-23T17:50:00+01:00");
        assert_eq!(read_yaml("Fri, 23 Dec 2016 17:50:00 +0100").unwrap(), "2016-12-23T17:50:00+01:00");
        assert_eq!(read_yaml("Dec 2016").unwrap(), "2016-12-01T00:00:00+01:00", "no day is the 1st");
        assert_eq!(read_yaml("Mon, 14 July 2016 17h50").unwrap(), "2016-07-14T17:50:00+02:00", "the day name is not checked");
    }

    #[test]
    fn numbers_joined_by_slashes_dots_or_dashes_take_the_longest_for_the_year() {
        assert_eq!(read_yaml("2016/12/23 5:50pm").unwrap(), "2016-12-23T17:50:00+01:00");
        assert_eq!(read_yaml("23.12.2016").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("01/02/2016").unwrap(), "2016-02-01T00:00:00+01:00", "day first, as Ruby reads it");
        assert_eq!(read_yaml("23-Dec-2016").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("20161223").unwrap(), "2016-12-23T00:00:00+01:00", "an integer is read from its text");
        assert_eq!(read_yaml("12/23/2016").unwrap_err().why, Why::NotADate, "month 23: Ruby refuses it");
    }

    #[test]
    fn runs_of_digits_are_a_date_then_a_time_as_iso_8601_basic_format_writes_them() {
        let reads = [
            ("20161223T175000Z", "2016-12-23T18:50:00+01:00"),
            ("'20161223T1750+0100'", "2016-12-23T17:50:00+01:00"),
            ("20161223t175000.5z", "2016-12-23T18:50:00.5+01:00"),
            ("201612231750", "2016-12-23T17:50:00+01:00"), // a date's eight digits, a time's four
            ("'20161223 175000'", "2016-12-23T17:50:00+01:00"),
            ("20161223T1750.5", "2016-12-23T00:17:50.5+01:00"), // before a fraction, read from the right
            ("Fri, 20161223", "2016-12-23T00:00:00+01:00"),
        ];
        for (yaml, time) in reads {
            assert_eq!(read_yaml(yaml).unwrap(), time, "{yaml}");
        }
        // Five time digits Ruby skips (midnight), nine it refuses, two for the year (2016), no year.
        let reads = [("20161223T17500Z", "2016-12-23T01:00:00+01:00"), ("161223", "2016-12-23T00:00:00+01:00")];
        for (yaml, time) in reads {
            assert_eq!(read_yaml(yaml).unwrap(), time, "{yaml}");
        }
        assert_eq!(read_yaml("201612231").unwrap_err().why, Why::NotADate);
        assert_eq!(read_yaml("1223").unwrap_err().why, Why::Incomplete);
    }

    #[test]
    fn an_ordinal_date_is_that_day_of_the_year_and_past_its_end_is_refused() {
        let reads = [
            ("2016-358", "2016-12-23T00:00:00+01:00"),
            ("'2016-358 17:50'", "2016-12-23T17:50:00+01:00"),
            ("2016358T175000Z", "2016-12-23T18:50:00+01:00"),
            ("2016-366", "2016-12-31T00:00:00+01:00"),
        ];
        for (yaml, time) in reads {
            assert_eq!(read_yaml(yaml).unwrap(), time, "{yaml}");
        }
        // Ruby refuses `2016-358T17:50` and a week date, and lands a day early at 24:00.
        for yaml in ["2015-366", "2016-000", "2016-358T17:50", "2016-W51-5"] {
            assert_eq!(read_yaml(yaml).unwrap_err().why, Why::NotADate, "{yaml}");
        }
        assert_eq!(read_yaml("'2016-358 24:00'").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("16-358").unwrap(), "2016-12-23T00:00:00+01:00");
    }

    #[test]
    fn zones_ruby_knows_are_offsets_and_signed_ones_it_does_not_know_are_ignored() {
        assert_eq!(read_yaml("Dec 23 2016 17:50 EST").unwrap(), "2016-12-23T23:50:00+01:00");
        assert_eq!(read_yaml("Dec 23 2016 17:50 GMT").unwrap(), "2016-12-23T18:50:00+01:00");
        assert_eq!(read_yaml("'2016-12-23 17:50 +0160'").unwrap(), "2016-12-23T16:50:00+01:00", "60 minutes are an hour");
        assert_eq!(read_yaml("'2016-07-14 17:50 +1'").unwrap(), "2016-07-14T17:50:00+02:00", "the site's time");
        assert_eq!(read_yaml("'2016-07-14 17:50 GMT+01:00'").unwrap(), "2016-07-14T17:50:00+02:00", "the site's time");
    }

    #[test]
    fn zone_names_are_the_site_zone_s_abbreviations_or_ignored() {
        assert_eq!(read_yaml("Dec 23 2016 17:50 CET").unwrap(), "2016-12-23T17:50:00+01:00");
        assert_eq!(read_yaml("Jul 14 2016 17:50 CET").unwrap(), "2016-07-14T18:50:00+02:00", "January's offset");
        let new_york = Zone { name: "America/New_York", calendar: &Builtin };
        let cet = read(&Value::String("Jul 14 2016 17:50 CET".into()), &new_york).unwrap();
        assert_eq!(cet.to_string(), "2016-07-14T17:50:00-04:00", "not New York's: ignored");
    }

    #[test]
    fn two_digit_years_and_words_left_over_are_read_as_ruby_reads_them() {
        assert_eq!(read_yaml("23/12/16").unwrap(), "2023-12-16T00:00:00+01:00", "the first of three numbers is the year");
        assert_eq!(read_yaml("Dec 23 69").unwrap(), "1969-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("Posted on Dec 23 2016").unwrap(), "2016-12-23T00:00:00+01:00");
        assert_eq!(read_yaml("Dec 23 2016 hello").unwrap_err().why, Why::NotADate, "`2016 h` is an hour to Ruby");
    }

    #[test]
    fn what_ruby_reads_only_with_a_guess_is_reported_with_why() {
        assert_eq!(read_yaml("Dec 23").unwrap_err().why, Why::Incomplete);
        assert_eq!(read_yaml("'17:50'").unwrap_err().why, Why::Incomplete);
        let fixed = Zone { name: "+01:00", calendar: &Builtin };
        let unnamed = read(&Value::String("Dec 23 2016 17:50 CET".into()), &fixed).unwrap_err();
        assert_eq!(unnamed.why, Why::UnknownZone("CET".into()), "a zone whose abbreviations the calendar cannot name");
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
