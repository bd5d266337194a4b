//! Dates through the browser's `Intl`: time-zone offsets and long dates in the page's language.

use crate::calendar::{self, Calendar};
use crate::datetime::Date;
use wasm_bindgen::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The browser's calendar: time zones and month names from `Intl`, falling back to the
/// built-in one for what `Intl` refuses (an unknown language tag).
pub struct IntlCalendar;

impl Calendar for IntlCalendar {
    fn utc_offset(&self, zone: &str, unix_seconds: i64) -> Option<i32> {
        if let Some(offset) = calendar::fixed_offset(zone) {
            return Some(offset);
        }
        remembered(&OFFSETS, format!("{zone}\u{0}{unix_seconds}"), || zone_offset(zone, unix_seconds))
    }

    fn long_date(&self, date: Date, lang: &str) -> String {
        remembered(&LONG_DATES, format!("{lang}\u{0}{date}"), || long_date(date, lang))
    }

    fn abbreviation(&self, zone: &str, unix_seconds: i64) -> Option<String> {
        // English names the tz database's abbreviations where they are common, American English
        // the American zones' (`EST`), British English the European ones' (`CET`, `BST`); for
        // the others it writes an offset (`GMT+1`), which is none.
        let letters = |locale| zone_name(locale, zone, unix_seconds, "short").filter(|name| name.bytes().all(|b| b.is_ascii_alphabetic()));
        letters("en-US").or_else(|| letters("en-GB"))
    }
}

thread_local! {
    /// Answers given so far: every render asks for the site zone's offset and the article's
    /// date in words, and `formatToParts` costs more than a look-up (a live preview asks at
    /// every keystroke).
    static OFFSETS: RefCell<Vec<(String, Option<i32>)>> = const { RefCell::new(Vec::new()) };
    static LONG_DATES: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// The answer kept for `key` in `answers`, or `answer()` kept there (the last [`KEPT`]
/// answers are kept).
fn remembered<T: Clone + 'static>(
    answers: &'static std::thread::LocalKey<RefCell<Vec<(String, T)>>>,
    key: String,
    answer: impl FnOnce() -> T,
) -> T {
    if let Some(known) = answers.with_borrow(|kept| kept.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())) {
        return known;
    }
    let value = answer();
    answers.with_borrow_mut(|kept| {
        if kept.len() == KEPT {
            kept.remove(0);
        }
        kept.push((key, value.clone()));
    });
    value
}

/// The offset of `zone` at that moment, from its long offset name.
fn zone_offset(zone: &str, unix_seconds: i64) -> Option<i32> {
    // "GMT+01:00" (or "GMT" at UTC) from the zone's long offset name at that moment.
    let name = zone_name("en-US", zone, unix_seconds, "longOffset")?;
    match name.strip_prefix("GMT")? {
        "" => Some(0),
        offset if offset.len() > 6 => local_mean_time(offset),
        offset => calendar::fixed_offset(offset),
    }
}

/// An offset to the second, `+00:09:21`: a zone's local mean time, before it took a standard
/// time (Paris until 1891). Apart, so that the dates of today do not download it.
#[inline(never)]
fn local_mean_time(offset: &str) -> Option<i32> {
    let (hours_minutes, seconds) = offset.split_at_checked(6)?;
    let seconds: i32 = seconds.strip_prefix(':')?.parse().ok()?;
    Some(calendar::fixed_offset(hours_minutes)? + if offset.starts_with('-') { -seconds } else { seconds })
}

/// The name `Intl` gives `zone` at that moment in `locale`, in `style` (`timeZoneName`).
fn zone_name(locale: &str, zone: &str, unix_seconds: i64, style: &str) -> Option<String> {
    let format = date_time_format(locale, &[("timeZone", zone), ("timeZoneName", style)])?;
    let moment = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
    let parts = format.format_to_parts(&moment);
    parts.iter().find_map(|part| {
        let kind = js_sys::Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        (kind == "timeZoneName").then(|| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string())?
    })
}

/// `date` in words in `lang`, from `Intl`, or from the built-in calendar where `Intl` refuses.
fn long_date(date: Date, lang: &str) -> String {
    let text = date_time_format(lang, &[("dateStyle", "long"), ("timeZone", "UTC")]).map(|format| {
        // From the day count, not `Date.UTC`, which takes the years 0 to 99 for 1900 to 1999.
        let noon = (date.days_since_epoch() as f64 + 0.5) * 86_400_000.0;
        let parts = format.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(noon)));
        parts.iter().filter_map(|part| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string()).collect::<String>()
    });
    text.unwrap_or_else(|| calendar::Builtin.long_date(date, lang))
}

thread_local! {
    /// Formats made so far, by locale and options: making one costs more than using it.
    static FORMATS: RefCell<Vec<(String, Option<js_sys::Intl::DateTimeFormat>)>> = const { RefCell::new(Vec::new()) };
}

/// How many answers of each kind are kept (a page shows a few time zones, languages and
/// dates, not hundreds).
const KEPT: usize = 32;

/// `new Intl.DateTimeFormat(locale, options)`, made once; `None` where it throws (a bad zone or tag).
fn date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<js_sys::Intl::DateTimeFormat> {
    // Keys are written out, not `{:?}`: the size build writes `{:?}` as nothing (scripts/wasm-cargo.sh).
    let key = options.iter().fold(locale.to_owned(), |key, (name, value)| format!("{key}\u{0}{name}={value}"));
    remembered(&FORMATS, key, || new_date_time_format(locale, options))
}

fn new_date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<js_sys::Intl::DateTimeFormat> {
    let settings = js_sys::Object::new();
    for (key, value) in options {
        js_sys::Reflect::set(&settings, &(*key).into(), &(*value).into()).ok()?;
    }
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let arguments = js_sys::Array::of2(&locale.into(), &settings);
    js_sys::Reflect::construct(&constructor, &arguments).ok().map(JsCast::unchecked_into)
}

