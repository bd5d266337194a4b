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
        // "GMT+01:00" (or "GMT" at UTC) from the zone's long offset name at that moment.
        let format = date_time_format("en-US", &[("timeZone", zone), ("timeZoneName", "longOffset")])?;
        let moment = js_sys::Date::new(&JsValue::from_f64(unix_seconds as f64 * 1000.0));
        let parts = format.format_to_parts(&moment);
        let name = parts.iter().find_map(|part| {
            let kind = js_sys::Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            (kind == "timeZoneName").then(|| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string())?
        })?;
        match name.strip_prefix("GMT")? {
            "" => Some(0),
            offset => calendar::fixed_offset(offset),
        }
    }

    fn long_date(&self, date: Date, lang: &str) -> String {
        let text = date_time_format(lang, &[("dateStyle", "long"), ("timeZone", "UTC")]).map(|format| {
            let noon = js_sys::Date::utc(f64::from(date.year), f64::from(date.month - 1)) + (f64::from(date.day) - 0.5) * 86_400_000.0;
            let parts = format.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(noon)));
            parts.iter().filter_map(|part| js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string()).collect::<String>()
        });
        text.unwrap_or_else(|| calendar::Builtin.long_date(date, lang))
    }
}

thread_local! {
    /// Formats made so far, by locale and options: making one costs more than using it, and a
    /// live preview asks for the same two at every keystroke.
    static FORMATS: RefCell<Vec<(String, js_sys::Intl::DateTimeFormat)>> = const { RefCell::new(Vec::new()) };
}

/// The most formats kept (a page shows a few time zones and languages, not hundreds).
const KEPT_FORMATS: usize = 32;

/// `new Intl.DateTimeFormat(locale, options)`, made once; `None` where it throws (a bad zone or tag).
fn date_time_format(locale: &str, options: &[(&str, &str)]) -> Option<js_sys::Intl::DateTimeFormat> {
    let key = format!("{locale}\u{0}{options:?}");
    if let Some(format) = FORMATS.with_borrow(|formats| formats.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone())) {
        return Some(format);
    }
    let format = new_date_time_format(locale, options)?;
    FORMATS.with_borrow_mut(|formats| {
        if formats.len() == KEPT_FORMATS {
            formats.remove(0);
        }
        formats.push((key, format.clone()));
    });
    Some(format)
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

