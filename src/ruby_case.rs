//! Ruby's `String#downcase`, `#upcase` and `#capitalize` (Ruby 3.1, Unicode 13), which Jekyll's
//! URLs and Liquid's filters use: a character at a time (no final sigma `ς`), and a character Ruby's
//! Unicode lacks, or whose mapping it lacks, left as it is (Rust's tables are newer).

use crate::kramdown::patterns::is_newer_letter;

/// `text` as Ruby's `downcase` makes it.
pub fn downcase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_cased(&mut out, text, false);
    out
}

/// Whether `downcase(text)` is `lower`, without making it: ASCII, as tag names are, compared
/// in place.
pub fn lowers_to(text: &str, lower: &str) -> bool {
    if text.is_ascii() {
        text.len() == lower.len() && text.bytes().zip(lower.bytes()).all(|(t, l)| t.to_ascii_lowercase() == l)
    } else {
        downcase(text) == lower
    }
}

/// `text` in upper case (`upper`) or lower case, as Ruby's `upcase` and `downcase` make it.
pub fn push_cased(out: &mut String, text: &str, upper: bool) {
    // ASCII text, most of what kramdown lowers (tag names, header ids), changed in one copy
    // rather than pushed a character at a time.
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        let copy = &mut out[start..];
        if upper {
            copy.make_ascii_uppercase()
        } else {
            copy.make_ascii_lowercase()
        }
        return;
    }
    for c in text.chars() {
        match upper {
            // The ASCII characters of a text that has others, without a table.
            _ if c.is_ascii() => out.push(if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }),
            true => push_mapped(out, c, c.to_uppercase()),
            false => push_mapped(out, c, c.to_lowercase()),
        }
    }
}

/// `text` as Ruby's `capitalize` makes it: its first character in title case, the others in
/// lower case.
pub fn capitalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    if let Some(first) = chars.next() {
        push_title(&mut out, first);
    }
    push_cased(&mut out, chars.as_str(), false);
    out
}

/// `c` in title case, which is its upper case but for digraphs (ǅ), Georgian letters and Greek
/// letters with a iota subscript.
fn push_title(out: &mut String, c: char) {
    let code = u32::from(c);
    let title = match code {
        0x01C4..=0x01CC => Some(0x01C5 + (code - 0x01C4) / 3 * 3),
        0x01F1..=0x01F3 => Some(0x01F2),
        0x10D0..=0x10FA | 0x10FD..=0x10FF => Some(code),
        0x1C90..=0x1CBA | 0x1CBD..=0x1CBF => Some(code - 0x1C90 + 0x10D0),
        0x1F80..=0x1FAF => Some(code | 0x8),
        0x1FB3 | 0x1FBC => Some(0x1FBC),
        0x1FC3 | 0x1FCC => Some(0x1FCC),
        0x1FF3 | 0x1FFC => Some(0x1FFC),
        _ => None,
    };
    if let Some(title) = title.and_then(char::from_u32) {
        return out.push(title);
    }
    // Otherwise the upper case's first character, and the rest of it in lower case (ß: Ss), but
    // for ŉ (ʼN), and a iota subscript, which stays one (ᾲ: Ὰͅ).
    let mut upper = String::new();
    push_cased(&mut upper, c.encode_utf8(&mut [0; 4]), true);
    let mut rest = upper.chars();
    out.extend(rest.next());
    for r in rest {
        match r {
            _ if c == 'ŉ' => out.push(r),
            'Ι' if ('\u{1F80}'..='\u{1FFF}').contains(&c) => out.push('\u{345}'),
            _ => push_cased(out, r.encode_utf8(&mut [0; 4]), false),
        }
    }
}

fn push_mapped(out: &mut String, c: char, mapped: impl Iterator<Item = char> + Clone) {
    match is_newer_letter(c) || mapped.clone().any(is_newer_letter) {
        true => out.push(c),
        false => out.extend(mapped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_to_is_comparing_with_the_lowered_text() {
        // The Kelvin sign lowers to an ASCII `k`; `İ` to two characters.
        let texts = ["div", "DIV", "Div", "dIv ", "di", "divs", "\u{212a}bd", "kbd", "KBD", "İ", "i\u{307}", "", "é", "É"];
        for text in texts {
            for lower in texts {
                assert_eq!(lowers_to(text, lower), downcase(text) == lower, "{text:?} {lower:?}");
            }
        }
    }

    fn upcase(text: &str) -> String {
        let mut out = String::new();
        push_cased(&mut out, text, true);
        out
    }

    #[test]
    fn cases_change_a_character_at_a_time_as_in_ruby() {
        // `ruby -e 'puts "ΣΟΦΟΣ".downcase, "ß".upcase, "ǅ".upcase'`: σοφοσ, SS, Ǆ.
        assert_eq!(downcase("ΣΟΦΟΣ"), "σοφοσ");
        assert_eq!(upcase("ß"), "SS");
        assert_eq!(upcase("ǅ"), "Ǆ");
    }

    #[test]
    fn a_mapping_unicode_added_after_ruby_s_version_is_not_made() {
        // Ruby 3.1 leaves both as they are: Ꟁ (U+A7DC) and the mapping from ƛ came with Unicode 16.
        assert_eq!(upcase("ƛ"), "ƛ");
        assert_eq!(downcase("\u{a7dc}"), "\u{a7dc}");
    }
}
