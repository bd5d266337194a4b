//! JSON text read into plain data: the render options, which cross the WebAssembly edge as
//! what `JSON.stringify` writes. The YAML loader read them before (JSON is YAML's flow syntax),
//! but its scanner's setup and its character-at-a-time reading took a tenth of the reader's
//! render of an article for four options; and YAML reads a few JSON texts otherwise (`1e+21` as
//! text, `<<` as a merge key).

use crate::escape;
use crate::float;
use crate::value::{Map, Value};
use std::fmt;

/// Reads one JSON value, with nothing but white space around it. Integers that fit 64 bits
/// are [`Value::Int`], other numbers [`Value::Float`]; an escaped lone surrogate (which
/// `JSON.stringify` writes for one in a string) reads as U+FFFD, as the host's text encoder
/// takes one in the article's text; a repeated key is kept twice, and the first is what a
/// look-up finds.
pub fn read(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader { text, at: 0, depth: 0 };
    let value = reader.value()?;
    reader.skip_space();
    if reader.at < text.len() {
        return Err(reader.error(Problem::TextAfterValue));
    }
    Ok(value)
}

/// Where JSON text went wrong, and how.
#[derive(Debug, PartialEq)]
pub struct JsonError {
    /// Counted from 1, the column in characters.
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

#[derive(Debug, PartialEq)]
pub enum Problem {
    /// Something else stands where this was due.
    Expected(&'static str),
    /// A backslash in a string before a character that starts no escape.
    BadEscape,
    /// A character below U+0020 in a string, which JSON writes escaped.
    ControlCharacter,
    /// A number that is no float either (beyond the largest).
    NumberOutOfRange,
    /// Objects and arrays inside each other deeper than [`MAX_DEPTH`].
    TooDeep,
    TextAfterValue,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "JSON, line {}, column {}: ", self.line, self.column)?;
        match self.problem {
            Problem::Expected(what) => write!(f, "expected {what}"),
            Problem::BadEscape => f.write_str("a backslash that starts no escape"),
            Problem::ControlCharacter => f.write_str("a control character inside a string"),
            Problem::NumberOutOfRange => f.write_str("a number out of range"),
            Problem::TooDeep => write!(f, "objects and arrays nested deeper than {MAX_DEPTH}"),
            Problem::TextAfterValue => f.write_str("text after the value"),
        }
    }
}

/// How deep objects and arrays may nest: each level is a call, and options need a few.
const MAX_DEPTH: usize = 128;

struct Reader<'t> {
    text: &'t str,
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Moves past `byte` after white space, or fails saying it was due.
    fn expect(&mut self, byte: u8, what: &'static str) -> Result<(), JsonError> {
        self.skip_space();
        if self.peek() != Some(byte) {
            return Err(self.error(Problem::Expected(what)));
        }
        self.at += 1;
        Ok(())
    }

    // The rare paths are not inlined: wasm-split can then leave them out of the first download
    // (the options pages pass are strings and booleans).
    #[cold]
    #[inline(never)]
    fn error(&self, problem: Problem) -> JsonError {
        let before = &self.text[..self.at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        JsonError { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1, problem }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.skip_space();
        let (word, value) = match self.peek() {
            Some(b'{') => return self.nested(Self::object),
            Some(b'[') => return self.nested(Self::array),
            Some(b'"') => return self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => return self.number(),
            Some(b't') => ("true", Value::Bool(true)),
            Some(b'f') => ("false", Value::Bool(false)),
            Some(b'n') => ("null", Value::Null),
            _ => return Err(self.error(Problem::Expected("a value"))),
        };
        if !self.text[self.at..].starts_with(word) {
            return Err(self.error(Problem::Expected("a value")));
        }
        self.at += word.len();
        Ok(value)
    }

    /// An object or an array (`read` standing on its opening bracket), one level deeper.
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, JsonError>) -> Result<Value, JsonError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error(Problem::TooDeep));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        let mut map = Map::new();
        if !self.close(b'}') {
            loop {
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return Err(self.error(Problem::Expected("a key in quotes")));
                }
                let key = self.string()?;
                self.expect(b':', "`:` after the key")?;
                map.push((key, self.value()?));
                if !self.next_member(b'}', "`,` or `}`")? {
                    break;
                }
            }
        }
        Ok(Value::Map(map))
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        let mut items = Vec::new();
        if !self.close(b']') {
            loop {
                items.push(self.value()?);
                if !self.next_member(b']', "`,` or `]`")? {
                    break;
                }
            }
        }
        Ok(Value::Seq(items))
    }

    /// Moves past `closing` after white space, if it is there: an empty object or array.
    fn close(&mut self, closing: u8) -> bool {
        self.skip_space();
        let closed = self.peek() == Some(closing);
        self.at += usize::from(closed);
        closed
    }

    /// After a member: whether another follows (a comma), or the end (`closing`).
    fn next_member(&mut self, closing: u8, what: &'static str) -> Result<bool, JsonError> {
        self.skip_space();
        let more = self.peek() == Some(b',');
        if !more && self.peek() != Some(closing) {
            return Err(self.error(Problem::Expected(what)));
        }
        self.at += 1;
        Ok(more)
    }

    /// A string, standing on its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let bytes = &self.text.as_bytes()[self.at..];
            // Quotes, backslashes and control characters are ASCII: the text up to one is whole
            // characters.
            let Some(len) = escape::json_special(bytes) else {
                self.at = self.text.len();
                return Err(self.error(Problem::Expected("`\"` closing the string")));
            };
            out.push_str(&self.text[self.at..self.at + len]);
            self.at += len;
            match bytes[len] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => self.escape(&mut out)?,
                _ => return Err(self.error(Problem::ControlCharacter)),
            }
        }
    }

    /// The escape at the current backslash, appended to `out`.
    #[inline(never)]
    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let c = match self.text.as_bytes().get(self.at + 1) {
            Some(b'u') => return self.unicode_escape(out),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            _ => return Err(self.error(Problem::BadEscape)),
        };
        out.push(c);
        self.at += 2;
        Ok(())
    }

    /// `\uXXXX` at the current backslash, with the low surrogate after it if it is a high one.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let unit = self.code_unit()?;
        let c = match unit {
            0xd800..=0xdbff if self.text[self.at..].starts_with("\\u") => {
                let back = self.at;
                match self.code_unit()? {
                    low @ 0xdc00..=0xdfff => char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)),
                    // Not its pair: the high surrogate stands alone, and the escape after it is
                    // read on its own.
                    _ => {
                        self.at = back;
                        None
                    }
                }
            }
            _ => char::from_u32(unit),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        Ok(())
    }

    /// The UTF-16 code unit of the `\uXXXX` at the current position, moving past it.
    fn code_unit(&mut self) -> Result<u32, JsonError> {
        let hex = self.text.get(self.at + 2..self.at + 6).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(unit) = hex.and_then(|h| u32::from_str_radix(h, 16).ok()) else {
            return Err(self.error(Problem::BadEscape));
        };
        self.at += 6;
        Ok(unit)
    }

    /// A number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    #[inline(never)]
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(bytes[start] == b'-');
        // A leading zero is the whole integer part: `01` is `0`, then text that is no number.
        let mut whole = match bytes.get(at) {
            Some(b'0') => {
                at += 1;
                true
            }
            _ => digits(&mut at),
        };
        let mut integer = true;
        if whole && bytes.get(at) == Some(&b'.') {
            at += 1;
            whole = digits(&mut at);
            integer = false;
        }
        if whole && matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1 + usize::from(matches!(bytes.get(at + 1), Some(b'+' | b'-')));
            whole = digits(&mut at);
            integer = false;
        }
        if !whole {
            self.at = at;
            return Err(self.error(Problem::Expected("a digit")));
        }
        let text = &self.text[start..at];
        let value = match integer.then(|| text.parse().ok()).flatten() {
            Some(int) => Value::Int(int),
            None => Value::Float(float::parse(text).filter(|f| f.is_finite()).ok_or_else(|| self.error(Problem::NumberOutOfRange))?),
        };
        self.at = at;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::String(s.into())
    }

    fn map(members: &[(&str, Value)]) -> Value {
        Value::Map(members.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    fn error(json: &str) -> (usize, usize, Problem) {
        let error = read(json).expect_err(json);
        (error.line, error.column, error.problem)
    }

    #[test]
    fn what_json_stringify_writes_should_read_as_json_means_it() {
        let json = r#"{"profile":"numerique","sourceMap":true,"page":false,"safe":null,"kramdown":{"auto_ids":"yes","header_offset":-1,"toc_levels":[2,3],"x":1.5,"y":0.000001,"z":{},"w":[]}}"#;
        let kramdown = map(&[
            ("auto_ids", text("yes")),
            ("header_offset", Value::Int(-1)),
            ("toc_levels", Value::Seq(vec![Value::Int(2), Value::Int(3)])),
            ("x", Value::Float(1.5)),
            ("y", Value::Float(0.000001)),
            ("z", map(&[])),
            ("w", Value::Seq(vec![])),
        ]);
        let expected = map(&[
            ("profile", text("numerique")),
            ("sourceMap", Value::Bool(true)),
            ("page", Value::Bool(false)),
            ("safe", Value::Null),
            ("kramdown", kramdown),
        ]);
        assert_eq!(read(json), Ok(expected));
    }

    #[test]
    fn strings_should_read_with_their_escapes_undone_and_stay_text() {
        let json = r#"{"a\"b":"\"\\\/\b\f\n\r\t\u0001\u00e9 é 😀 ' # : - ? & * ! | > % @ `","1":"yes","true":"null"}"#;
        let expected = map(&[
            ("a\"b", text("\"\\/\u{8}\u{c}\n\r\t\u{1}é é 😀 ' # : - ? & * ! | > % @ `")),
            ("1", text("yes")),
            ("true", text("null")),
        ]);
        assert_eq!(read(json), Ok(expected));
    }

    #[test]
    fn what_the_writer_writes_should_read_back_the_same() {
        let value = map(&[
            ("text", text("line\nbreak \" \u{1f} \u{2028} ümlaut")),
            ("numbers", Value::Seq(vec![Value::Int(i64::MIN), Value::Int(0), Value::Float(-0.25), Value::Float(1e15)])),
            ("nested", map(&[("empty", map(&[])), ("list", Value::Seq(vec![Value::Null, Value::Bool(false)]))])),
        ]);
        assert_eq!(read(&super::super::to_string(&value)), Ok(value.clone()));
        assert_eq!(read(&super::super::to_string_pretty(&value)), Ok(value));
    }

    #[test]
    fn numbers_read_as_json_means_them_integers_that_fit_as_integers() {
        let json = "[0,-0,12,-7,9223372036854775807,9223372036854775808,1e+21,1e-7,2.5e-8,1.0,-0.5E2]";
        let expected = [Value::Int(0), Value::Int(0), Value::Int(12), Value::Int(-7), Value::Int(i64::MAX), Value::Float(9223372036854775808.0)]
            .into_iter()
            .chain([1e21, 1e-7, 2.5e-8, 1.0, -50.0].map(Value::Float));
        assert_eq!(read(json), Ok(Value::Seq(expected.collect())));
    }

    #[test]
    fn surrogate_escapes_read_as_their_character_and_a_lone_one_as_the_replacement_character() {
        assert_eq!(read(r#""\ud83d\ude00""#), Ok(text("😀")));
        assert_eq!(read(r#"["\ud800","\udc00x","\ud800\u0041"]"#), Ok(Value::Seq(vec![text("\u{fffd}"), text("\u{fffd}x"), text("\u{fffd}A")])));
    }

    #[test]
    fn yaml_s_merge_key_is_a_key_like_any_other() {
        assert_eq!(read(r#"{"<<":{"m":1},"a":2}"#), Ok(map(&[("<<", map(&[("m", Value::Int(1))])), ("a", Value::Int(2))])));
    }

    #[test]
    fn white_space_around_values_is_allowed_and_nothing_else_after_one() {
        assert_eq!(read(" {\n \"a\" : [ 1 , true ] } \n"), Ok(map(&[("a", Value::Seq(vec![Value::Int(1), Value::Bool(true)]))])));
        assert_eq!(error("1 2"), (1, 3, Problem::TextAfterValue));
    }

    #[test]
    fn bad_text_fails_where_it_goes_wrong() {
        assert_eq!(error(r#"{"a":}"#), (1, 6, Problem::Expected("a value")));
        assert_eq!(error("{\n  \"a\" 1}"), (2, 7, Problem::Expected("`:` after the key")));
        assert_eq!(error(r#"{"a":1,}"#), (1, 8, Problem::Expected("a key in quotes")));
        assert_eq!(error("[1 2]"), (1, 4, Problem::Expected("`,` or `]`")));
        assert_eq!(error(r#"{"é":"ü"  x"#), (1, 11, Problem::Expected("`,` or `}`")));
        assert_eq!(error(r#""abc"#), (1, 5, Problem::Expected("`\"` closing the string")));
        assert_eq!(error(r#""a\x""#), (1, 3, Problem::BadEscape));
        assert_eq!(error(r#""\u12g4""#), (1, 2, Problem::BadEscape));
        assert_eq!(error("\"a\tb\""), (1, 3, Problem::ControlCharacter));
        assert_eq!(error("[01]"), (1, 3, Problem::Expected("`,` or `]`")));
        assert_eq!(error("[1.]"), (1, 4, Problem::Expected("a digit")));
        assert_eq!(error("-"), (1, 2, Problem::Expected("a digit")));
        assert_eq!(error("1e400"), (1, 1, Problem::NumberOutOfRange));
        assert_eq!(error("tru"), (1, 1, Problem::Expected("a value")));
        assert_eq!(error(""), (1, 1, Problem::Expected("a value")));
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_an_error_not_a_stack_overflow() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(read(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(error(&deep(100_000)), (1, MAX_DEPTH + 1, Problem::TooDeep));
    }

    #[test]
    fn errors_read_with_their_place() {
        assert_eq!(read("[1,,2]").unwrap_err().to_string(), "JSON, line 1, column 4: expected a value");
    }

    /// serde_json, a well-kept JSON reader, as the reference: texts it writes, from random
    /// values, read the same. (A native dev-dependency: natively only.)
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn random_values_read_as_serde_json_reads_them() {
        use serde_json::Value as J;
        fn ours(value: &J) -> Value {
            match value {
                J::Null => Value::Null,
                J::Bool(b) => Value::Bool(*b),
                J::Number(n) => n.as_i64().map_or_else(|| Value::Float(n.as_f64().expect("finite")), Value::Int),
                J::String(s) => Value::String(s.clone()),
                J::Array(items) => Value::Seq(items.iter().map(ours).collect()),
                J::Object(members) => Value::Map(members.iter().map(|(k, v)| (k.clone(), ours(v))).collect()),
            }
        }
        fn make(random: &mut crate::test_random::Random, depth: usize) -> J {
            const PIECES: &[&str] = &["a", "é", "\"", "\\", "\n", "\u{1}", "😀", "/", " ", "\u{2028}", "{", "]"];
            match random.below(if depth > 3 { 5 } else { 7 }) {
                0 => J::Null,
                1 => J::Bool(random.below(2) == 1),
                2 => J::from(random.below(1 << 20) as i64 - (1 << 19)),
                3 => J::from((random.below(1 << 20) as f64 - 5e5) / 64.0),
                4 => J::String(random.text(PIECES, 6)),
                5 => J::Array((0..random.below(4)).map(|_| make(random, depth + 1)).collect()),
                _ => J::Object((0..random.below(4)).map(|i| (format!("k{i}{}", random.text(PIECES, 6)), make(random, depth + 1))).collect()),
            }
        }
        let mut random = crate::test_random::Random::new();
        for _ in 0..2_000 {
            let value = make(&mut random, 0);
            let compact = serde_json::to_string(&value).expect("writes");
            let pretty = serde_json::to_string_pretty(&value).expect("writes");
            assert_eq!(read(&compact), Ok(ours(&value)), "{compact}");
            assert_eq!(read(&pretty), Ok(ours(&value)), "{pretty}");
        }
    }
}
