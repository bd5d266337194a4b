//! Liquid's arithmetic filters, on [`Number`]s as Liquid makes them.

use crate::liquid::number::Number;
use crate::liquid::Reason;
use crate::value::Value;
use std::cmp::Ordering;

/// The filters of this module; `None` for another.
pub fn apply(name: &str, input: &Value, args: &[Value]) -> Option<Result<Value, Reason>> {
    let operator = match name {
        "plus" => b'+',
        "minus" => b'-',
        "times" => b'*',
        "divided_by" => b'/',
        "modulo" => b'%',
        _ => 0,
    };
    let number = Number::of(input);
    Some(match (name, args) {
        (_, [operand]) if operator != 0 => number.and_then(|n| n.apply(operator, Number::of(operand)?)),
        ("abs", []) => number.and_then(Number::abs).map(Number::to_value),
        ("ceil" | "floor", []) => {
            let side = if name == "ceil" { Ordering::Greater } else { Ordering::Less };
            number.and_then(|n| n.round(0, side)?.to_int()).map(Value::Int)
        }
        ("round", []) => number.and_then(|n| n.round(0, Ordering::Equal)?.to_int()).map(Value::Int),
        ("round", [Value::Int(digits)]) => number.and_then(|n| match n.round(*digits, Ordering::Equal)? {
            // Ruby's `round(0)` is an Integer.
            rounded if *digits == 0 => rounded.to_int().map(Value::Int),
            rounded => Ok(rounded.to_value()),
        }),
        ("at_least" | "at_most", [bound]) => (|| {
            let (n, bound) = (number?, Number::of(bound)?);
            let past = if name == "at_least" { Ordering::Greater } else { Ordering::Less };
            Ok(if bound.cmp(n)? == past { bound } else { n }.to_value())
        })(),
        _ if operator != 0 || matches!(name, "abs" | "ceil" | "floor" | "round" | "at_least" | "at_most") => Err(super::REFUSED),
        _ => return None,
    })
}
