//! Liquid's and Jekyll's filters of lists.

use super::{to_s, REFUSED};
use crate::liquid::condition::ruby_cmp;
use crate::liquid::number::to_integer;
use crate::liquid::{Failure, Reason};
use crate::value::Value;
use std::cmp::Ordering;

/// Liquid's `InputIterator`: a list flattened, a mapping in a list of its own, `nil` none,
/// anything else alone.
fn items(input: &Value) -> Vec<Value> {
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
        _ => out.push(input.clone()),
    }
    out
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
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let digits = t.strip_prefix('-').unwrap_or(t);
    let integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let float = digits.split_once('.').is_some_and(|(a, b)| (!a.is_empty() || !b.is_empty()) && (a.bytes().chain(b.bytes())).all(|b| b.is_ascii_digit()));
    Ok(match value {
        Value::Seq(_) | Value::Map(_) => value.clone(),
        _ if integer => Value::Int(t.parse().map_err(|_| Reason::Inexact)?),
        _ if float => Value::Float(crate::float::parse(&format!("{t}0")).ok_or(REFUSED)?),
        _ => value.clone(),
    })
}

/// Sorts as Ruby's `sort` with `compare`, which fails on values it cannot order.
fn sorted(mut list: Vec<Value>, compare: impl Fn(&Value, &Value) -> Result<Ordering, Reason>) -> Result<Value, Reason> {
    let mut failed = None;
    list.sort_by(|a, b| compare(a, b).unwrap_or_else(|why| {
        failed = Some(why);
        Ordering::Equal
    }));
    failed.map_or(Ok(Value::Seq(list)), Err)
}

fn incomparable(a: &Value, b: &Value) -> Reason {
    Reason::Failed(Failure::Compared(a.kind(), b.kind()))
}

/// The filters of this module; `None` for another.
pub fn apply(name: &str, input: &Value, args: &[Value]) -> Option<Result<Value, Reason>> {
    let text_arg = |i: usize| args.get(i).map(to_s).transpose();
    let seq = match input {
        Value::Seq(items) => Some(items),
        _ => None,
    };
    Some(match (name, args) {
        ("size", []) => Ok(Value::Int(match input {
            Value::Seq(items) => items.len() as i64,
            Value::Map(entries) => entries.len() as i64,
            Value::String(s) => s.chars().count() as i64,
            // Ruby's Integer#size: the bytes of a machine word.
            Value::Int(_) => 8,
            _ => 0,
        })),
        ("first" | "last", []) => Ok(match (input, name) {
            (Value::Seq(items), "first") => items.first().cloned().unwrap_or(Value::Null),
            (Value::Seq(items), _) => items.last().cloned().unwrap_or(Value::Null),
            (Value::Map(_), _) => return Some(Err(REFUSED)),
            _ => Value::Null,
        }),
        ("join", [] | [_]) => (|| {
            let glue = text_arg(0)?.unwrap_or_else(|| " ".to_owned());
            let parts = items(input).iter().map(to_s).collect::<Result<Vec<_>, _>>()?;
            Ok(Value::String(parts.join(&glue)))
        })(),
        ("reverse", []) => Ok(Value::Seq(items(input).into_iter().rev().collect())),
        ("compact", []) => Ok(Value::Seq(items(input).into_iter().filter(|v| *v != Value::Null).collect())),
        // Ruby's `eql?`: `1` is not `1.0`.
        ("uniq", []) => {
            let mut out: Vec<Value> = Vec::new();
            for item in items(input) {
                if !out.contains(&item) {
                    out.push(item);
                }
            }
            Ok(Value::Seq(out))
        }
        ("map", [key]) => (|| {
            let key = to_s(key)?;
            let values = items(input).iter().map(|item| property(item, &key).cloned()).collect::<Result<Vec<_>, _>>()?;
            Ok(Value::Seq(values))
        })(),
        ("concat", [other]) => match other {
            Value::Seq(more) => Ok(Value::Seq(items(input).into_iter().chain(more.iter().cloned()).collect())),
            _ => Err(Reason::Failed(Failure::NotAList)),
        },
        ("sort", []) => match seq {
            Some(items) => sorted(items.clone(), |a, b| ruby_cmp(a, b).ok_or_else(|| incomparable(a, b))),
            None if *input == Value::Null => Err(Reason::Failed(Failure::NotAList)),
            None => Err(REFUSED),
        },
        ("sort", [key] | [key, _]) => (|| {
            let items = seq.ok_or(REFUSED)?;
            let nils_first = match text_arg(1)?.as_deref() {
                None | Some("first") => true,
                Some("last") => false,
                Some(_) => return Err(REFUSED),
            };
            let key = to_s(key)?;
            let keyed = items.iter().map(|item| Ok(Value::Seq(vec![jekyll_property(item, &key)?, item.clone()]))).collect::<Result<Vec<_>, Reason>>()?;
            let pair = |v: &Value| match v {
                Value::Seq(pair) => (pair[0].clone(), pair[1].clone()),
                _ => unreachable!("pairs were made above"),
            };
            let sorted = sorted(keyed, |a, b| {
                let (a, b) = (pair(a).0, pair(b).0);
                Ok(match (a == Value::Null, b == Value::Null) {
                    (false, true) => if nils_first { Ordering::Greater } else { Ordering::Less },
                    (true, false) => if nils_first { Ordering::Less } else { Ordering::Greater },
                    _ => ruby_cmp(&a, &b).unwrap_or_else(|| to_s(&a).unwrap_or_default().cmp(&to_s(&b).unwrap_or_default())),
                })
            })?;
            let Value::Seq(sorted) = sorted else { unreachable!("a list was sorted") };
            Ok(Value::Seq(sorted.iter().map(|v| pair(v).1).collect()))
        })(),
        ("sort_natural", []) => {
            let folded = |v: &Value| to_s(v).map(|s| s.to_ascii_lowercase());
            sorted(items(input), |a, b| match (a, b) {
                (Value::Null, _) => Ok(Ordering::Greater),
                (_, Value::Null) => Ok(Ordering::Less),
                _ => Ok(folded(a)?.cmp(&folded(b)?)),
            })
        }
        ("where", [key, target]) => (|| {
            if matches!(target, Value::Seq(_) | Value::Map(_)) {
                return Ok(input.clone());
            }
            let items = match input {
                Value::Seq(items) => items.clone(),
                Value::Map(entries) => entries.iter().map(|(_, v)| v.clone()).collect(),
                _ => return Ok(input.clone()),
            };
            let key = to_s(key)?;
            let target = (*target != Value::Null).then(|| to_s(target)).transpose()?;
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
                if hit {
                    kept.push(item);
                }
            }
            Ok(Value::Seq(kept))
        })(),
        ("push" | "unshift", [item]) => Ok(match seq {
            Some(items) if name == "push" => Value::Seq(items.iter().chain([item]).cloned().collect()),
            Some(items) => Value::Seq([item].into_iter().chain(items).cloned().collect()),
            None => input.clone(),
        }),
        ("pop" | "shift", [] | [_]) => (|| {
            let Some(items) = seq else { return Ok(input.clone()) };
            let n = args.first().map_or(Ok(1), to_integer)?;
            let n = usize::try_from(n).map_err(|_| Reason::Failed(Failure::NotAnInteger))?.min(items.len());
            Ok(Value::Seq(if name == "pop" { items[..items.len() - n].to_vec() } else { items[n..].to_vec() }))
        })(),
        ("slice", [_] | [_, _]) => (|| {
            let offset = to_integer(&args[0])?;
            let length = args.get(1).map_or(Ok(1), to_integer)?;
            let slice = |len: usize| -> Option<(usize, usize)> {
                let start = if offset < 0 { offset + len as i64 } else { offset };
                if start < 0 || start > len as i64 || length < 0 {
                    return None;
                }
                Some((start as usize, (start + length).min(len as i64) as usize))
            };
            Ok(match input {
                Value::Seq(items) => Value::Seq(slice(items.len()).map_or_else(Vec::new, |(a, b)| items[a..b].to_vec())),
                _ => {
                    let chars: Vec<char> = to_s(input)?.chars().collect();
                    Value::String(slice(chars.len()).map_or_else(String::new, |(a, b)| chars[a..b].iter().collect()))
                }
            })
        })(),
        ("array_to_sentence_string", [] | [_]) => (|| {
            let items = seq.ok_or(REFUSED)?;
            let connector = text_arg(0)?.unwrap_or_else(|| "and".to_owned());
            let parts = items.iter().map(to_s).collect::<Result<Vec<_>, _>>()?;
            Ok(Value::String(match parts.as_slice() {
                [] => String::new(),
                [one] => one.clone(),
                [a, b] => format!("{a} {connector} {b}"),
                [init @ .., last] => format!("{}, {connector} {last}", init.join(", ")),
            }))
        })(),
        _ if matches!(name, "size" | "first" | "last" | "join" | "reverse" | "compact" | "uniq" | "map" | "concat" | "sort" | "sort_natural" | "where" | "push" | "unshift" | "pop" | "shift" | "slice" | "array_to_sentence_string") => Err(REFUSED),
        _ => return None,
    })
}
