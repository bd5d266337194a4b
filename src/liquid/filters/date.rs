//! Jekyll's date filters and Liquid's `date`: Ruby's `strftime` for the directives that need
//! no zone name.

use super::{Call, REFUSED};
use crate::datetime::{Date, DateTime};
use crate::liquid::Reason;
use crate::value::Value;

/// The days of the week from Sunday, as `strftime` names them (`%A`; `%a` their first three letters).
const DAYS: &str = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday";

/// Liquid's `date`: an empty format gives the input back; one not a string is Folio's to refuse.
pub fn date(call: &Call) -> Result<Value, Reason> {
    match call.args(1, 1)?[0].as_str() {
        Some("") => Ok(call.input.clone()),
        Some(format) => formatted(&call.input, format),
        None => Err(REFUSED),
    }
}

/// Jekyll's `date_to_xmlschema`.
pub fn to_xmlschema(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    formatted(&local(call)?, "%Y-%m-%dT%H:%M:%S%:z")
}

/// Jekyll's `date_to_rfc822`.
pub fn to_rfc822(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    formatted(&local(call)?, "%a, %d %b %Y %H:%M:%S %z")
}

/// Jekyll's `date_to_string` and `date_to_long_string` (`month` `%b` or `%B`), with its
/// `ordinal` type and `US` style; an argument not a string counts as none.
pub fn to_string(call: &Call, month: &str) -> Result<Value, Reason> {
    let args = call.args(0, 2)?;
    let text = |i: usize| args.get(i).and_then(Value::as_str);
    let input = local(call)?;
    let format = match (text(0), text(1)) {
        (Some("ordinal"), style) => {
            let Value::Time(time) = input else { return Err(REFUSED) };
            let suffix = match (time.date.day % 100, time.date.day % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            match style {
                Some("US") => [month, " %-d", suffix, ", %Y"].concat(),
                _ => ["%-d", suffix, " ", month, " %Y"].concat(),
            }
        }
        (None, None) => ["%d ", month, " %Y"].concat(),
        _ => return Err(REFUSED),
    };
    formatted(&input, &format)
}

/// The input as Jekyll's `time` gives it to its date filters, `to_time.dup.localtime`: a time
/// shown in the site's zone, a date at midnight there.
fn local(call: &Call) -> Result<Value, Reason> {
    match &call.input {
        Value::Time(time) => Ok(Value::Time(call.context.zone.show(*time))),
        Value::Date(date) => Ok(Value::Time(crate::front_matter::date::midnight(*date, call.context.zone))),
        _ => Err(REFUSED),
    }
}

/// A date or time in `format`.
fn formatted(input: &Value, format: &str) -> Result<Value, Reason> {
    let time = match input {
        Value::Time(time) => *time,
        Value::Date(date) => DateTime::from_civil(*date, 0, 0, 0, 0, 0),
        _ => return Err(REFUSED),
    };
    strftime(&time, format).map(Value::String).ok_or(REFUSED)
}

/// Ruby's `Time#strftime`, for the directives with no zone name in them (no `%Z`),
/// with the `-` flag (no padding); `None` for any other.
fn strftime(time: &DateTime, format: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = format.chars();
    let date = time.date;
    let days = date.days_since_epoch();
    // 1970-01-01 was a Thursday.
    let weekday = (days + 4).rem_euclid(7) as usize;
    let hour12 = (u32::from(time.hour) + 11) % 12 + 1;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut directive = chars.next()?;
        let unpadded = directive == '-';
        if unpadded {
            directive = chars.next()?;
        }
        let number = |out: &mut String, n: i64, width: usize| padded(out, n, if unpadded { 0 } else { width }, '0');
        match directive {
            'Y' => number(&mut out, i64::from(date.year), 0),
            'y' => number(&mut out, i64::from(date.year).rem_euclid(100), 2),
            'm' => number(&mut out, i64::from(date.month), 2),
            'd' => number(&mut out, i64::from(date.day), 2),
            'e' if !unpadded => padded(&mut out, i64::from(date.day), 2, ' '),
            'j' => number(&mut out, days - Date { month: 1, day: 1, ..date }.days_since_epoch() + 1, 3),
            'H' => number(&mut out, i64::from(time.hour), 2),
            'I' => number(&mut out, i64::from(hour12), 2),
            'M' => number(&mut out, i64::from(time.minute), 2),
            'S' => number(&mut out, i64::from(time.second), 2),
            's' => number(&mut out, time.unix_seconds(), 0),
            'u' => number(&mut out, if weekday == 0 { 7 } else { weekday as i64 }, 0),
            'w' => number(&mut out, weekday as i64, 0),
            'p' if !unpadded => out.push_str(if time.hour < 12 { "AM" } else { "PM" }),
            'B' if !unpadded => out.push_str(crate::calendar::ENGLISH[usize::from(date.month) - 1]),
            'b' if !unpadded => out.push_str(&crate::calendar::ENGLISH[usize::from(date.month) - 1][..3]),
            'A' | 'a' if !unpadded => {
                let day = DAYS.split(' ').nth(weekday)?;
                out.push_str(if directive == 'A' { day } else { &day[..3] });
            }
            'z' if !unpadded => zone(&mut out, time.offset, ""),
            ':' if !unpadded && chars.next()? == 'z' => zone(&mut out, time.offset, ":"),
            '%' if !unpadded => out.push('%'),
            _ => return None,
        }
    }
    Some(out)
}

/// `+0100`, or `+01:00` with `:` between.
fn zone(out: &mut String, offset: i32, between: &str) {
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs() / 60;
    out.push(sign);
    padded(out, i64::from(minutes / 60), 2, '0');
    out.push_str(between);
    padded(out, i64::from(minutes % 60), 2, '0');
}

/// `n` in decimal, `fill` before it up to `width` characters.
fn padded(out: &mut String, n: i64, width: usize, fill: char) {
    let digits = n.to_string();
    out.extend(std::iter::repeat_n(fill, width.saturating_sub(digits.len())));
    out.push_str(&digits);
}
