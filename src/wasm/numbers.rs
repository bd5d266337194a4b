//! Floats as text through JavaScript's `Number` (see `crate::float`): the browser's own
//! conversions, so the download carries no second copy of them.

/// The number `float::parse` checked the text of, read by `parseFloat` (correctly rounded).
pub fn parse(text: &str) -> f64 {
    js_sys::Number::parse_float(text)
}

/// The shortest text that reads back as `f` (finite): `Number.prototype.toString`, which
/// writes `1e+21` and `1.5e-7` outside 1e-7 to 1e21, and `0` for negative zero.
pub fn shortest(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0" } else { "0" }.into();
    }
    // Not `expect`: it would format the error with `Debug`, and a JavaScript value's `Debug`
    // brings wasm-bindgen's value printer into the glue for a call that cannot fail.
    js_sys::Number::from(f).to_string_with_radix(10).map_or_else(|_| unreachable!("radix 10 is valid"), String::from)
}
