//! The filters Folio runs exactly as Liquid 5.4 and Jekyll 4.3 do, by family; any other, or
//! one given values it cannot make exact with, leaves its tag as written.
//!
//! One `match` names every filter and calls its function, which checks its own arguments
//! ([`Call::args`]): no table of function pointers, as each pointer to a function of the core's
//! rare module costs its first module a placeholder (scripts/build.sh).

mod date;
mod list;
mod math;
mod text;
mod url;

use super::{Context, Failure, Reason};
use crate::value::Value;

/// A filter refused: [`apply`] names it.
const REFUSED: Reason = Reason::Filter(String::new());

/// What a filter is given.
pub struct Call<'a> {
    input: Value,
    args: &'a [Value],
    context: &'a Context<'a>,
}

impl Call<'_> {
    /// The arguments, if there are from `min` to `max` of them, as the filter's Ruby method
    /// takes them (keyword arguments count as one more, a mapping); else Jekyll stops.
    fn args(&self, min: usize, max: usize) -> Result<&[Value], Reason> {
        match (min..=max).contains(&self.args.len()) {
            true => Ok(self.args),
            false => Err(Reason::Failed(Failure::Arguments)),
        }
    }

    /// Refuses the filter given more than `max` arguments: the options past them are Jekyll's
    /// or Liquid's, which Folio does not run.
    fn only(&self, max: usize) -> Result<(), Reason> {
        match self.args.len() <= max {
            true => Ok(()),
            false => Err(REFUSED),
        }
    }

    /// Whether the input is `nil`, which Liquid's `escape`, `url_encode`, `url_decode`,
    /// `truncate` and `truncatewords` give back, whatever their arguments.
    fn is_nil(&self) -> bool {
        matches!(self.input, Value::Null)
    }

    /// The input as text.
    fn text(&self) -> Result<String, Reason> {
        to_s(&self.input)
    }

    /// Argument `i` as text, if it is given.
    fn text_arg(&self, i: usize) -> Result<Option<String>, Reason> {
        self.args.get(i).map(to_s).transpose()
    }
}

/// `input | name: args`.
pub fn apply(name: &str, input: Value, args: &[Value], context: &Context) -> Result<Value, Reason> {
    let call = &Call { input, args, context };
    let result = match name {
        "relative_url" => url::relative_url(call),
        "absolute_url" => url::absolute_url(call),
        "url_encode" => url::url_encode(call),
        "cgi_escape" => url::cgi_escape(call),
        "url_decode" => url::url_decode(call),
        "uri_escape" => url::uri_escape(call),
        "default" => default(call),
        "markdownify" => markdownify(call),
        "jsonify" => jsonify(call),
        "date" => date::date(call),
        "date_to_xmlschema" => date::to_xmlschema(call),
        "date_to_rfc822" => date::to_rfc822(call),
        "date_to_string" => date::to_string(call, "%b"),
        "date_to_long_string" => date::to_string(call, "%B"),
        "escape" => text::escape(call),
        "xml_escape" => text::xml_escape(call),
        "escape_once" => text::escape_once(call),
        "strip" => text::strip(call, true, true),
        "lstrip" => text::strip(call, true, false),
        "rstrip" => text::strip(call, false, true),
        "downcase" => text::change_case(call, false),
        "upcase" => text::change_case(call, true),
        "capitalize" => text::capitalize(call),
        "smartify" => text::smartify(call),
        "append" => text::append(call, false),
        "prepend" => text::append(call, true),
        "slugify" => text::slugify(call),
        "replace" => text::replace(call, Which::All, 1, 2),
        "replace_first" => text::replace(call, Which::First, 1, 2),
        "replace_last" => text::replace(call, Which::Last, 2, 2),
        "remove" => text::replace(call, Which::All, 1, 1),
        "remove_first" => text::replace(call, Which::First, 1, 1),
        "remove_last" => text::replace(call, Which::Last, 1, 1),
        "truncate" => text::truncate(call),
        "truncatewords" => text::truncatewords(call),
        "split" => text::split(call),
        "strip_html" => text::strip_html(call),
        "strip_newlines" => text::newlines(call, ""),
        "newline_to_br" => text::newlines(call, "<br />\n"),
        "normalize_whitespace" => text::normalize_whitespace(call),
        "number_of_words" => text::number_of_words(call),
        "size" => list::size(call),
        "first" => list::end(call, Which::First),
        "last" => list::end(call, Which::Last),
        "join" => list::join(call),
        "reverse" => list::reverse(call),
        "compact" => list::compact(call),
        "uniq" => list::uniq(call),
        "map" => list::map(call),
        "concat" => list::concat(call),
        "sort" => list::sort(call),
        "sort_natural" => list::sort_natural(call),
        "where" => list::filter_where(call, Which::All),
        "find" => list::filter_where(call, Which::First),
        "group_by" => list::group_by(call),
        "sample" => list::sample(call),
        "push" => list::push(call, Which::Last),
        "unshift" => list::push(call, Which::First),
        "pop" => list::pop(call, Which::Last),
        "shift" => list::pop(call, Which::First),
        "slice" => list::slice(call),
        "array_to_sentence_string" => list::to_sentence(call),
        "plus" => math::operator(call, b'+'),
        "minus" => math::operator(call, b'-'),
        "times" => math::operator(call, b'*'),
        "divided_by" => math::operator(call, b'/'),
        "modulo" => math::operator(call, b'%'),
        "abs" => math::abs(call),
        "ceil" => math::whole(call, std::cmp::Ordering::Greater),
        "floor" => math::whole(call, std::cmp::Ordering::Less),
        "round" => math::round(call),
        "at_least" => math::bound(call, std::cmp::Ordering::Greater),
        "at_most" => math::bound(call, std::cmp::Ordering::Less),
        _ => Err(REFUSED),
    };
    result.map_err(|why| match why {
        Reason::Filter(refused) if refused.is_empty() => Reason::Filter(name.to_owned()),
        why => why,
    })
}

/// Which occurrence, item or end a filter works on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    All,
    First,
    Last,
}

/// Ruby's `to_s` of a value, as filters take their text; a list's or mapping's (Ruby's
/// `inspect`) is Folio's to refuse.
pub fn to_s(value: &Value) -> Result<String, Reason> {
    value.to_scalar_string().ok_or(REFUSED)
}

/// What an output prints: a list's items one after another (nested ones too), `nil` nothing.
pub fn print(value: &Value) -> Result<String, Reason> {
    match value {
        Value::Seq(items) => {
            let mut out = String::new();
            for item in items {
                out.push_str(&print(item)?);
            }
            Ok(out)
        }
        Value::Map(_) => Err(Reason::Tag),
        scalar => to_s(scalar),
    }
}

/// Liquid's `default`: the argument (or `''`) for `nil`, `false` (unless `allow_false: true`)
/// and what is empty.
fn default(call: &Call) -> Result<Value, Reason> {
    let args = call.args(0, 2)?;
    let fallback = args.first().cloned().unwrap_or(Value::String(String::new()));
    let allow_false = match args.get(1) {
        Some(Value::Map(options)) => options.iter().any(|(key, value)| key == "allow_false" && super::condition::truthy(value)),
        _ => false,
    };
    let empty = match &call.input {
        Value::Null => true,
        Value::Bool(false) => !allow_false,
        Value::String(s) => s.is_empty(),
        Value::Seq(items) => items.is_empty(),
        Value::Map(entries) => entries.is_empty(),
        _ => false,
    };
    Ok(if empty { fallback } else { call.input.clone() })
}

/// Jekyll's groups (`group_by`, `group_by_exp`) of items by their keys: for each key, in the
/// order it first comes, its `name`, its `items` and their `size`.
pub fn groups(keyed: Vec<(Value, Value)>) -> Value {
    let mut groups: Vec<(Value, Vec<Value>)> = Vec::new();
    for (key, item) in keyed {
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(item),
            None => groups.push((key, vec![item])),
        }
    }
    let group = |(name, items): (Value, Vec<Value>)| {
        let size = Value::Int(items.len() as i64);
        Value::Map(vec![("name".to_owned(), name), ("items".to_owned(), Value::Seq(items)), ("size".to_owned(), size)])
    };
    Value::Seq(groups.into_iter().map(group).collect())
}

/// Jekyll's `markdownify`: kramdown as Jekyll configures it, the profile's options.
fn markdownify(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Value::String(crate::render_body(&call.text()?, &call.context.profile.options)))
}

/// Jekyll's `jsonify` (Ruby's `to_json`), for values whose JSON Folio writes as Ruby does.
fn jsonify(call: &Call) -> Result<Value, Reason> {
    fn plain(value: &Value) -> bool {
        match value {
            Value::Seq(items) => items.iter().all(plain),
            Value::Map(entries) => entries.iter().all(|(_, v)| plain(v)),
            Value::Float(f) => f.is_finite() && (1e-4..1e16).contains(&f.abs()) || *f == 0.0,
            Value::Date(_) | Value::Time(_) => false,
            _ => true,
        }
    }
    call.args(0, 0)?;
    match plain(&call.input) {
        true => Ok(Value::String(crate::json::to_string(&call.input))),
        false => Err(REFUSED),
    }
}
