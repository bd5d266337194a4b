//! Text across the edge: a JavaScript string written into this memory as UTF-8, and text of
//! this memory made a JavaScript string.
//!
//! wasm-bindgen copies a string a character at a time in JavaScript until its first character
//! beyond ASCII, then has the host encode the rest into room for three bytes a character. An
//! English article is ASCII throughout, and that loop took about 2.3 ns a character in Node:
//! half the render of a 42 KB English text. Here the host's `TextEncoder.encodeInto` writes the
//! whole text, straight into this memory, into room for about its size.

use crate::utf16;
use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsString, into: &Uint8Array) -> Encoded;

    /// What `encodeInto` did: UTF-16 units read, bytes written.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;

    /// Node's `Buffer`, over a part of this memory without a copy.
    type Buffer;
    #[wasm_bindgen(static_method_of = Buffer, js_name = from)]
    fn over(memory: &JsValue, offset: u32, length: u32) -> Buffer;
    /// The string of the buffer's UTF-16 units.
    #[wasm_bindgen(method, js_name = ucs2Slice)]
    fn ucs2_slice(this: &Buffer) -> JsString;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
    static COPIES_UTF16: bool = host_copies_utf16();
}

/// Whether the host has Node's `Buffer#ucs2Slice`, which copies UTF-16 units into a string at
/// about 0.1 ns a byte, where Node's `TextDecoder` takes 2 ns a byte of the article's HTML (a
/// tenth of its render). Browsers have no `Buffer`: their `TextDecoder` is as quick either way.
fn host_copies_utf16() -> bool {
    let get = |object: &JsValue, key: &str| js_sys::Reflect::get(object, &key.into()).ok().filter(|v| !v.is_undefined());
    let buffer = get(&js_sys::global(), "Buffer");
    buffer.and_then(|b| get(&b, "prototype")).and_then(|p| get(&p, "ucs2Slice")).is_some_and(|f| f.is_function())
}

/// Texts shorter than this cross as UTF-8: for them the copy to UTF-16 and the calls it makes
/// cost more than decoding.
const UTF16_FROM: usize = 512;

/// `text` as a JavaScript string: as UTF-16 units where the host copies those faster (Node) and
/// the text is not ASCII, else decoded from UTF-8.
pub fn js_string(text: &str) -> JsString {
    let units = (text.len() >= UTF16_FROM && COPIES_UTF16.with(|copies| *copies)).then(|| utf16::units(text)).flatten();
    let Some(units) = units else { return JsString::from(text) };
    let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer();
    // In WebAssembly an address is the offset in memory.
    Buffer::over(&memory, units.as_ptr() as u32, 2 * units.len() as u32).ucs2_slice()
}

/// The text of a JavaScript string, in this memory once.
pub fn utf8_of(text: &JsString) -> String {
    ENCODER.with(|encoder| encoded_into(encoder, text))
}

/// Encoded straight into a string of this memory: room for one byte a UTF-16 unit first (all
/// an ASCII text needs), then for three a unit of what is left (a unit's most), so a French
/// text needs about a tenth more than its size, where wasm-bindgen reserved three times it.
fn encoded_into(encoder: &TextEncoder, text: &JsString) -> String {
    let units = text.length();
    let mut bytes = Vec::<u8>::with_capacity(units as usize);
    let mut read = 0;
    loop {
        let sliced;
        let rest = if read == 0 {
            text
        } else {
            sliced = text.slice(read, units);
            &sliced
        };
        let filled = bytes.len();
        let room = bytes.capacity() - filled;
        // SAFETY: the view covers the vector's spare capacity, and nothing allocates (which
        // could move or grow the memory under the view) before the host is done writing.
        let view = unsafe { Uint8Array::view_mut_raw(bytes.as_mut_ptr().add(filled), room) };
        let encoded = encoder.encode_into(rest, &view);
        // SAFETY: the host wrote this many bytes into the spare capacity.
        unsafe { bytes.set_len(filled + encoded.written() as usize) };
        read += encoded.read();
        if read >= units {
            break;
        }
        bytes.reserve_exact(3 * (units - read) as usize);
    }
    // SAFETY: `encodeInto` writes whole UTF-8 characters only (a lone surrogate as U+FFFD), as
    // the Encoding standard defines it; wasm-bindgen's own copy relies on the same.
    unsafe { String::from_utf8_unchecked(bytes) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn round_trip(text: &str) -> String {
        utf8_of(&JsString::from(text))
    }

    #[test]
    fn every_kind_of_character_arrives_as_written() {
        for text in ["", "a", "plain ASCII text\n", "é", "Palais d’Iéna", "日本語の見出し", "emoji 🎉 and ✓", "🎉"] {
            assert_eq!(round_trip(text), text);
            let long = text.repeat(4000);
            assert_eq!(round_trip(&long), long);
        }
    }

    #[test]
    fn a_character_beyond_ascii_anywhere_arrives_whole() {
        // The first round fills one byte a unit: the character that does not fit starts the second.
        for c in ['é', '’', '日', '🎉'] {
            for at in [0, 1, 7, 63, 64, 999] {
                let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(at % 5));
                assert_eq!(round_trip(&text), text, "{c:?} at {at}");
            }
        }
    }

    #[test]
    fn text_crosses_out_as_written_whichever_way_the_host_takes() {
        for text in ["", "<p>plain</p>", "Palais d’Iéna", "日本語", "🎉"] {
            for repeat in [1, 40, 1000] {
                let text = text.repeat(repeat);
                assert_eq!(String::from(js_string(&text)), text);
            }
        }
    }

    #[test]
    fn a_lone_surrogate_becomes_the_replacement_character() {
        let lone = JsString::from_char_code(&[0x61, 0xd800, 0x62]);
        assert_eq!(utf8_of(&lone), "a\u{fffd}b");
        let long = JsString::from("x".repeat(70_000).as_str()).concat(&lone);
        assert_eq!(utf8_of(&long), format!("{}a\u{fffd}b", "x".repeat(70_000)));
    }
}
