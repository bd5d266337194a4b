//! Slugs as Jekyll 4.3's `Utils.slugify` makes them, in every mode, cased or not: the cases and
//! Jekyll's answers are in tests/fixtures/slugify/, written by scripts/slugify-fixtures.rb.
#![cfg(not(target_arch = "wasm32"))]

use folio::slug::{slugify, Mode};

struct Case {
    text: String,
    mode: String,
    cased: bool,
    slug: String,
}

fn cases() -> Vec<Case> {
    include_str!("fixtures/slugify/cases.jsonl")
        .lines()
        .map(|line| {
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            let text = |key: &str| case[key].as_str().unwrap_or_else(|| panic!("{key} in {line}")).to_owned();
            Case { text: text("text"), mode: text("mode"), cased: case["cased"].as_bool().unwrap(), slug: text("slug") }
        })
        .collect()
}

#[test]
fn every_title_slugifies_as_jekyll_does_in_every_mode_cased_or_not() {
    let cases = cases();
    let differences: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let slug = slugify(&case.text, Mode::named(&case.mode), case.cased);
            let cased = if case.cased { ", cased" } else { "" };
            (slug != case.slug).then(|| format!("{:?} ({}{cased}): Jekyll {:?}, Folio {slug:?}", case.text, case.mode, case.slug))
        })
        .collect();
    assert!(differences.is_empty(), "{} of {} differ:\n{}", differences.len(), cases.len(), differences.join("\n"));
}

#[test]
fn a_character_is_kept_exactly_where_ruby_s_letters_marks_and_digits_have_it() {
    let mut ruby = vec![false; 0x110000];
    for line in include_str!("fixtures/slugify/letters.txt").lines() {
        let (first, last) = line.split_once(' ').unwrap();
        let [first, last] = [first, last].map(|hex| usize::from_str_radix(hex, 16).unwrap());
        ruby[first..=last].fill(true);
    }
    let differences: Vec<String> = (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| {
            let kept = slugify(&format!("a{c}b"), Mode::Default, true) != "a-b";
            kept != ruby[c as usize]
        })
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    assert!(differences.is_empty(), "{} code points differ: {}", differences.len(), differences.join(" "));
}
