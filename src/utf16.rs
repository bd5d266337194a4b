//! UTF-8 text as UTF-16 code units, for a host that makes a string of those faster than it
//! decodes UTF-8: Node's `Buffer` copies UTF-16 into a string at about 0.1 ns a byte, where its
//! `TextDecoder` decodes the 13.4 KB article's HTML (480 characters beyond ASCII) at 2 ns a byte.

use crate::chunk::{self, Chunk, WIDTH};

/// The UTF-16 code units of `text`; `None` for ASCII, which every host makes a string of about
/// as fast from UTF-8 (Node's `TextDecoder`: 0.13 ns a byte).
pub fn units(text: &str) -> Option<Vec<u16>> {
    let bytes = text.as_bytes();
    chunk::find_where(bytes, Chunk::non_ascii)?;
    // A text has no more units than bytes; the slack lets a chunk's sixteen units be written
    // whole even where fewer of them are kept. The room is not zeroed first: every unit kept is
    // written (zeroing it took 0.3 µs of the 13.4 KB article's render in Node, 0.2%).
    let mut out = Vec::with_capacity(bytes.len() + WIDTH);
    let room = out.spare_capacity_mut();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        // ASCII a chunk at a time, up to the next byte beyond it.
        if let Some(chunk) = Chunk::load(bytes, i) {
            chunk.widen(&mut room[n..]);
            // A chunk of ASCII moves on by a branch, not by its first byte beyond ASCII (none,
            // taken as sixteen): then each chunk's load waited on the test of the one before,
            // where a predicted branch lets the next load start at once.
            let Some(ascii) = chunk.non_ascii().first() else {
                i += WIDTH;
                n += WIDTH;
                continue;
            };
            i += ascii;
            n += ascii;
        } else if bytes[i].is_ascii() {
            room[n].write(u16::from(bytes[i]));
            i += 1;
            n += 1;
            continue;
        }
        // A character beyond ASCII, decoded here: French has one every few words, and core's
        // decoding and encoding in turn took twice as long. The text is valid UTF-8.
        let lead = u16::from(bytes[i]);
        let next = |k: usize| u16::from(bytes[i + k] & 0x3f);
        if lead < 0xe0 {
            room[n].write((lead & 0x1f) << 6 | next(1));
            (i, n) = (i + 2, n + 1);
        } else if lead < 0xf0 {
            room[n].write((lead & 0x0f) << 12 | next(1) << 6 | next(2));
            (i, n) = (i + 3, n + 1);
        } else {
            let c = text[i..].chars().next().expect("a character starts here");
            for unit in c.encode_utf16(&mut [0; 2]) {
                room[n].write(*unit);
                n += 1;
            }
            i += 4;
        }
    }
    // SAFETY: the first `n` units were written above.
    unsafe { out.set_len(n) };
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::Random;
    // The chunks are wider in the WebAssembly module built with SIMD: run there too.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_kind_of_character_becomes_its_units() {
        for text in ["", "a", "<p>plain ASCII text</p>\n", "é", "Palais d’Iéna", "日本語の見出し", "emoji 🎉 and ✓", "🎉"] {
            for repeat in [1, 3, 17] {
                let text = text.repeat(repeat);
                assert_eq!(units(&text), (!text.is_ascii()).then(|| text.encode_utf16().collect()), "{text}");
            }
        }
    }

    #[test]
    fn a_character_beyond_ascii_at_every_place_of_a_chunk_and_of_the_tail() {
        for c in ['é', '’', '日', '🎉'] {
            for at in 0..3 * WIDTH {
                for after in [0, 1, WIDTH - 1, WIDTH, 2 * WIDTH + 3] {
                    let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(after));
                    assert_eq!(units(&text), Some(text.encode_utf16().collect()), "{c:?} at {at}, {after} after");
                }
            }
        }
    }

    #[test]
    fn random_texts_agree_with_the_standard_library() {
        let mut random = Random::new();
        let pieces = ["a", "text ", "<p>", "\n", "é", "’", "œ", "日", "🎉", "\u{7f}", "\u{80}", "\u{ffff}"];
        for _ in 0..2000 {
            let text = random.text(&pieces, 60);
            assert_eq!(units(&text), (!text.is_ascii()).then(|| text.encode_utf16().collect()), "{text:?}");
        }
    }
}
