//! Plain (unquoted) scalars to values, with the YAML 1.1 rules of Ruby's Psych.
//!
//! This follows `Psych::ScalarScanner#tokenize` (Psych 4, Ruby 3.1) branch by branch,
//! quirks included, because Jekyll reads front matter with it: `yes`, `On` and `NO` are
//! booleans, `~` and `Null` are nothing, `0x1F`, `0b101`, `017` (octal) and `1_000` are
//! integers, `1:30` is the sexagesimal integer 5400, `1.` and `.5` are floats but `1e3`
//! is a string, `2016-12-23` is a date and `2016-12-23 17:50:00` a time in UTC.
//! Anything a Psych branch would fail on falls back to the string, as Psych does.

use crate::datetime::{Date, DateTime, Mode};
use crate::float;
use crate::value::Value;

/// Reads a plain scalar the way Psych's `tokenize` does.
pub fn resolve(s: &str) -> Value {
    if s.is_empty() {
        return Value::Null;
    }
    if looks_like_a_word(s) || s.contains('\n') {
        return word(s);
    }
    if let Some(time) = timestamp(s) {
        return time;
    }
    if let Some(date) = date(s) {
        return date;
    }
    match s.to_ascii_lowercase().as_str() {
        ".inf" | "+.inf" => return Value::Float(f64::INFINITY),
        "-.inf" => return Value::Float(f64::NEG_INFINITY),
        ".nan" => return Value::Float(f64::NAN),
        _ => {}
    }
    // `:name` would be a Ruby Symbol, which `YAML.safe_load` refuses; Jekyll's SafeYAML
    // keeps it as the string, and so do we.
    if s.starts_with(':') {
        return string(s);
    }
    if let Some(n) = sexagesimal(s) {
        return n;
    }
    if let Some(f) = float(s) {
        return Value::Float(f);
    }
    integer(s).unwrap_or_else(|| string(s))
}

fn string(s: &str) -> Value {
    Value::String(s.to_owned())
}

/// Psych's first test, `^[^\d.:-]?[[:alpha:]_\s!@#$%\^&*(){}<>|/\\~;=]+`: the text starts
/// like a word (so it cannot be a number or a date).
fn looks_like_a_word(s: &str) -> bool {
    let is_word_char = |c: char| c.is_alphabetic() || c.is_ascii_whitespace() || "_!@#$%^&*(){}<>|/\\~;=".contains(c);
    let mut chars = s.chars();
    let first = chars.next().expect("not empty");
    is_word_char(first) || (!(first.is_ascii_digit() || ".:-".contains(first)) && chars.next().is_some_and(is_word_char))
}

/// A word is a string unless it is one of the short YAML 1.1 names of null and the booleans
/// (any case). Psych tests them with `^…$`, which in Ruby matches at any line of the text.
fn word(s: &str) -> Value {
    // `^[^ytonf~]`/i: a line that starts with another character (an empty line counts) makes it a string.
    let mut line_starts = std::iter::once(0).chain(s.match_indices('\n').map(|(i, _)| i + 1));
    let other_start = line_starts.any(|i| s[i..].chars().next().is_some_and(|c| !"ytonf~YTONF".contains(c)));
    if s.chars().count() > 5 || other_start {
        return string(s);
    }
    let any_line = |names: &[&str]| s.split('\n').any(|line| names.iter().any(|n| line.eq_ignore_ascii_case(n)));
    if s == "~" || any_line(&["null"]) {
        Value::Null
    } else if any_line(&["yes", "true", "on"]) {
        Value::Bool(true)
    } else if any_line(&["no", "false", "off"]) {
        Value::Bool(false)
    } else {
        string(s)
    }
}

/// A cursor over ASCII text, for the hand-written equivalents of Psych's regular expressions.
struct Scan<'a> {
    s: &'a [u8],
    at: usize,
}

impl<'a> Scan<'a> {
    fn new(s: &'a str) -> Self {
        Scan { s: s.as_bytes(), at: 0 }
    }
    fn done(&self) -> bool {
        self.at == self.s.len()
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }
    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.at += usize::from(hit);
        hit
    }
    fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| set.contains(b))?;
        self.at += 1;
        Some(b)
    }
    /// Between `min` and `max` ASCII digits, as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.at;
        while self.at - start < max && self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        // Read here, not by `str::parse`, whose check of the text's UTF-8 was the only one left
        // in the first download (0.7 KB).
        let digits = &self.s[start..self.at];
        let value = digits.iter().try_fold(0u32, |n, &d| n.checked_mul(10)?.checked_add(u32::from(d - b'0')));
        (digits.len() >= min).then_some(value).flatten()
    }
    fn spaces(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.at += 1;
        }
        self.at - start
    }
}

/// Psych's `TIME`, `-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?`,
/// read as `parse_time` reads it: without an offset the time is UTC. Impossible values
/// (month 13, hour 25) leave the text a string, as Ruby's `ArgumentError` does.
fn timestamp(s: &str) -> Option<Value> {
    let mut scan = Scan::new(s);
    let negative = scan.eat(b'-');
    let year = scan.digits(4, 4)? as i32;
    let year = if negative { -year } else { year };
    scan.eat(b'-').then_some(())?;
    let month = scan.digits(1, 2)?;
    scan.eat(b'-').then_some(())?;
    let day = scan.digits(1, 2)?;
    if scan.eat_any(b"Tt").is_none() && scan.spaces() == 0 {
        return None;
    }
    let hour = scan.digits(1, 2)?;
    scan.eat(b':').then_some(())?;
    let minute = scan.digits(2, 2)?;
    scan.eat(b':').then_some(())?;
    let second = scan.digits(2, 2)?;
    let mut nanosecond = 0;
    if scan.eat(b'.') {
        let start = scan.at;
        while scan.peek().is_some_and(|b| b.is_ascii_digit()) {
            scan.at += 1;
        }
        let fraction = format!("{:0<9}", &s[start..scan.at.min(start + 9)]);
        nanosecond = fraction.parse().ok()?;
    }
    scan.spaces();
    let utc = scan.eat(b'Z');
    let offset = if scan.done() || utc {
        utc.then_some(0)
    } else {
        let sign = scan.eat_any(b"+-")?;
        let hours = scan.digits(1, 2)? as i32;
        // After a colon, two digits; without one, the pattern's `\d{1,2}` gives a digit back where
        // it must, so a single digit may follow, and `parse_time` reads it as the minutes
        // (`+053` is five hours and three minutes).
        let colon = scan.eat(b':');
        let minutes = if scan.done() {
            0
        } else if colon {
            scan.digits(2, 2)? as i32
        } else {
            scan.digits(1, 2)? as i32
        };
        // Psych adds the minutes away from zero only when the hours are not zero (`-0:30` is +00:30).
        let hours = if sign == b'-' { -hours } else { hours };
        Some(if hours < 0 { hours * 3600 - minutes * 60 } else { hours * 3600 + minutes * 60 })
    };
    if !scan.done() {
        return None;
    }
    // Ruby's Time.utc: days up to 31 roll into the next month, hour 24 only on the hour, second 60 rolls.
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (hour < 24 || (hour == 24 && minute == 0 && second == 0))
        && minute < 60
        && second <= 60
        && offset.is_none_or(|o: i32| o.abs() < 86_400);
    if !valid {
        return Some(string(s));
    }
    let date = Date { year, month: month as u8, day: day as u8 };
    let time = DateTime::from_civil(date, hour as u8, minute as u8, second as u8, nanosecond, offset.unwrap_or(0));
    let mode = match offset {
        _ if utc => Mode::Utc,
        Some(_) => Mode::Offset,
        None => Mode::Local,
    };
    Some(Value::Time(DateTime { mode, ..time }))
}

/// Psych's date, `\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)`, checked by `Date.strptime`.
fn date(s: &str) -> Option<Value> {
    let mut scan = Scan::new(s);
    let year = scan.digits(4, 4)? as i32;
    scan.eat(b'-').then_some(())?;
    let month = scan.digits(1, 2)?;
    scan.eat(b'-').then_some(())?;
    let day = scan.digits(1, 2)?;
    if !scan.done() || month > 12 || day > 31 {
        return None;
    }
    Some(Date::new(year, month as u8, day as u8).map_or_else(|| string(s), Value::Date))
}

/// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}`, optionally followed by `\.[0-9_]*` (a float).
/// Psych weighs the parts by `60 ** (index - 2).abs`, so `1:30` is 1×3600 + 30×60 = 5400
/// and only three-part values read as hours, minutes and seconds: kept as it is.
fn sexagesimal(s: &str) -> Option<Value> {
    let (whole, fraction) = match s.split_once('.') {
        Some((whole, fraction)) if fraction.bytes().all(|b| b.is_ascii_digit() || b == b'_') => (whole, Some(fraction)),
        Some(_) => return None,
        None => (s, None),
    };
    let parts: Vec<&str> = whole.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let first = parts[0].strip_prefix(['-', '+']).unwrap_or(parts[0]);
    let first_ok = first.starts_with(|c: char| c.is_ascii_digit()) && first.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let rest_ok = parts[1..].iter().all(|p| {
        let b = p.as_bytes();
        match b.len() {
            1 => b[0].is_ascii_digit(),
            2 => (b'0'..=b'5').contains(&b[0]) && b[1].is_ascii_digit(),
            _ => false,
        }
    });
    if !first_ok || !rest_ok {
        return None;
    }
    let weight = |i: usize| 60_i64.pow((i as i64 - 2).unsigned_abs() as u32);
    match fraction {
        None => {
            let mut total: i64 = 0;
            for (i, part) in parts.iter().enumerate() {
                total = total.checked_add(ruby_to_i(part)?.checked_mul(weight(i))?)?;
            }
            Some(Value::Int(total))
        }
        Some(fraction) => {
            let last = parts.len() - 1;
            let total = parts.iter().enumerate().fold(0.0, |sum, (i, part)| {
                let text = if i == last { format!("{part}.{fraction}") } else { (*part).to_owned() };
                sum + ruby_to_f(&text) * weight(i) as f64
            });
            Some(Value::Float(total))
        }
    }
}

/// Ruby's `String#to_i` on `[-+]?[0-9_]+`: underscores between digits are ignored.
fn ruby_to_i(s: &str) -> Option<i64> {
    s.replace('_', "").parse().ok()
}

/// Ruby's `String#to_f` on `[-+]?[0-9_]+(\.[0-9_]*)?`.
fn ruby_to_f(s: &str) -> f64 {
    float::parse(s.replace('_', "").trim_end_matches('.')).unwrap_or(0.0)
}

/// Psych's `FLOAT`, `[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?`, read by `Float()` after
/// removing `,` and `_` and a `.` that ends the mantissa.
fn float(s: &str) -> Option<f64> {
    let mut scan = Scan::new(s);
    scan.eat_any(b"+-");
    if scan.peek().is_some_and(|b| b.is_ascii_digit()) {
        while scan.peek().is_some_and(|b| b.is_ascii_digit() || b == b'_' || b == b',') {
            scan.at += 1;
        }
    }
    scan.eat(b'.').then_some(())?;
    let fraction_start = scan.at;
    while scan.peek().is_some_and(|b| b.is_ascii_digit()) {
        scan.at += 1;
    }
    let has_fraction = scan.at > fraction_start;
    if scan.eat_any(b"eE").is_some() {
        scan.eat_any(b"+-")?;
        scan.digits(1, usize::MAX)?;
    }
    if !scan.done() {
        return None;
    }
    let mantissa_digits = s.bytes().any(|b| b.is_ascii_digit());
    if !mantissa_digits && !has_fraction {
        return None; // `.`, `+.`: Psych keeps these as strings
    }
    // Without `,` and `_`, and without a `.` right before the exponent (Psych's `.e` → `e`).
    let mut cleaned = String::with_capacity(s.len());
    for c in s.chars().filter(|c| *c != ',' && *c != '_') {
        if matches!(c, 'e' | 'E') && cleaned.ends_with('.') {
            cleaned.pop();
        }
        cleaned.push(c);
    }
    float::parse(cleaned.strip_suffix('.').unwrap_or(&cleaned))
}

/// Psych's `INTEGER` (binary `0b`, octal `0…`, decimal, hexadecimal `0x`, with `_` and `,`
/// anywhere after the first digit), read by Ruby's `Integer()`. Beyond 64 bits, a float.
fn integer(s: &str) -> Option<Value> {
    let (negative, unsigned) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let is_separator = |c: char| c == '_' || c == ',';
    let (radix, digits) = if let Some(rest) = unsigned.strip_prefix("0b") {
        (2, rest)
    } else if let Some(rest) = unsigned.strip_prefix("0x") {
        (16, rest)
    } else if unsigned.len() > 1 && unsigned.starts_with('0') {
        (8, &unsigned[1..])
    } else {
        if unsigned != "0" && !decimal_with_separators(unsigned.as_bytes()) {
            return None;
        }
        (10, unsigned)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix) || is_separator(c)) {
        return None;
    }
    let digits: String = digits.chars().filter(|c| !is_separator(*c)).collect();
    if digits.is_empty() {
        return None; // `0x_`: Ruby's Integer() refuses it
    }
    let magnitude = u128::from_str_radix(&digits, radix).ok();
    let signed = magnitude.and_then(|m| i128::try_from(m).ok()).map(|m| if negative { -m } else { m });
    Some(match signed.and_then(|n| i64::try_from(n).ok()) {
        Some(n) => Value::Int(n),
        None => {
            let f = digits.chars().fold(0.0, |acc, c| acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0)));
            Value::Float(if negative { -f } else { f })
        }
    })
}

/// `[1-9](?:[0-9]|,[0-9]|_[0-9])*`.
fn decimal_with_separators(b: &[u8]) -> bool {
    if b.is_empty() || !(b'1'..=b'9').contains(&b[0]) {
        return false;
    }
    let mut i = 1;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            i += 1;
        } else if (b[i] == b'_' || b[i] == b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 2;
        } else {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use crate::value::Value;

    fn shown(s: &str) -> String {
        match resolve(s) {
            Value::String(s) => format!("{s:?}"),
            Value::Float(f) => format!("{f:?}f"),
            other => other.to_scalar_string().unwrap(),
        }
    }

    #[test]
    fn yaml_1_1_booleans_and_nulls_are_read_in_any_case() {
        for (text, expected) in [
            ("yes", "true"), ("On", "true"), ("TRUE", "true"), ("no", "false"), ("OFF", "false"),
            ("False", "false"), ("~", ""), ("null", ""), ("NuLl", ""), ("", ""),
            ("y", "\"y\""), ("n", "\"n\""), ("nope", "\"nope\""), ("yes please", "\"yes please\""),
        ] {
            assert_eq!(shown(text), expected, "{text}");
        }
    }

    #[test]
    fn integers_take_psych_prefixes_and_separators() {
        for (text, expected) in [
            ("0", "0"), ("-12", "-12"), ("+12", "12"), ("1_000", "1000"), ("1,000", "1000"),
            ("0x1F", "31"), ("0x_1F", "31"), ("-0b11", "-3"), ("017", "15"), ("09", "\"09\""),
            ("0o17", "\"0o17\""), ("1__0", "\"1__0\""), ("0x_", "\"0x_\""),
        ] {
            assert_eq!(shown(text), expected, "{text}");
        }
    }

    #[test]
    fn sexagesimal_numbers_keep_psych_weights() {
        assert_eq!(shown("1:30"), "5400");
        assert_eq!(shown("1:30:00"), "5400");
        assert_eq!(shown("-1:30"), "-1800");
        assert_eq!(shown("190:20:30.15"), "685230.15f");
        assert_eq!(shown("1:60"), "\"1:60\"");
    }

    #[test]
    fn floats_need_a_dot_and_infinities_and_nan_are_named() {
        for (text, expected) in [
            ("1.5", "1.5f"), ("1.", "1.0f"), (".5", "0.5f"), ("+.5", "0.5f"), ("-1.5e+3", "-1500.0f"),
            ("1_000.5", "1000.5f"), ("1e3", "\"1e3\""), ("1.5e3", "\"1.5e3\""), ("0.1_5", "\"0.1_5\""),
            ("1.e+3", "1000.0f"), ("1_0.E-1", "1.0f"), (".", "\".\""), ("-.", "\"-.\""), ("1.2.3", "\"1.2.3\""), (".inf", "inff"), ("-.INF", "-inff"),
        ] {
            assert_eq!(shown(text), expected, "{text}");
        }
        assert!(matches!(resolve(".NaN"), Value::Float(f) if f.is_nan()));
    }

    #[test]
    fn dates_and_times_are_read_when_they_exist() {
        assert_eq!(shown("2016-12-23"), "2016-12-23");
        assert_eq!(shown("2016-1-2"), "2016-01-02");
        assert_eq!(shown("2016-02-30"), "\"2016-02-30\"");
        assert_eq!(shown("2016-13-01"), "\"2016-13-01\"");
        let time = |s| match resolve(s) {
            Value::Time(t) => t.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(time("2016-12-23 17:50:00 +01:00"), "2016-12-23T17:50:00+01:00");
        assert_eq!(time("2016-12-23 17:50:00"), "2016-12-23T17:50:00+00:00");
        assert_eq!(time("2016-12-23T17:50:00Z"), "2016-12-23T17:50:00+00:00");
        assert_eq!(time("2016-12-23 17:50:00.5 -5"), "2016-12-23T17:50:00.5-05:00");
        assert_eq!(time("2016-12-23 17:50:00 +0130"), "2016-12-23T17:50:00+01:30");
        // One digit left after the hours is the minutes, as `parse_time` reads it (a digit lost
        // from `-0500`).
        assert_eq!(time("2016-12-23 17:50:00 -050"), "2016-12-23T17:50:00-05:00");
        assert_eq!(time("2016-12-23 17:50:00 +053"), "2016-12-23T17:50:00+05:03");
        assert_eq!(shown("2016-12-23 17:50:00 +05:3"), "\"2016-12-23 17:50:00 +05:3\"");
        assert_eq!(shown("2016-12-23 17:50:00 +05300"), "\"2016-12-23 17:50:00 +05300\"");
        assert_eq!(time("2016-2-30 1:02:03"), "2016-03-01T01:02:03+00:00");
        assert_eq!(shown("2016-12-23 25:00:00"), "\"2016-12-23 25:00:00\"");
        assert_eq!(shown("2016-12-23 17:50"), "\"2016-12-23 17:50\"");
    }

    #[test]
    fn symbols_stay_strings_as_jekyll_reads_them() {
        assert_eq!(shown(":sym"), "\":sym\"");
    }
}
