//! Liquid's arithmetic filters, on [`Number`]s as Liquid makes them.

use super::{Call, REFUSED};
use crate::liquid::number::Number;
use crate::liquid::Reason;
use crate::value::Value;
use std::cmp::Ordering;

/// `plus`, `minus`, `times`, `divided_by` and `modulo` (`op` `+`, `-`, `*`, `/`, `%`).
pub fn operator(call: &Call, op: u8) -> Result<Value, Reason> {
    let operand = &call.args(1, 1)?[0];
    Number::of(&call.input)?.apply(op, Number::of(operand)?)
}

/// `abs`.
pub fn abs(call: &Call) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Number::of(&call.input)?.abs()?.to_value())
}

/// `ceil` (`side` greater) and `floor` (less).
pub fn whole(call: &Call, side: Ordering) -> Result<Value, Reason> {
    call.args(0, 0)?;
    Ok(Value::Int(Number::of(&call.input)?.round(0, side)?.to_int()?))
}

/// `round`, to a whole number or to the digits given.
pub fn round(call: &Call) -> Result<Value, Reason> {
    let digits = match call.args(0, 1)? {
        [] => 0,
        [Value::Int(digits)] => *digits,
        _ => return Err(REFUSED),
    };
    let rounded = Number::of(&call.input)?.round(digits, Ordering::Equal)?;
    // Ruby's `round(0)` is an Integer, and BigDecimal's `round` to tens or more too.
    match digits {
        ..=0 => Ok(Value::Int(rounded.to_int()?)),
        _ => Ok(rounded.to_value()),
    }
}

/// `at_least` (`past` greater) and `at_most` (less).
pub fn bound(call: &Call, past: Ordering) -> Result<Value, Reason> {
    let bound = &call.args(1, 1)?[0];
    let (n, bound) = (Number::of(&call.input)?, Number::of(bound)?);
    Ok(if bound.cmp(n)? == past { bound } else { n }.to_value())
}
