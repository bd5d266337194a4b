//! Integers written in decimal, without `fmt`: through it each number took a few hundred
//! instructions (the JSON's outline has two an entry), and its 128-bit code is large (only
//! Liquid's numbers need that width).

use crate::put::put;

/// `n`'s decimal digits, added to `out`.
pub fn push_decimal(out: &mut String, mut n: u128) {
    let mut digits = [0u8; 39];
    let mut at = digits.len();
    // A 128-bit division is a call in WebAssembly, a 64-bit one an instruction: the digits of
    // numbers past 64 bits are taken that way only until the rest fits.
    while n > u128::from(u64::MAX) {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let mut n = n as u64;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // SAFETY: ASCII digits.
    put(out, unsafe { std::str::from_utf8_unchecked(&digits[at..]) });
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
