//! The filters Folio runs exactly as Liquid 5.4 and Jekyll 4.3 do, by family; any other, or
//! one given values it cannot make exact with, leaves its tag as written.

mod date;
mod list;
mod math;
mod text;
mod url;

use super::{Context, Reason};
use crate::value::Value;

/// A filter refused: [`apply`] names it.
const REFUSED: Reason = Reason::Filter(String::new());

/// `input | name: args`.
pub fn apply(name: &str, input: Value, args: &[Value], context: &Context) -> Result<Value, Reason> {
    let profile = context.profile;
    let result = match (name, args) {
        // Jekyll's `return if input.nil?`.
        ("relative_url" | "absolute_url", []) if input == Value::Null => Ok(Value::Null),
        ("relative_url", []) => to_s(&input).and_then(|t| url::relative_url(&t, profile).map(Value::String).ok_or(REFUSED)),
        ("absolute_url", []) => to_s(&input).and_then(|t| url::absolute_url(&t, profile).map(Value::String).ok_or(REFUSED)),
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
        // Kramdown as Jekyll configures it: the profile's options.
        ("markdownify", []) => to_s(&input).map(|t| Value::String(crate::render_body(&t, &profile.options))),
        ("jsonify", []) => jsonify(&input).map(Value::String),
        _ => match date::apply(name, &input, args) {
            Some(value) => value.ok_or(REFUSED),
            None => text::apply(name, &input, args)
                .or_else(|| list::apply(name, &input, args))
                .or_else(|| math::apply(name, &input, args))
                .unwrap_or(Err(REFUSED)),
        },
    };
    result.map_err(|why| match why {
        Reason::Filter(refused) if refused.is_empty() => Reason::Filter(name.to_owned()),
        why => why,
    })
}

/// Ruby's `to_s` of a value, as filters take their text; a list's or mapping's (Ruby's
/// `inspect`) is Folio's to refuse.
pub fn to_s(value: &Value) -> Result<String, Reason> {
    value.to_scalar_string().ok_or(REFUSED)
}

/// What an output prints: a list's items one after another (nested ones too), `nil` nothing.
pub fn print(value: &Value) -> Result<String, Reason> {
    match value {
        Value::Seq(items) => items.iter().map(print).collect(),
        Value::Map(_) => Err(Reason::Tag),
        scalar => to_s(scalar),
    }
}

/// Jekyll's `jsonify` (Ruby's `to_json`), for values whose JSON Folio writes as Ruby does.
fn jsonify(value: &Value) -> Result<String, Reason> {
    fn plain(value: &Value) -> bool {
        match value {
            Value::Seq(items) => items.iter().all(plain),
            Value::Map(entries) => entries.iter().all(|(_, v)| plain(v)),
            Value::Float(f) => f.is_finite() && (1e-4..1e16).contains(&f.abs()) || *f == 0.0,
            Value::Date(_) | Value::Time(_) => false,
            _ => true,
        }
    }
    plain(value).then(|| crate::json::to_string(value)).ok_or(REFUSED)
}
