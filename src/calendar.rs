//! Dates in a place and a language: UTC offsets of a time zone, and dates written out.
//!
//! The core asks a [`Calendar`] for both, so the host can bring its own: in the browser,
//! `src/wasm.rs` answers with `Intl` (every IANA zone, every language), and [`Builtin`]
//! answers everywhere else. [`Builtin`] knows UTC and fixed offsets (`+01:00`), IANA zones
//! (`Europe/Paris`) where the system has a tz database (native builds, through tz-rs), and
//! month names in English, French, German, Spanish, Italian and Portuguese.

use crate::datetime::{Date, DateTime};

/// What the host knows about time zones and languages.
pub trait Calendar {
    /// Seconds east of UTC that `zone` is at `unix_seconds`; `None` when the zone is unknown.
    fn utc_offset(&self, zone: &str, unix_seconds: i64) -> Option<i32>;

    /// `date` written out as running text in the language `lang` (a BCP 47 tag such as `fr`
    /// or `en-GB`): "23 décembre 2016", "December 23, 2016".
    fn long_date(&self, date: Date, lang: &str) -> String;

    /// The abbreviation `zone` goes by at `unix_seconds` as the tz database names it (`CET`,
    /// `EST`), when the host knows it: Ruby reads a date's zone name as the site zone's offset
    /// when it is one of the site zone's. `None` by default.
    fn abbreviation(&self, _zone: &str, _unix_seconds: i64) -> Option<String> {
        None
    }
}

/// The moment a wall clock in `zone` reads `local` (seconds since the epoch as if it were
/// UTC). Around a clock change the offset before the change wins, as Ruby's `Time.local` does
/// for repeated times.
pub fn local_to_utc(calendar: &dyn Calendar, zone: &str, local: i64) -> Option<i64> {
    let first = calendar.utc_offset(zone, local)?;
    let guess = local - i64::from(first);
    let second = calendar.utc_offset(zone, guess)?;
    Some(local - i64::from(second))
}

/// A date-time shown in `zone` (when it is unknown, the time keeps its own offset).
pub fn in_zone(calendar: &dyn Calendar, zone: &str, time: DateTime) -> Option<DateTime> {
    let offset = calendar.utc_offset(zone, time.unix_seconds())?;
    Some(time.with_offset(offset))
}

/// `+01:00`, `-0530`, `Z`, `UTC`, `GMT`, `Etc/UTC`: an offset that never changes.
pub fn fixed_offset(zone: &str) -> Option<i32> {
    if matches!(zone, "Z" | "UTC" | "GMT" | "Etc/UTC" | "Etc/GMT" | "Etc/Universal" | "Universal" | "Zulu") {
        return Some(0);
    }
    let (sign, rest) = match zone.as_bytes().first()? {
        b'+' => (1, &zone[1..]),
        b'-' => (-1, &zone[1..]),
        _ => return None,
    };
    let (hours, minutes) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None => (rest, "0"),
    };
    let (hours, minutes): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// The calendar that needs no host: see the module documentation.
#[derive(Clone, Copy, Debug, Default)]
pub struct Builtin;

impl Calendar for Builtin {
    fn utc_offset(&self, zone: &str, unix_seconds: i64) -> Option<i32> {
        fixed_offset(zone).or_else(|| system_zone(zone, unix_seconds).map(|(offset, _)| offset))
    }

    fn abbreviation(&self, zone: &str, unix_seconds: i64) -> Option<String> {
        system_zone(zone, unix_seconds).map(|(_, abbreviation)| abbreviation)
    }

    fn long_date(&self, date: Date, lang: &str) -> String {
        let language = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let month = usize::from(date.month - 1);
        let (day, year) = (date.day, date.year);
        match language.as_str() {
            // As Intl writes it (CLDR's "d MMMM y"): "1 décembre", not "1er décembre".
            "fr" => format!("{day} {} {year}", FRENCH[month]),
            "de" => format!("{day}. {} {year}", GERMAN[month]),
            "es" => format!("{day} de {} de {year}", SPANISH[month]),
            "it" => format!("{day} {} {year}", ITALIAN[month]),
            "pt" => format!("{day} de {} de {year}", PORTUGUESE[month]),
            "en" if lang.len() > 2 && !lang[3..].eq_ignore_ascii_case("US") => format!("{day} {} {year}", ENGLISH[month]),
            _ => format!("{} {day}, {year}", ENGLISH[month]),
        }
    }
}

/// The offset and abbreviation of `zone` at that moment, from the system's tz database.
#[cfg(not(target_arch = "wasm32"))]
fn system_zone(zone: &str, unix_seconds: i64) -> Option<(i32, String)> {
    // tz-rs reads /usr/share/zoneinfo/<zone> (or parses a POSIX TZ string).
    let tz = tz::TimeZone::from_posix_tz(zone).ok()?;
    let local = tz.find_local_time_type(unix_seconds).ok()?;
    Some((local.ut_offset(), local.time_zone_designation().to_owned()))
}

#[cfg(target_arch = "wasm32")]
fn system_zone(_zone: &str, _unix_seconds: i64) -> Option<(i32, String)> {
    None // no tz database in WebAssembly: the browser's Intl calendar (src/wasm.rs) has one
}

/// The months' English names.
pub const ENGLISH: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];
const FRENCH: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
];
const GERMAN: [&str; 12] = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember",
];
const SPANISH: [&str; 12] = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
];
const ITALIAN: [&str; 12] = [
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
];
const PORTUGUESE: [&str; 12] = [
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(Builtin.long_date(date(2016, 12, 23), "fr"), "23 décembre 2016");
        assert_eq!(Builtin.long_date(date(2016, 12, 1), "fr-FR"), "1 décembre 2016");
        assert_eq!(Builtin.long_date(date(2016, 12, 23), "en"), "December 23, 2016");
        assert_eq!(Builtin.long_date(date(2016, 12, 23), "en-GB"), "23 December 2016");
        assert_eq!(Builtin.long_date(date(2016, 3, 5), "de"), "5. März 2016");
        assert_eq!(Builtin.long_date(date(2016, 8, 2), "xx"), "August 2, 2016");
    }

    #[test]
    fn fixed_offsets_are_read_in_every_spelling() {
        assert_eq!(fixed_offset("+01:00"), Some(3600));
        assert_eq!(fixed_offset("-0530"), Some(-19_800));
        assert_eq!(fixed_offset("+2"), Some(7200));
        assert_eq!(fixed_offset("UTC"), Some(0));
        assert_eq!(fixed_offset("Europe/Paris"), None);
        assert_eq!(fixed_offset("+25:00"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn iana_zones_follow_daylight_saving_time_natively() {
        let winter = DateTime::from_civil(date(2016, 12, 23), 12, 0, 0, 0, 0).unix_seconds();
        let summer = DateTime::from_civil(date(2016, 7, 14), 12, 0, 0, 0, 0).unix_seconds();
        assert_eq!(Builtin.utc_offset("Europe/Paris", winter), Some(3600));
        assert_eq!(Builtin.utc_offset("Europe/Paris", summer), Some(7200));
        assert_eq!(Builtin.utc_offset("Nowhere/Atlantis", summer), None);
        assert_eq!(Builtin.abbreviation("Europe/Paris", winter).as_deref(), Some("CET"));
        assert_eq!(Builtin.abbreviation("Europe/Paris", summer).as_deref(), Some("CEST"));
    }

    #[test]
    fn a_wall_clock_reading_becomes_the_moment_it_names() {
        let local = DateTime::from_civil(date(2016, 12, 23), 0, 0, 0, 0, 0).unix_seconds();
        let utc = local_to_utc(&Builtin, "+01:00", local).unwrap();
        assert_eq!(DateTime::from_unix(utc, 0, 3600).to_string(), "2016-12-23T00:00:00+01:00");
    }
}
