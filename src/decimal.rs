//! Integers written in decimal, without `fmt`: through it each number took a few hundred
//! instructions (the JSON's outline has two an entry), and its 128-bit code is large (only
//! Liquid's numbers need that width).

/// The most digits a number has (`u128::MAX`).
const MOST: usize = 39;

/// `n`'s decimal digits, added to `out`.
///
/// Written straight into `out`'s room, last digit first, then turned around: made in a buffer
/// of their own, they were a fill (the buffer zeroed) and a copy, each a call out of
/// WebAssembly in Node.
pub fn push_decimal(out: &mut String, mut n: u128) {
    if out.capacity() - out.len() < MOST {
        out.reserve(MOST);
    }
    // SAFETY: only ASCII digits are written, into the room made above, and only those are
    // added to the length.
    let bytes = unsafe { out.as_mut_vec() };
    let start = bytes.len();
    let room = bytes.spare_capacity_mut();
    let mut len = 0;
    let mut digit = |d: u8| {
        room[len].write(b'0' + d);
        len += 1;
    };
    // A 128-bit division is a call in WebAssembly, a 64-bit one an instruction: the digits of
    // numbers past 64 bits are taken that way only until the rest fits.
    while n > u128::from(u64::MAX) {
        digit((n % 10) as u8);
        n /= 10;
    }
    let mut n = n as u64;
    loop {
        digit((n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // SAFETY: the `len` bytes after the string's end were written above.
    unsafe { bytes.set_len(start + len) };
    bytes[start..].reverse();
}

#[cfg(test)]
mod tests {
    use super::push_decimal;
    // 64-bit arithmetic is what WebAssembly has natively: run there too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn numbers_of_every_width_are_written_as_display_writes_them() {
        let max64 = u128::from(u64::MAX);
        for n in [0, 7, 10, 99, 1_000_000_007, max64 - 1, max64, max64 + 1, 10 * max64, u128::MAX] {
            let mut out = String::from("n=");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("n={n}"));
        }
    }
}
