//! The filters Folio runs exactly as Liquid 5.4 and Jekyll 4.3 do; any other, or one given
//! values it cannot make exact with, leaves its output tag as written.

use crate::kramdown::patterns::is_space_char as is_space;
use super::Reason;
use crate::datetime::{Date, DateTime};
use crate::profile::Profile;
use crate::sanitize::url;
use crate::value::Value;

/// The days of the week from Sunday, as `strftime` names them (`%A`; `%a` their first three letters).
const DAYS: &str = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday";

/// `input | name: args`.
pub fn apply(name: &str, input: Value, args: &[Value], profile: &Profile) -> Result<Value, Reason> {
    let refused = || Reason::Filter(name.to_owned());
    let text = |value: &Value| value.to_scalar_string().ok_or_else(refused);
    let string = |s: String| Ok(Value::String(s));
    let input_text = || text(&input);
    // The date filters, with their one format argument or none.
    let format = match (name, args) {
        ("date", [given]) => Some(text(given)?).filter(|f| !f.is_empty()),
        ("date_to_xmlschema", []) => Some("%Y-%m-%dT%H:%M:%S%:z".to_owned()),
        ("date_to_string", []) => Some("%d %b %Y".to_owned()),
        ("date_to_long_string", []) => Some("%d %B %Y".to_owned()),
        _ => None,
    };
    if let Some(format) = format {
        let time = match input {
            Value::Time(time) => time,
            Value::Date(date) => DateTime::from_civil(date, 0, 0, 0, 0, 0),
            _ => return Err(refused()),
        };
        return strftime(&time, &format).map(Value::String).ok_or_else(refused);
    }
    match (name, args) {
        ("relative_url", []) => relative_url(&input_text()?, profile).map(Value::String).ok_or_else(refused),
        ("absolute_url", []) => absolute_url(&input_text()?, profile).map(Value::String).ok_or_else(refused),
        ("escape", []) => string(ruby_escaped(&input_text()?, "&#39;")),
        ("xml_escape", []) => string(ruby_escaped(&input_text()?, "&apos;")),
        // Ruby's `strip`: ASCII white space, and NUL at the end.
        ("strip", []) => string(input_text()?.trim_start_matches(is_space).trim_end_matches(|c| is_space(c) || c == '\0').to_owned()),
        // Character by character, as Ruby does (`str::to_lowercase` would also make a final
        // capital sigma ς, with tables the first download would hold).
        ("downcase", []) => string(input_text()?.chars().flat_map(char::to_lowercase).collect()),
        ("upcase", []) => string(input_text()?.chars().flat_map(char::to_uppercase).collect()),
        ("append", [suffix]) => string(input_text()? + &text(suffix)?),
        ("prepend", [prefix]) => string(text(prefix)? + &input_text()?),
        ("default", [fallback]) => {
            let empty = match &input {
                Value::Null | Value::Bool(false) => true,
                Value::String(s) => s.is_empty(),
                Value::Seq(items) => items.is_empty(),
                Value::Map(entries) => entries.is_empty(),
                _ => false,
            };
            Ok(if empty { fallback.clone() } else { input })
        }
        ("slugify", []) => slugify(&input_text()?).map(Value::String).ok_or_else(refused),
        _ => Err(refused()),
    }
}

/// `text` escaped as Ruby's `CGI.escapeHTML` or `encode(xml: :attr)`, by how they write `'`.
fn ruby_escaped(text: &str, apostrophe: &'static str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::escape::ruby_html(&mut out, text, apostrophe);
    out
}

/// Jekyll's `slugify` in its default mode: each run of characters that are not letters, marks
/// or digits one `-`, none at the ends, in lower case. Only for the Latin letters whose Unicode
/// classes Folio can tell without tables.
fn slugify(text: &str) -> Option<String> {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        let kept = c.is_ascii_alphanumeric() || matches!(c, 'À'..='ſ') && c != '×' && c != '÷';
        if !c.is_ascii() && !kept {
            return None;
        }
        if kept {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.strip_prefix('-').unwrap_or(&slug);
    Some(slug.strip_suffix('-').unwrap_or(slug).to_owned())
}

/// Jekyll's `relative_url`: the site's `baseurl` and the path, each with a leading `/`,
/// normalised as Addressable does. Only paths Folio can normalise exactly: letters, digits,
/// `-._~/`, spaces and non-ASCII text (percent-encoded), no `.` or `..` segments.
fn relative_url(path: &str, profile: &Profile) -> Option<String> {
    if url::scheme(path).is_some() {
        return Some(path.to_owned());
    }
    let base = profile.baseurl.strip_suffix('/').unwrap_or(&profile.baseurl);
    let mut joined = String::new();
    for part in [base, path] {
        if !part.is_empty() && !part.starts_with('/') {
            joined.push('/');
        }
        joined.push_str(part);
    }
    if joined.split('/').any(|segment| segment == "." || segment == "..") {
        return None;
    }
    let mut out = String::with_capacity(joined.len());
    for byte in joined.bytes() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(char::from(byte)),
            b' ' | 0x80.. => out.push_str(&format!("%{byte:02X}")),
            _ => return None,
        }
    }
    Some(out)
}

/// Jekyll's `absolute_url`: the site's `url` before [`relative_url`]'s, for a `url` that is a
/// scheme and a lower-case host only (which Addressable leaves as they are).
fn absolute_url(path: &str, profile: &Profile) -> Option<String> {
    if url::scheme(path).is_some() {
        return Some(path.to_owned());
    }
    let relative = relative_url(path, profile)?;
    let site = &profile.url;
    if site.is_empty() {
        return Some(relative);
    }
    let host = site.strip_prefix("https://").or_else(|| site.strip_prefix("http://"))?;
    if host.is_empty() || !host.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-') {
        return None;
    }
    // Addressable gives an http(s) URL with no path the path `/`.
    Some(site.to_owned() + if relative.is_empty() { "/" } else { &relative })
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
