//! YAML text to [`Value`], with errors that say where.

use crate::value::Value;

/// A YAML document that does not parse: what is wrong and its byte offset in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub offset: usize,
    pub message: String,
}

/// Reads one YAML document.
pub fn load(text: &str) -> Result<Value, YamlError> {
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(value) => Ok(from_yaml(value)),
        Err(error) => Err(YamlError {
            offset: error.location().map_or(0, |at| at.index()),
            message: strip_location(&error.to_string()),
        }),
    }
}

/// serde_yaml appends "at line L column C" relative to the text it was given; callers
/// report the position in their own file instead.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn from_yaml(value: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Seq(items.into_iter().map(from_yaml).collect()),
        Y::Mapping(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (from_yaml(k).to_scalar_string().unwrap_or_default(), from_yaml(v)))
                .collect(),
        ),
        Y::Tagged(tagged) => from_yaml(tagged.value),
    }
}
