//! Ruby's `String#downcase` and `#upcase` (Ruby 3.1, Unicode 13), which Jekyll's URLs and
//! Liquid's filters use: a character at a time (no final sigma `ς`), and a character Ruby's
//! Unicode lacks, or whose mapping it lacks, left as it is (Rust's tables are newer).

use crate::kramdown::patterns::is_newer_letter;

/// `text` as Ruby's `downcase` makes it.
pub fn downcase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_cased(&mut out, text, false);
    out
}

/// `text` in upper case (`upper`) or lower case, as Ruby's `upcase` and `downcase` make it.
pub fn push_cased(out: &mut String, text: &str, upper: bool) {
    for c in text.chars() {
        match upper {
            // ASCII, most of what kramdown lowers (tag names, header ids), without a table.
            _ if c.is_ascii() => out.push(if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }),
            true => push_mapped(out, c, c.to_uppercase()),
            false => push_mapped(out, c, c.to_lowercase()),
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
