//! Liquid's and Jekyll's filters of lists.

use super::{to_s, Call, Which, REFUSED};
use crate::liquid::condition::ruby_cmp;
use crate::liquid::number::to_integer;
use crate::liquid::{Failure, Reason};
use crate::value::Value;
use std::cmp::Ordering;

/// Liquid's `InputIterator`: a list flattened, a mapping in a list of its own, `nil` none,
/// anything else alone; a time is Folio's to refuse, as Ruby's `Array()` makes it `Time#to_a`,
/// which holds the zone's name.
fn items(input: &Value) -> Result<Vec<Value>, Reason> {
    fn flatten(items: &[Value], out: &mut Vec<Value>) {
        for item in items {
            match item {
                Value::Seq(inner) => flatten(inner, out),
                _ => out.push(item.clone()),
            }
        }
    }
    let mut out = Vec::new();
    match input {
        Value::Seq(items) => flatten(items, &mut out),
        Value::Null => {}
        Value::Time(_) => return Err(REFUSED),
        _ => out.push(input.clone()),
    }
    Ok(out)
}

/// The input's items, if it is a list.
fn seq<'c>(call: &'c Call) -> Option<&'c Vec<Value>> {
    match &call.input {
        Value::Seq(items) => Some(items),
        _ => None,
    }
}

/// `item[property]` of a mapping, as `map`, `where`, `sort` take it; what is not a mapping
/// (a string's `[]` is a substring) is Folio's to refuse.
fn property<'v>(item: &'v Value, property: &str) -> Result<&'v Value, Reason> {
    match item {
        Value::Map(_) => Ok(item.get(property).unwrap_or(&Value::Null)),
        _ => Err(REFUSED),
    }
}

/// Jekyll's property of an item for `where` and `sort`: dotted keys followed, and numbers
/// written as text read as numbers.
fn jekyll_property(item: &Value, name: &str) -> Result<Value, Reason> {
    let mut value = item;
    for key in name.split('.') {
        value = property(value, key)?;
    }
    let text = to_s(value).unwrap_or_default();
    let t = text.trim_ascii();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let integer = !digits.is_empty() && all_digits(digits);
    let float = digits.split_once('.').is_some_and(|(a, b)| (!a.is_empty() || !b.is_empty()) && all_digits(a) && all_digits(b));
    Ok(match value {
        Value::Seq(_) | Value::Map(_) => value.clone(),
        _ if integer => Value::Int(t.parse().map_err(|_| Reason::Inexact)?),
        _ if float => Value::Float(crate::float::parse(&[t, "0"].concat()).ok_or(REFUSED)?),
        _ => value.clone(),
    })
}

/// The order of `keys` as Ruby's stable `sort_by` gives it with `compare`, which fails on
/// values it cannot order. One routine for every sort, so that the sort is compiled once.
fn order(keys: &[Value], compare: &dyn Fn(&Value, &Value) -> Result<Ordering, Reason>) -> Result<Vec<usize>, Reason> {
    let mut failed = None;
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| {
        compare(&keys[a], &keys[b]).unwrap_or_else(|why| {
            failed = Some(why);
            Ordering::Equal
        })
    });
    failed.map_or(Ok(order), Err)
}

/// `items` in `order`.
fn arranged(items: &[Value], order: &[usize]) -> Value {
    Value::Seq(order.iter().map(|&i| items[i].clone()).collect())
}

/// `size`: a list's items, a mapping's keys, a string's characters.
pub fn size(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Value::Int(match &call.input {
        Value::Seq(items) => items.len() as i64,
        Value::Map(entries) => entries.len() as i64,
        Value::String(s) => s.chars().count() as i64,
        // Ruby's Integer#size: the bytes of a machine word.
        Value::Int(_) => 8,
        _ => 0,
    }))
}

/// `first` and `last` of a list.
pub fn end(call: &Call, which: Which) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let item = match &call.input {
        Value::Seq(items) if which == Which::First => items.first(),
        Value::Seq(items) => items.last(),
        Value::Map(_) => return Err(REFUSED),
        _ => None,
    };
    Ok(item.cloned().unwrap_or(Value::Null))
}

/// `join`, with a space or the text given between the items.
pub fn join(call: &Call) -> Result<Value, Reason> {
    call.args(0, 1)?;
    let glue = call.text_arg(0)?.unwrap_or_else(|| " ".to_owned());
    let mut out = String::new();
    for (i, item) in items(&call.input)?.iter().enumerate() {
        if i > 0 {
            out.push_str(&glue);
        }
        out.push_str(&to_s(item)?);
    }
    Ok(Value::String(out))
}

/// `reverse`.
pub fn reverse(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    let mut items = items(&call.input)?;
    items.reverse();
    Ok(Value::Seq(items))
}

/// `compact`: without the `nil`s.
pub fn compact(call: &Call) -> Result<Value, Reason> {
    call.args(0, 1)?;
    call.only(0)?;
    let mut items = items(&call.input)?;
    items.retain(|item| *item != Value::Null);
    Ok(Value::Seq(items))
}

/// `uniq`, by Ruby's `eql?`: `1` is not `1.0`.
pub fn uniq(call: &Call) -> Result<Value, Reason> {
    call.args(0, 1)?;
    call.only(0)?;
    let mut out: Vec<Value> = Vec::new();
    for item in items(&call.input)? {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    Ok(Value::Seq(out))
}

/// `map`: each item's property.
pub fn map(call: &Call) -> Result<Value, Reason> {
    call.args(1, 1)?;
    let key = to_s(&call.args[0])?;
    let mut values = Vec::new();
    for item in items(&call.input)? {
        values.push(property(&item, &key)?.clone());
    }
    Ok(Value::Seq(values))
}

/// `concat`: the items, then the list given's.
pub fn concat(call: &Call) -> Result<Value, Reason> {
    let Value::Seq(more) = &call.args(1, 1)?[0] else { return Err(Reason::Failed(Failure::NotAList)) };
    let mut items = items(&call.input)?;
    items.extend_from_slice(more);
    Ok(Value::Seq(items))
}

/// `sort`: by Ruby's `<=>`, or by a property, `nil`s first or `last`.
pub fn sort(call: &Call) -> Result<Value, Reason> {
    let args = call.args(0, 2)?;
    let Some(items) = seq(call) else {
        return Err(match (args, &call.input) {
            ([], Value::Null) => Reason::Failed(Failure::NotAList),
            _ => REFUSED,
        });
    };
    let Some(key) = args.first() else {
        let order = order(items, &|a, b| ruby_cmp(a, b).ok_or_else(|| Reason::Failed(Failure::Compared(a.kind(), b.kind()))))?;
        return Ok(arranged(items, &order));
    };
    let nils_first = match call.text_arg(1)?.as_deref() {
        None | Some("first") => true,
        Some("last") => false,
        Some(_) => return Err(REFUSED),
    };
    let key = to_s(key)?;
    let mut keys = Vec::new();
    for item in items {
        keys.push(jekyll_property(item, &key)?);
    }
    let nil = if nils_first { Ordering::Less } else { Ordering::Greater };
    let order = order(&keys, &|a, b| {
        Ok(match (*a == Value::Null, *b == Value::Null) {
            (false, true) => nil.reverse(),
            (true, false) => nil,
            _ => ruby_cmp(a, b).unwrap_or_else(|| to_s(a).unwrap_or_default().cmp(&to_s(b).unwrap_or_default())),
        })
    })?;
    Ok(arranged(items, &order))
}

/// `sort_natural`: by the items' text in lower case, `nil`s last.
pub fn sort_natural(call: &Call) -> Result<Value, Reason> {
    call.args(0, 1)?;
    call.only(0)?;
    let items = items(&call.input)?;
    let folded = |v: &Value| to_s(v).map(|s| s.to_ascii_lowercase());
    let order = order(&items, &|a, b| match (a, b) {
        (Value::Null, _) => Ok(Ordering::Greater),
        (_, Value::Null) => Ok(Ordering::Less),
        _ => Ok(folded(a)?.cmp(&folded(b)?)),
    })?;
    Ok(arranged(&items, &order))
}

/// Jekyll's `where` (`All`): the items whose property is the value given, or holds it; or
/// `find` (`First`): the first of them, `nil` if none.
pub fn filter_where(call: &Call, which: Which) -> Result<Value, Reason> {
    let [key, target] = call.args(2, 2)? else { return Err(REFUSED) };
    let input = &call.input;
    if matches!(target, Value::Seq(_) | Value::Map(_)) || matches!(key, Value::Null | Value::Bool(false)) {
        return Ok(input.clone());
    }
    let items = match input {
        Value::Seq(items) => items.clone(),
        Value::Map(entries) => entries.iter().map(|(_, v)| v.clone()).collect(),
        _ => return Ok(input.clone()),
    };
    let key = to_s(key)?;
    let target = match target {
        Value::Null => None,
        target => Some(to_s(target)?),
    };
    let mut kept = Vec::new();
    for item in items {
        let value = jekyll_property(&item, &key)?;
        let hit = match (&target, &value) {
            (None, _) => value == Value::Null,
            (Some(t), Value::String(s)) => s == t,
            (Some(t), Value::Seq(values)) => values.iter().any(|v| to_s(v).is_ok_and(|s| s == *t)),
            (Some(_), Value::Null) => false,
            (Some(t), _) => to_s(&value)? == *t,
        };
        if hit && which == Which::First {
            return Ok(item);
        }
        if hit {
            kept.push(item);
        }
    }
    Ok(if which == Which::First { Value::Null } else { Value::Seq(kept) })
}

/// Jekyll's `group_by`: a list's items in groups by their property's text.
pub fn group_by(call: &Call) -> Result<Value, Reason> {
    let key = to_s(&call.args(1, 1)?[0])?;
    let Some(items) = seq(call) else {
        // A mapping's pairs have no properties: Ruby fails on them.
        return if let Value::Map(_) = call.input { Err(REFUSED) } else { Ok(call.input.clone()) };
    };
    let mut keyed = Vec::new();
    for item in items {
        keyed.push((Value::String(to_s(&jekyll_property(item, &key)?)?), item.clone()));
    }
    Ok(super::groups(keyed))
}

/// Jekyll's `sample`, where it is not random: of a list of one item or none, or none taken;
/// what is not a list is given back.
pub fn sample(call: &Call) -> Result<Value, Reason> {
    let args = call.args(0, 1)?;
    let Some(items) = seq(call) else { return Ok(call.input.clone()) };
    // `Utils.to_integer(num) rescue 1`.
    let n = match args.first().map_or(Ok(1), to_integer) {
        Err(Reason::Failed(_)) => 1,
        n => n?,
    };
    match (n, items.len()) {
        (1, ..=1) => Ok(items.first().cloned().unwrap_or(Value::Null)),
        (0, _) | (0.., ..=1) => Ok(Value::Seq(items.iter().take(n as usize).cloned().collect())),
        _ => Err(REFUSED),
    }
}

/// `push` (at the `Last` end) and `unshift` (`First`): a list with the item added.
pub fn push(call: &Call, at: Which) -> Result<Value, Reason> {
    let item = &call.args(1, 1)?[0];
    let Some(items) = seq(call) else { return Ok(call.input.clone()) };
    let mut out = items.clone();
    match at {
        Which::First => out.insert(0, item.clone()),
        _ => out.push(item.clone()),
    }
    Ok(Value::Seq(out))
}

/// `pop` (from the `Last` end) and `shift` (`First`): a list without its last or first item,
/// or as many as given.
pub fn pop(call: &Call, from: Which) -> Result<Value, Reason> {
    let args = call.args(0, 1)?;
    let Some(items) = seq(call) else { return Ok(call.input.clone()) };
    let n = args.first().map_or(Ok(1), to_integer)?;
    let n = usize::try_from(n).map_err(|_| Reason::Failed(Failure::NotAnInteger))?.min(items.len());
    Ok(Value::Seq(match from {
        Which::First => items[n..].to_vec(),
        _ => items[..items.len() - n].to_vec(),
    }))
}

/// `slice`: the items or characters from an offset (from the end if negative), one or as many
/// as given.
pub fn slice(call: &Call) -> Result<Value, Reason> {
    let args = call.args(1, 2)?;
    let offset = to_integer(&args[0])?;
    let length = args.get(1).map_or(Ok(1), to_integer)?;
    let slice = |len: usize| -> Option<(usize, usize)> {
        let start = if offset < 0 { offset + len as i64 } else { offset };
        if start < 0 || start > len as i64 || length < 0 {
            return None;
        }
        Some((start as usize, (start + length).min(len as i64) as usize))
    };
    Ok(match &call.input {
        Value::Seq(items) => Value::Seq(slice(items.len()).map_or_else(Vec::new, |(a, b)| items[a..b].to_vec())),
        input => {
            let chars: Vec<char> = to_s(input)?.chars().collect();
            Value::String(slice(chars.len()).map_or_else(String::new, |(a, b)| chars[a..b].iter().collect()))
        }
    })
}

/// Jekyll's `array_to_sentence_string`: `a, b, and c`, with `and` or the word given.
pub fn to_sentence(call: &Call) -> Result<Value, Reason> {
    call.args(0, 1)?;
    let items = seq(call).ok_or(REFUSED)?;
    let connector = call.text_arg(0)?.unwrap_or_else(|| "and".to_owned());
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let part = to_s(item)?;
        if i + 1 == items.len() && i > 0 {
            out.push_str(if i > 1 { ", " } else { " " });
            out.push_str(&connector);
            out.push(' ');
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&part);
    }
    Ok(Value::String(out))
}
