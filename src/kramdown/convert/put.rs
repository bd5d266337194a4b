//! Appending to the HTML being written.
//!
//! `String::push_str` asks `Vec::reserve` for room, a call that the size-first build keeps out
//! of line: at every tag, attribute and run of escaped text, that call was about 7% of an
//! article's render in Chromium. [`put`] checks the room and copies in place. The module built
//! with SIMD (which browsers since 2023 load) has that inlined at each place the converter
//! writes: the 13.4 KB article renders up to 3% faster, a table 15% (README, Benchmark). The build
//! without SIMD has no bytes to spare under the download budget: there it stays one function,
//! which is smaller than `push_str` where it is called.

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
        copy(s.as_ptr(), bytes.as_mut_ptr().add(bytes.len()), s.len());
        bytes.set_len(bytes.len() + s.len());
    }
}

/// Copies `n` bytes from `src` to `dest`, which do not overlap. In WebAssembly a copy of a length
/// known only at run time is a `memory.copy`, which V8 compiles to a call out of the module into
/// C: 7 ns for 12 bytes, against under 1 ns by loads and stores (Node 20). Most runs of escaped
/// text and attribute values are short: up to sixteen bytes they are copied by two loads and two
/// stores of one width, one at each end, overlapping in the middle.
///
/// # Safety
/// `n` bytes readable at `src` and writable at `dest`.
#[cfg(target_arch = "wasm32")]
#[inline(never)]
unsafe fn copy(src: *const u8, dest: *mut u8, n: usize) {
    // SAFETY (every branch): each access lies inside the `n` bytes the caller gives, and
    // WebAssembly needs no alignment.
    unsafe {
        if n > 16 {
            std::ptr::copy_nonoverlapping(src, dest, n);
        } else if n >= 8 {
            let (a, b) = (src.cast::<u64>().read_unaligned(), src.add(n - 8).cast::<u64>().read_unaligned());
            dest.cast::<u64>().write_unaligned(a);
            dest.add(n - 8).cast::<u64>().write_unaligned(b);
        } else if n >= 4 {
            let (a, b) = (src.cast::<u32>().read_unaligned(), src.add(n - 4).cast::<u32>().read_unaligned());
            dest.cast::<u32>().write_unaligned(a);
            dest.add(n - 4).cast::<u32>().write_unaligned(b);
        } else if n > 0 {
            let (a, b, c) = (*src, *src.add(n / 2), *src.add(n - 1));
            *dest = a;
            *dest.add(n / 2) = b;
            *dest.add(n - 1) = c;
        }
    }
}

/// Natively, `memcpy` is a call into C anyway, and as fast for short copies.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
unsafe fn copy(src: *const u8, dest: *mut u8, n: usize) {
    // SAFETY: as the caller's.
    unsafe { std::ptr::copy_nonoverlapping(src, dest, n) }
}

#[cfg(test)]
mod tests {
    use super::put;
    // Inlined or not depending on the build: run in WebAssembly too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn appends_of_every_short_length_and_longer_copy_every_byte() {
        let text: String = ('a'..='z').chain('A'..='Z').collect();
        for n in 0..=text.len() {
            let mut out = String::from("<");
            put(&mut out, &text[..n]);
            put(&mut out, &text[n..]);
            assert_eq!(out, format!("<{text}"), "{n}");
        }
    }

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
