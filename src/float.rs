//! Floating-point numbers as decimal text, both ways: YAML's floats read, and the shortest
//! digits that read back as the same number, which Ruby's `Float#to_s` and JSON lay out.
//!
//! The conversions themselves come from the platform: Rust's standard library natively,
//! JavaScript's `Number` in WebAssembly (`crate::wasm::numbers`), which is as exact (correctly
//! rounded reading, shortest round-trip writing, both required by ECMAScript) and already in
//! the browser, where Rust's would add their tables and algorithms to the download.

/// A finite number's shortest decimal digits: `d₁.d₂d₃… × 10^exponent`, negative or not.
#[derive(Debug, PartialEq)]
pub struct Digits {
    pub negative: bool,
    /// At least one digit, the first not `0` unless the number is zero; no trailing zeros
    /// beyond the first digit.
    pub digits: String,
    pub exponent: i32,
}

/// The number written `text`, a decimal number as YAML's and Ruby's floats are once their
/// separators are gone: `[-+]?[0-9]*(\.[0-9]*)?([eE][-+]?[0-9]+)?` with a digit before the
/// exponent. `None` for any other text (`inf`, `nan`, hexadecimal: what the two platforms
/// would read differently).
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let mut mantissa = digits(&mut at);
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        mantissa += digits(&mut at);
    }
    if mantissa == 0 {
        return None;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
        if digits(&mut at) == 0 {
            return None;
        }
    }
    (at == bytes.len()).then(|| platform::parse(text))
}

/// The shortest digits that read back as `f`, which must be finite.
pub fn digits(f: f64) -> Digits {
    debug_assert!(f.is_finite());
    Digits::read(&platform::shortest(f))
}

impl Digits {
    /// Digits out of a number's shortest text as either platform writes it: plain (`0.00015`,
    /// `123.5`, `100`) or with an exponent (`1.5e-7` from Rust, `1e+21` from JavaScript).
    fn read(text: &str) -> Digits {
        let (negative, text) = text.strip_prefix('-').map_or((false, text), |rest| (true, rest));
        let (mantissa, exponent) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
        let exponent: i32 = exponent.trim_start_matches('+').parse().unwrap_or(0);
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all: String = [whole, fraction].concat();
        let leading = all.bytes().take_while(|b| *b == b'0').count();
        let significant = all[leading..].trim_end_matches('0');
        if significant.is_empty() {
            return Digits { negative, digits: "0".into(), exponent: 0 };
        }
        // The first significant digit stands `whole.len() - leading - 1` places before the point.
        let exponent = exponent + whole.len() as i32 - leading as i32 - 1;
        Digits { negative, digits: significant.to_owned(), exponent }
    }

    /// The digits written plainly, with a point and at least one digit after it: `1234.5`,
    /// `0.00012`, `100.0`.
    pub fn plain(&self, out: &mut String) {
        if self.negative {
            out.push('-');
        }
        match usize::try_from(self.exponent) {
            // Digits that all stand before the point: 12340000000.0.
            Ok(whole) if self.digits.len() <= whole + 1 => {
                out.push_str(&self.digits);
                out.extend(std::iter::repeat_n('0', whole + 1 - self.digits.len()));
                out.push_str(".0");
            }
            // A point among the digits: 12.34.
            Ok(whole) => {
                out.push_str(&self.digits[..=whole]);
                out.push('.');
                out.push_str(&self.digits[whole + 1..]);
            }
            // Below 1: 0.001234.
            Err(_) => {
                out.push_str("0.");
                out.extend(std::iter::repeat_n('0', self.exponent.unsigned_abs() as usize - 1));
                out.push_str(&self.digits);
            }
        }
    }

    /// The digits with an exponent: the first digit, the others after a point, then `e` and
    /// the exponent. `fraction` is what stands after the point when there is one digit only
    /// (`""` for JSON's `1e+16`, `"0"` for Ruby's `1.0e+16`); `exponent_width` pads the
    /// exponent with zeros (`e-07`).
    pub fn scientific(&self, out: &mut String, fraction: &str, exponent_width: usize) {
        if self.negative {
            out.push('-');
        }
        out.push_str(&self.digits[..1]);
        let fraction = if self.digits.len() > 1 { &self.digits[1..] } else { fraction };
        if !fraction.is_empty() {
            out.push('.');
            out.push_str(fraction);
        }
        out.push('e');
        out.push(if self.exponent < 0 { '-' } else { '+' });
        let magnitude = self.exponent.unsigned_abs().to_string();
        out.extend(std::iter::repeat_n('0', exponent_width.saturating_sub(magnitude.len())));
        out.push_str(&magnitude);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    pub fn parse(text: &str) -> f64 {
        text.parse().expect("float::parse checked the syntax")
    }

    pub fn shortest(f: f64) -> String {
        format!("{f:e}")
    }
}

#[cfg(target_arch = "wasm32")]
use crate::wasm::numbers as platform;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_decimal_text_is_read() {
        for (text, number) in [("1.5", 1.5), ("-2", -2.0), ("+.5", 0.5), ("3.", 3.0), ("1e3", 1000.0), ("1.5E-2", 0.015)] {
            assert_eq!(parse(text), Some(number), "{text}");
        }
        for text in ["", ".", "-", "e5", "1e", "1e+", "inf", "NaN", "0x10", "1_000", " 1", "1.5.2"] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn digits_are_read_from_either_platforms_text() {
        let digits = |negative, digits: &str, exponent| Digits { negative, digits: digits.into(), exponent };
        assert_eq!(Digits::read("1.5e-7"), digits(false, "15", -7));
        assert_eq!(Digits::read("1e+21"), digits(false, "1", 21));
        assert_eq!(Digits::read("-0.00015"), digits(true, "15", -4));
        assert_eq!(Digits::read("123.5"), digits(false, "1235", 2));
        assert_eq!(Digits::read("100"), digits(false, "1", 2));
        assert_eq!(Digits::read("0"), digits(false, "0", 0));
        assert_eq!(Digits::read("-0e0"), digits(true, "0", 0));
    }
}
