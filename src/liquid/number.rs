//! Numbers as Liquid's filters make them (`Utils.to_number`): integers stay Ruby Integers,
//! floats and decimal strings become BigDecimals, reckoned exactly in decimal and made floats
//! again at the end (so `0.1 | plus: 0.2` is `0.3`, not `0.30000000000000004`).

use super::{Failure, Reason};
use crate::decimal::push_decimal;
use crate::value::Value;
use crate::kramdown::patterns::{self, is_space_char};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug)]
pub enum Number {
    Int(i64),
    /// `mantissa × 10^-scale`.
    Decimal { mantissa: i128, scale: u32 },
}

/// What Folio cannot reckon exactly (a Ruby Bignum, a BigDecimal past 38 digits).
const TOO_BIG: Reason = Reason::Inexact;

/// `10^n`, if an i128 holds it.
fn ten(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// Ruby's `Integer()` of a value, as Liquid's `Utils.to_integer`: an integer, or text that
/// is one (a float's text, `1.0`, is not).
pub fn to_integer(value: &Value) -> Result<i64, Reason> {
    match value {
        Value::Int(i) => Ok(*i),
        Value::String(s) => ruby_integer(s),
        _ => Err(Reason::Failed(Failure::NotAnInteger)),
    }
}

/// Ruby's `Integer()` of a text: white space around it (`\s`, `\v` among it), a sign, then
/// digits in the base a prefix gives (`0x`, `0b`, `0o`, `0d`, or a bare leading `0` for octal),
/// with single underscores between two digits.
fn ruby_integer(text: &str) -> Result<i64, Reason> {
    let not_integer = Reason::Failed(Failure::NotAnInteger);
    let t = text.trim_matches(is_space_char);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = match t.as_bytes() {
        [b'0', prefix, ..] => match prefix.to_ascii_lowercase() {
            b'x' => (16, &t[2..]),
            b'b' => (2, &t[2..]),
            b'o' => (8, &t[2..]),
            b'd' => (10, &t[2..]),
            // The leading zero is a digit itself: `0_7` is 7.
            _ => (8, t),
        },
        _ => (10, t),
    };
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.chars().all(|c| c == '_' || c.is_digit(radix));
    if !well_formed {
        return Err(not_integer);
    }
    let magnitude = digits.bytes().filter(|&b| b != b'_').try_fold(0i128, |n, b| {
        let digit = char::from(b).to_digit(radix).expect("checked above");
        n.checked_mul(i128::from(radix))?.checked_add(i128::from(digit)).filter(|&n| n <= 1 << 63)
    });
    let n = magnitude.ok_or(TOO_BIG)?;
    i64::try_from(if negative { -n } else { n }).map_err(|_| TOO_BIG)
}

impl Number {
    /// `Utils.to_number`.
    pub fn of(value: &Value) -> Result<Number, Reason> {
        match value {
            Value::Int(i) => Ok(Number::Int(*i)),
            Value::Float(f) if f.is_finite() => {
                let d = crate::float::digits(*f);
                Number::decimal(d.negative, &[&d.digits], d.exponent - d.digits.len() as i32 + 1).ok_or(TOO_BIG)
            }
            Value::Float(_) => Err(TOO_BIG),
            Value::String(s) => {
                let t = patterns::strip(s);
                let (negative, digits) = match t.strip_prefix('-') {
                    Some(digits) => (true, digits),
                    None => (false, t),
                };
                match digits.split_once('.') {
                    Some((whole, fraction)) if [whole, fraction].iter().all(|part| !part.is_empty() && part.bytes().all(|c| c.is_ascii_digit())) => {
                        Number::decimal(negative, &[whole, fraction], -(fraction.len() as i32)).ok_or(TOO_BIG)
                    }
                    _ => ruby_to_i(s).map(Number::Int),
                }
            }
            _ => Ok(Number::Int(0)),
        }
    }

    /// The decimal `digits × 10^exponent`, negative if `negative`: its ASCII digits in pieces.
    fn decimal(negative: bool, digits: &[&str], exponent: i32) -> Option<Number> {
        let mut mantissa: i128 = 0;
        for digit in digits.iter().flat_map(|part| part.bytes()) {
            let digit = i128::from(digit - b'0');
            mantissa = mantissa.checked_mul(10)?.checked_add(if negative { -digit } else { digit })?;
        }
        match u32::try_from(-exponent) {
            Ok(scale) => Some(Number::Decimal { mantissa, scale }),
            Err(_) => Some(Number::Decimal { mantissa: mantissa.checked_mul(ten(exponent.unsigned_abs())?)?, scale: 0 }),
        }
    }

    /// Both as decimals of one scale (integers too), when either is a decimal.
    fn aligned(self, other: Number) -> Option<(i128, i128, u32)> {
        let parts = |n: Number| match n {
            Number::Int(i) => (i128::from(i), 0),
            Number::Decimal { mantissa, scale } => (mantissa, scale),
        };
        let ((a, sa), (b, sb)) = (parts(self), parts(other));
        let scale = sa.max(sb);
        Some((a.checked_mul(ten(scale - sa)?)?, b.checked_mul(ten(scale - sb)?)?, scale))
    }

    /// `+`, `-`, `*`, `/`, `%` (`op`) as Ruby's Integer and BigDecimal do them.
    pub fn apply(self, op: u8, other: Number) -> Result<Value, Reason> {
        let zero = Reason::Failed(Failure::DividedByZero);
        if let (Number::Int(a), Number::Int(b)) = (self, other) {
            let result = match op {
                b'+' => a.checked_add(b),
                b'-' => a.checked_sub(b),
                b'*' => a.checked_mul(b),
                _ if b == 0 => return Err(zero),
                b'/' => Some(floor_div(i128::from(a), i128::from(b)) as i64),
                _ => Some(a - b * floor_div(i128::from(a), i128::from(b)) as i64),
            };
            return result.map(Value::Int).ok_or(TOO_BIG);
        }
        let (a, b, scale) = self.aligned(other).ok_or(TOO_BIG)?;
        let decimal = |mantissa: Option<i128>, scale: u32| mantissa.map(|mantissa| Number::Decimal { mantissa, scale }.to_value()).ok_or(TOO_BIG);
        match op {
            b'+' => decimal(a.checked_add(b), scale),
            b'-' => decimal(a.checked_sub(b), scale),
            // BigDecimal's zero has a sign, which `to_f` keeps: a product or a quotient of zero
            // with a negative number is `-0.0`.
            b'*' | b'/' if (a == 0 || b == 0) && (a < 0 || b < 0) && !(op == b'/' && b == 0) => Ok(Value::Float(-0.0)),
            b'*' => decimal(a.checked_mul(b), scale * 2),
            // A BigDecimal divided by zero is infinite (or not a number), as a float.
            b'/' if b == 0 => Ok(Value::Float(if a == 0 { f64::NAN } else { f64::INFINITY.copysign(a as f64) })),
            _ if b == 0 => Err(zero),
            b'/' => Ok(Value::Float(quotient(a, b)?)),
            _ => decimal(floor_div(a, b).checked_mul(b).and_then(|m| a.checked_sub(m)), scale),
        }
    }

    /// The float a BigDecimal gives (`to_f`), or the integer.
    pub fn to_value(self) -> Value {
        match self {
            Number::Int(i) => Value::Int(i),
            Number::Decimal { mantissa, scale } => {
                let mut text = String::from(if mantissa < 0 { "-" } else { "" });
                push_decimal(&mut text, mantissa.unsigned_abs());
                text.push_str("e-");
                push_decimal(&mut text, u128::from(scale));
                Value::Float(crate::float::parse(&text).unwrap_or(f64::NAN))
            }
        }
    }

    pub fn abs(self) -> Result<Number, Reason> {
        Ok(match self {
            Number::Int(i) => Number::Int(i.checked_abs().ok_or(TOO_BIG)?),
            Number::Decimal { mantissa, scale } => Number::Decimal { mantissa: mantissa.abs(), scale },
        })
    }

    /// Rounded to `digits` after the point (before it when negative): half away from zero,
    /// as Ruby's Integer and BigDecimal (`ROUND_HALF_UP`) round; `floor` and `ceil` toward
    /// their side.
    pub fn round(self, digits: i64, mode: Ordering) -> Result<Number, Reason> {
        let (mantissa, scale) = match self {
            Number::Int(i) => (i128::from(i), 0),
            Number::Decimal { mantissa, scale } => (mantissa, scale),
        };
        let drop = i64::from(scale) - digits;
        if drop <= 0 {
            return Ok(self);
        }
        let unit = ten(u32::try_from(drop).map_err(|_| TOO_BIG)?).ok_or(TOO_BIG)?;
        let (quotient, rest) = (floor_div(mantissa, unit), mantissa - floor_div(mantissa, unit) * unit);
        let up = match mode {
            Ordering::Less => false,
            Ordering::Greater => rest > 0,
            Ordering::Equal => rest * 2 > unit || (rest * 2 == unit && mantissa > 0),
        };
        let rounded = quotient + i128::from(up);
        Ok(match (self, u32::try_from(digits)) {
            (Number::Int(_), _) | (_, Err(_)) => {
                let whole = rounded.checked_mul(ten(u32::try_from(-digits).unwrap_or(0)).ok_or(TOO_BIG)?).ok_or(TOO_BIG)?;
                match self {
                    Number::Int(_) => Number::Int(i64::try_from(whole).map_err(|_| TOO_BIG)?),
                    Number::Decimal { .. } => Number::Decimal { mantissa: whole, scale: 0 },
                }
            }
            (Number::Decimal { .. }, Ok(digits)) => Number::Decimal { mantissa: rounded, scale: digits },
        })
    }

    /// The whole number, when it is one that fits.
    pub fn to_int(self) -> Result<i64, Reason> {
        match self.round(0, Ordering::Less)? {
            Number::Int(i) => Ok(i),
            Number::Decimal { mantissa, scale } => i64::try_from(mantissa / ten(scale).ok_or(TOO_BIG)?).map_err(|_| TOO_BIG),
        }
    }

    pub fn cmp(self, other: Number) -> Result<Ordering, Reason> {
        let (a, b, _) = self.aligned(other).ok_or(TOO_BIG)?;
        Ok(a.cmp(&b))
    }
}

/// Ruby's `String#to_i`: leading white space, a sign and digits (`_` between them), else 0.
pub fn ruby_to_i(text: &str) -> Result<i64, Reason> {
    let t = patterns::trim_start_space(text);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut n: i64 = 0;
    let mut last = b'_';
    for b in t.bytes() {
        match b {
            b'0'..=b'9' => n = n.checked_mul(10).and_then(|n| n.checked_add(i64::from(b - b'0'))).ok_or(TOO_BIG)?,
            b'_' if last != b'_' => {}
            _ => break,
        }
        last = b;
    }
    Ok(if negative { -n } else { n })
}

/// Ruby's `to_i` of a value, as `tablerow` takes its numbers: `nil` 0, a float cut to a whole
/// number, a text's leading digits; Jekyll stops on the rest, which have none.
pub fn ruby_value_to_i(value: &Value) -> Result<i64, Reason> {
    match value {
        Value::Null => Ok(0),
        Value::Int(i) => Ok(*i),
        Value::Float(f) if f.abs() < 9.2e18 => Ok(*f as i64),
        Value::Float(_) => Err(TOO_BIG),
        Value::String(s) => ruby_to_i(s),
        _ => Err(Reason::Failed(Failure::NotAnInteger)),
    }
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// `a / b` (of one scale) as a float: digits enough past the first that the float nearest
/// them is the float nearest the quotient.
fn quotient(a: i128, b: i128) -> Result<f64, Reason> {
    let (negative, a, b) = ((a < 0) != (b < 0), a.unsigned_abs(), b.unsigned_abs());
    if b > u128::MAX / 10 {
        return Err(TOO_BIG);
    }
    let mut text = String::from(if negative { "-" } else { "" });
    push_decimal(&mut text, a / b);
    text.push('.');
    let (mut rest, mut significant, mut exponent) = (a % b, if a / b > 0 { text.len() } else { 0 }, 0);
    while rest != 0 && significant < 40 && exponent < 400 {
        rest *= 10;
        text.push(char::from(b'0' + (rest / b) as u8));
        significant += usize::from(significant > 0 || rest / b > 0);
        rest %= b;
        exponent += 1;
    }
    text.push('0');
    crate::float::parse(&text).ok_or(TOO_BIG)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_as_rubys_integer_reads_it() {
        // Each answer is Ruby 3.1's `Integer(text)`; None where it raises ArgumentError.
        let cases: &[(&str, Option<i64>)] = &[
            ("0x10", Some(16)), ("-0x10", Some(-16)), ("+0x1F", Some(31)), ("017", Some(15)), ("0o17", Some(15)),
            ("0O17", Some(15)), ("0b101", Some(5)), ("0B1", Some(1)), ("0d19", Some(19)), ("0_1", Some(1)),
            ("0_7", Some(7)), ("1_000", Some(1000)), (" 12 ", Some(12)), ("\u{b}12\u{b}", Some(12)), ("\t-3\n", Some(-3)),
            ("0", Some(0)), ("00", Some(0)), ("-0", Some(0)), ("0x1_0", Some(16)), ("0b1_1", Some(3)),
            ("-9223372036854775808", Some(i64::MIN)), ("08", None), ("1__0", None), ("_1", None), ("1_", None),
            ("0x_1", None), ("0_x1", None), ("0x", None), ("0b", None), ("1e3", None), ("12a", None), (" ", None),
            ("", None), ("0_", None), ("+-1", None), ("- 1", None), ("٣", None), ("1\0", None), ("0o_7", None), ("09_", None),
        ];
        for &(text, want) in cases {
            assert_eq!(ruby_integer(text).ok(), want, "{text:?}");
        }
        assert!(matches!(ruby_integer("9223372036854775808"), Err(TOO_BIG)), "beyond i64: Ruby's Bignum, too big here");
    }
}
