//! Conditions of `if`, `unless`, `case` and `where_exp`: comparisons joined by `and` and `or`,
//! which Liquid groups from the right (`a and b or c` is `a and (b or c)`), and Ruby's `==`
//! and ordering of the values they compare.

use super::expression::{Expr, Parser, Tok};
use super::scope::Scope;
use super::{Failure, Reason};
use crate::value::Value;
use std::cmp::Ordering;

pub struct Condition<'t> {
    /// Each comparison: its left side, and its operator and right side if it has one.
    comparisons: Vec<(Expr<'t>, Option<(&'t str, Expr<'t>)>)>,
    /// Whether each comparison after the first is joined by `and` (else `or`).
    ands: Vec<bool>,
}

impl<'t> Condition<'t> {
    /// A tag's condition; `empty` and `blank` are Liquid's method literals where
    /// `method_literals` (not in Jekyll's `where_exp`, which reads them as `''`).
    pub fn parse(markup: &'t str, method_literals: bool) -> Result<Self, Reason> {
        let mut p = Parser::new(markup)?;
        let mut condition = Condition { comparisons: Vec::new(), ands: Vec::new() };
        loop {
            let left = p.expression(method_literals)?;
            let right = match p.look(0) {
                Tok::Comparison(op) => {
                    p.next();
                    Some((op, p.expression(method_literals)?))
                }
                _ => None,
            };
            condition.comparisons.push((left, right));
            match (p.word("and"), p.word("or")) {
                (false, false) => break,
                (and, _) => condition.ands.push(and),
            }
        }
        p.end()?;
        Ok(condition)
    }

    /// `left == right`, the one condition of a `case`'s `when`.
    pub fn equals(left: Expr<'t>, right: Expr<'t>) -> Self {
        Condition { comparisons: vec![(left, Some(("==", right)))], ands: Vec::new() }
    }

    /// Liquid's `Condition#evaluate`: from the left, each comparison decides unless its
    /// `and` is true or its `or` false, which hand on to the next.
    pub fn eval(&self, scope: &Scope) -> Result<bool, Reason> {
        for (at, (left, right)) in self.comparisons.iter().enumerate() {
            let result = match right {
                None => truthy(&scope.eval(left)?),
                Some((op, right)) => compare(left, op, right, scope)?,
            };
            match self.ands.get(at) {
                Some(&and) if and == result => {}
                _ => return Ok(result),
            }
        }
        unreachable!("the last comparison has no join")
    }
}

/// Liquid's truth: all but `nil` and `false`.
pub fn truthy(value: &Value) -> bool {
    !matches!(value, Value::Null | Value::Bool(false))
}

fn compare(left: &Expr, op: &str, right: &Expr, scope: &Scope) -> Result<bool, Reason> {
    let literal = |e: &Expr| match e {
        Expr::Empty => Some(false),
        Expr::Blank => Some(true),
        _ => None,
    };
    let (l, r) = (literal(left), literal(right));
    if l.is_some() || r.is_some() {
        // `x == empty` asks `x.empty?`; `blank?` is Rails', which Jekyll does not load.
        let value = if l.is_some() { scope.eval(right)? } else { scope.eval(left)? };
        let empty = l.or(r) == Some(false) && match &value {
            Value::String(s) => s.is_empty(),
            Value::Seq(items) => items.is_empty(),
            Value::Map(entries) => entries.is_empty(),
            _ => false,
        };
        let both = l.is_some() && r.is_some();
        return Ok(match op {
            "==" => empty && !both,
            "!=" | "<>" => !empty || both,
            _ => false,
        });
    }
    let (left, right) = (scope.eval(left)?, scope.eval(right)?);
    Ok(match op {
        "==" => ruby_eq(&left, &right),
        "!=" | "<>" => !ruby_eq(&left, &right),
        "contains" => contains(&left, &right)?,
        _ => {
            let ordered = |v: &Value| matches!(v, Value::Int(_) | Value::Float(_) | Value::String(_) | Value::Date(_) | Value::Time(_));
            if !ordered(&left) || !ordered(&right) {
                return Ok(false);
            }
            let order = match (&left, &right) {
                // Ruby's `Date#<=>` takes a number as an astronomical Julian day.
                (Value::Date(date), Value::Int(_) | Value::Float(_)) => {
                    ruby_cmp(&Value::Float(date.days_since_epoch() as f64 + 2_440_587.5), &right)
                }
                _ => ruby_cmp(&left, &right),
            };
            let order = order.ok_or(Reason::Failed(Failure::Compared(left.kind(), right.kind())))?;
            match op {
                "<" => order.is_lt(),
                ">" => order.is_gt(),
                "<=" => order.is_le(),
                _ => order.is_ge(),
            }
        }
    })
}

/// `contains`: a substring of a string, an element of a list, a key of a mapping.
fn contains(left: &Value, right: &Value) -> Result<bool, Reason> {
    Ok(match (left, right) {
        (_, Value::Null) => false,
        (Value::String(s), _) => s.contains(&*right.to_scalar_string().ok_or(Reason::Tag)?),
        (Value::Seq(items), _) => items.iter().any(|item| ruby_eq(item, right)),
        (Value::Map(entries), Value::String(key)) => entries.iter().any(|(k, _)| k == key),
        _ => false,
    })
}

/// Ruby's `==`: numbers by value whatever their kind, lists and mappings by their contents.
pub fn ruby_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => ruby_cmp(a, b) == Some(Ordering::Equal),
        (Value::Seq(x), Value::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| ruby_eq(a, b)),
        (Value::Map(x), Value::Map(y)) => x.len() == y.len() && x.iter().all(|(k, v)| y.iter().any(|(k2, v2)| k == k2 && ruby_eq(v, v2))),
        (Value::Time(x), Value::Time(y)) => x.unix_seconds() == y.unix_seconds() && x.nanosecond == y.nanosecond,
        _ => a == b,
    }
}

/// Ruby's `<=>`; `None` where it gives `nil` (values of kinds it does not order).
pub fn ruby_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Int(x), Value::Float(y)) => (*x as f64).partial_cmp(y),
        (Value::Float(x), Value::Int(y)) => x.partial_cmp(&(*y as f64)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::String(x), Value::String(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::Time(x), Value::Time(y)) => Some((x.unix_seconds(), x.nanosecond).cmp(&(y.unix_seconds(), y.nanosecond))),
        (Value::Seq(x), Value::Seq(y)) => {
            for (a, b) in x.iter().zip(y) {
                match ruby_cmp(a, b)? {
                    Ordering::Equal => {}
                    order => return Some(order),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Bool(x), Value::Bool(y)) if x == y => Some(Ordering::Equal),
        _ => None,
    }
}
