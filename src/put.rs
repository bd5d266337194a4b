//! Appending to a string being built: the HTML being written, a span's text, JSON.
//!
//! `String::push_str` asks `Vec::reserve` for room, a call that the size-first build keeps out
//! of line: at every tag, attribute and run of escaped text, that call was about 7% of an
//! article's render in Chromium. `String::push` asks it too, for a single character, so the
//! writers' and JSON's one-byte pieces are put as strings (0.3% of a render). [`put`] checks the
//! room and copies in place. The module built with SIMD (which browsers since 2023 load) has
//! that inlined at each place it is called: the 13.4 KB article renders up to 3% faster, a table
//! 15% (bench/README.md); appending to a span's text and writing the result's JSON keys so, 0.8%
//! fewer instructions. The build without SIMD has no bytes to spare under the download budget:
//! there it stays one function, which is smaller than `push_str` where it is called.

#[cfg_attr(all(target_arch = "wasm32", not(target_feature = "simd128")), inline(never))]
#[cfg_attr(not(all(target_arch = "wasm32", not(target_feature = "simd128"))), inline(always))]
pub(crate) fn put(out: &mut String, s: &str) {
    if out.capacity() - out.len() < s.len() {
        out.reserve(s.len());
    }
    // SAFETY: `out` has room for `s` (above), and `s` is whole UTF-8 appended after whole UTF-8,
    // so the string stays UTF-8.
    unsafe {
        let bytes = out.as_mut_vec();
        std::ptr::copy_nonoverlapping(s.as_ptr(), bytes.as_mut_ptr().add(bytes.len()), s.len());
        bytes.set_len(bytes.len() + s.len());
    }
}

#[cfg(test)]
mod tests {
    use super::put;
    // Inlined or not depending on the build: run in WebAssembly too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn appends_with_and_without_room_left() {
        let mut out = String::with_capacity(4);
        put(&mut out, "<p>");
        put(&mut out, "é");
        put(&mut out, "");
        put(&mut out, " et le reste, plus long que la place laissée</p>");
        assert_eq!(out, "<p>é et le reste, plus long que la place laissée</p>");
    }
}
