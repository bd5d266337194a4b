//! JSON text: what `folio render --json` prints, and what crosses the WebAssembly edge (where
//! one `JSON.parse` makes the JavaScript value).
//!
//! Each type with a JSON form implements [`ToJson`] next to its definition, listing its members
//! there as pairs of key and value ([`Member`]). The text is the one serde_json wrote before
//! Folio dropped serde for size: the same escapes and numbers and, pretty, the same layout.
//!
//! JSON is read into plain data by [`read`] (`read.rs`).

use crate::escape;
use crate::float;
use crate::decimal::push_decimal;
use crate::put::put;

/// A value that has a JSON form.
pub trait ToJson {
    fn write_json(&self, json: &mut Writer);
}

/// A member of an object: its key and its value.
pub type Member<'a> = (&'static str, &'a dyn ToJson);

/// `value` as compact JSON text.
pub fn to_string(value: &(impl ToJson + ?Sized)) -> String {
    Writer::write(value, None)
}

/// `value` as JSON text indented by two spaces, laid out as serde_json's `to_string_pretty`
/// lays it out.
pub fn to_string_pretty(value: &(impl ToJson + ?Sized)) -> String {
    Writer::write(value, Some(0))
}

mod read;
pub use read::{read, JsonError, Problem};

/// JSON text being written.
pub struct Writer {
    out: String,
    /// Pretty text's depth of nesting; `None` for compact text.
    depth: Option<usize>,
    /// Nothing is in the innermost object or array yet: no comma before what comes next.
    empty: bool,
}

impl Writer {
    fn write(value: &(impl ToJson + ?Sized), depth: Option<usize>) -> String {
        // Room for an article's metadata (2.2 KB for the 13.4 KB article, with its outline and
        // excerpt), which grew from nothing through nine copies.
        let mut json = Writer { out: String::with_capacity(2048), depth, empty: true };
        value.write_json(&mut json);
        json.out
    }

    /// An object of `members`, in their order.
    pub fn object(&mut self, members: &[Member]) {
        self.open('{');
        for (key, value) in members {
            // Folio's own keys are names that need no escape: written as they are.
            debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{key}");
            self.key(|out| put(out, key));
            value.write_json(self);
        }
        self.close('}');
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    fn member(&mut self, key: &str, value: &(impl ToJson + ?Sized)) {
        self.key(|out| escape::json(out, key));
        value.write_json(self);
    }

    /// The next member's key, quoted, and its colon.
    fn key(&mut self, write: impl FnOnce(&mut String)) {
        self.next();
        put(&mut self.out, "\"");
        write(&mut self.out);
        // Each a constant: one chosen at run time was copied by a call, out of WebAssembly in V8.
        if self.depth.is_some() {
            put(&mut self.out, "\": ");
        } else {
            put(&mut self.out, "\":");
        }
    }

    fn string(&mut self, text: &str) {
        self.string_of_pieces(std::iter::once(text));
    }

    /// One JSON string of the text the pieces make together.
    pub(crate) fn string_of_pieces<'a>(&mut self, pieces: impl Iterator<Item = &'a str>) {
        put(&mut self.out, "\"");
        for piece in pieces {
            escape::json(&mut self.out, piece);
        }
        put(&mut self.out, "\"");
    }

    fn integer(&mut self, negative: bool, n: u64) {
        if negative {
            put(&mut self.out, "-");
        }
        push_decimal(&mut self.out, u128::from(n));
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth = self.depth.map(|depth| depth + 1);
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.map(|depth| depth - 1);
        if !self.empty {
            self.new_line();
        }
        self.out.push(bracket);
        // The object or array just closed is a member of the one around it.
        self.empty = false;
    }

    /// Before a member of an object or an element of an array: the comma after the one before,
    /// and in pretty text a new line.
    fn next(&mut self) {
        if !self.empty {
            put(&mut self.out, ",");
        }
        self.empty = false;
        self.new_line();
    }

    fn new_line(&mut self) {
        if let Some(depth) = self.depth {
            put(&mut self.out, "\n");
            self.out.extend(std::iter::repeat_n("  ", depth));
        }
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, json: &mut Writer) {
        (**self).write_json(json);
    }
}

impl ToJson for str {
    fn write_json(&self, json: &mut Writer) {
        json.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, json: &mut Writer) {
        json.string(self);
    }
}

impl ToJson for bool {
    fn write_json(&self, json: &mut Writer) {
        json.out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! unsigned_integers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, json: &mut Writer) {
                json.integer(false, *self as u64);
            }
        }
    )*};
}
unsigned_integers!(u8, u32, u64, usize);

impl ToJson for i64 {
    fn write_json(&self, json: &mut Writer) {
        json.integer(*self < 0, self.unsigned_abs());
    }
}

/// The shortest text that reads back as the same number, laid out as serde_json lays it out:
/// plain from 1e-5 to below 1e16 (`100.0`, `0.00001`), with an exponent outside (`1e+16`,
/// `1.5e-7`). JSON has no NaN or infinity: those are `null`, as serde_json writes them.
impl ToJson for f64 {
    fn write_json(&self, json: &mut Writer) {
        if !self.is_finite() {
            return json.null();
        }
        let digits = float::digits(*self);
        if (-5..=15).contains(&digits.exponent) {
            digits.plain(&mut json.out);
        } else {
            digits.scientific(&mut json.out, "", 0);
        }
    }
}

/// Pairs of key and value, the crate's ordered mappings ([`crate::value::Map`]): an object,
/// in their order.
impl<V: ToJson> ToJson for [(String, V)] {
    fn write_json(&self, json: &mut Writer) {
        json.open('{');
        for (key, value) in self {
            json.member(key, value);
        }
        json.close('}');
    }
}

impl<V: ToJson> ToJson for Vec<(String, V)> {
    fn write_json(&self, json: &mut Writer) {
        self.as_slice().write_json(json);
    }
}

/// `null` for `None`.
impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, json: &mut Writer) {
        match self {
            Some(value) => value.write_json(json),
            None => json.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, json: &mut Writer) {
        json.open('[');
        for item in self {
            json.next();
            item.write_json(json);
        }
        json.close(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, json: &mut Writer) {
        self.as_slice().write_json(json);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Point {
        x: i64,
        label: Option<String>,
        tags: Vec<String>,
    }

    impl ToJson for Point {
        fn write_json(&self, json: &mut Writer) {
            json.object(&[("x", &self.x), ("label", &self.label), ("tags", &self.tags)]);
        }
    }

    fn point() -> Point {
        Point { x: -3, label: None, tags: vec!["a".into(), "b \"c\"".into()] }
    }

    #[test]
    fn compact_text_has_no_white_space() {
        assert_eq!(to_string(&point()), r#"{"x":-3,"label":null,"tags":["a","b \"c\""]}"#);
        assert_eq!(to_string(&[point(), point()][..1]), r#"[{"x":-3,"label":null,"tags":["a","b \"c\""]}]"#);
    }

    #[test]
    fn pretty_text_is_indented_by_two_spaces_with_empty_collections_on_one_line() {
        let nested = vec![point(), Point { x: 1, label: Some("l".into()), tags: vec![] }];
        let expected = r#"[
  {
    "x": -3,
    "label": null,
    "tags": [
      "a",
      "b \"c\""
    ]
  },
  {
    "x": 1,
    "label": "l",
    "tags": []
  }
]"#;
        assert_eq!(to_string_pretty(&nested), expected);
        assert_eq!(to_string_pretty(&Vec::<Point>::new()), "[]");
    }

    #[test]
    fn pairs_of_key_and_value_are_an_object_in_their_order() {
        assert_eq!(to_string_pretty(&vec![("b".to_owned(), 1_u8), ("a".to_owned(), 2)]), "{\n  \"b\": 1,\n  \"a\": 2\n}");
        assert_eq!(to_string_pretty(&Vec::<(String, u8)>::new()), "{}");
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        let cases = [
            (1.5, "1.5"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1e20, "1e+20"),
            (123456789.125, "123456789.125"),
            (0.0001, "0.0001"),
            (0.00001, "0.00001"),
            (0.000001, "1e-6"),
            (1.5e-7, "1.5e-7"),
            (-2.5e-300, "-2.5e-300"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (12345678901234567890.0, "1.2345678901234567e+19"),
            (0.1 + 0.2, "0.30000000000000004"),
        ];
        for (number, text) in cases {
            assert_eq!(to_string(&number), text, "{number:?} should be written {text}");
        }
    }

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for n in [0, 7, 9, 10, 99, 100, 1_000_000_007, u64::MAX] {
            assert_eq!(to_string(&n), n.to_string());
        }
        for n in [0, -1, -10, 42, i64::MAX, i64::MIN] {
            assert_eq!(to_string(&n), n.to_string());
        }
        assert_eq!(to_string(&[u8::MAX as usize, 3][..]), "[255,3]");
        assert_eq!(to_string(&u32::MAX), "4294967295");
    }

    #[test]
    fn numbers_json_has_not_are_null() {
        assert_eq!(to_string(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY][..]), "[null,null,null]");
    }

    #[test]
    fn integers_are_written_whole() {
        assert_eq!(to_string(&i64::MIN), "-9223372036854775808");
        assert_eq!(to_string(&u64::MAX), "18446744073709551615");
        assert_eq!(to_string(&true), "true");
    }
}
