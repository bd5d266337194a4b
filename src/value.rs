//! Plain data, as front matter and option files hold it: the shape shared by
//! YAML, JSON and JavaScript objects. Mappings keep their key order, as Ruby's
//! hashes (and so Jekyll) do.
//!
//! YAML also has dates and timestamps (Ruby's `Date` and `Time`). JSON and JavaScript have
//! no such type, so they serialise as ISO 8601 text: `"2016-12-23"` for a [`Value::Date`],
//! `"2016-12-23T17:50:00+01:00"` for a [`Value::Time`] (see [`crate::datetime`]).

use crate::datetime::{Date, DateTime};
use crate::float;
use crate::json::{ToJson, Writer};

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    /// A calendar day (YAML `2016-12-23`).
    Date(Date),
    /// A moment with its UTC offset (YAML `2016-12-23 17:50:00 +01:00`).
    Time(DateTime),
    Seq(Vec<Value>),
    Map(Map),
}

/// An ordered mapping with string keys.
pub type Map = Vec<(String, Value)>;

/// Merges `over` into `target` as Jekyll's `Utils.deep_merge_hashes!` does: a key of both whose
/// values are both mappings is merged the same way, any other value of `over` replaces
/// `target`'s where it stands, and keys new to `target` follow its own, in `over`'s order (a
/// Ruby hash's `merge!`). Native only: the site's configuration is read by the command line.
#[cfg(not(target_arch = "wasm32"))]
pub fn deep_merge(target: &mut Map, over: Map) {
    for (key, value) in over {
        match (target.iter_mut().find(|(k, _)| *k == key), value) {
            (Some((_, Value::Map(inner))), Value::Map(value)) => deep_merge(inner, value),
            (Some((_, slot)), value) => *slot = value,
            (None, value) => target.push((key, value)),
        }
    }
}

impl Value {
    /// The value of `key` when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as text the way Ruby's `to_s` would print a scalar; `None` for collections.
    pub fn to_scalar_string(&self) -> Option<String> {
        match self {
            Value::Null => Some(String::new()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(ruby_float(*f)),
            Value::String(s) => Some(s.clone()),
            Value::Date(d) => Some(d.to_string()),
            // Ruby's Time#to_s: `2016-12-23 17:50:00 +0100`, `UTC` in UTC mode.
            Value::Time(t) => Some(format!(
                "{} {:02}:{:02}:{:02} {}",
                t.date,
                t.hour,
                t.minute,
                t.second,
                if t.mode == crate::datetime::Mode::Utc { "UTC".to_owned() } else { crate::datetime::Offset(t.offset).to_string().replace(':', "") }
            )),
            Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// A short name of the kind of value, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::String(_) => "a string",
            Value::Date(_) => "a date",
            Value::Time(_) => "a time",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

/// Ruby's `Float#to_s`: the shortest digits that read back the same, plain from 1e-4 to below
/// 1e15 with at least one digit after the point (`100.0`, `0.0001`), with a signed exponent of
/// two digits or more outside (`1.0e+15`, `1.5e-07`).
fn ruby_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let digits = float::digits(f);
    let mut text = String::new();
    if (-4..15).contains(&digits.exponent) {
        digits.plain(&mut text);
    } else {
        digits.scientific(&mut text, "0", 2);
    }
    text
}

impl ToJson for Value {
    fn write_json(&self, json: &mut Writer) {
        match self {
            Value::Null => json.null(),
            Value::Bool(b) => b.write_json(json),
            Value::Int(i) => i.write_json(json),
            Value::Float(f) => f.write_json(json),
            Value::String(s) => s.write_json(json),
            Value::Date(d) => d.write_json(json),
            Value::Time(t) => t.write_json(json),
            Value::Seq(items) => items.write_json(json),
            Value::Map(entries) => entries.write_json(json),
        }
    }
}
