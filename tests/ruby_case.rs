//! Upper case, lower case and capitalized as Ruby makes them, for every character: Ruby's answers are in
//! tests/fixtures/ruby_case.txt, written by scripts/ruby-case-fixtures.rb.
#![cfg(not(target_arch = "wasm32"))]

use folio::ruby_case::{capitalize, downcase, push_cased};

fn hex(text: &str) -> String {
    text.chars().map(|c| format!("{:x}", u32::from(c))).collect::<Vec<_>>().join(",")
}

#[test]
fn every_character_changes_case_and_capitalizes_exactly_where_and_as_ruby_does() {
    let expected = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ruby_case.txt")).unwrap();
    let mut got = String::new();
    for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
        let text = c.to_string();
        let mut up = String::new();
        push_cased(&mut up, &text, true);
        let (down, title) = (downcase(&text), capitalize(&text));
        if up != text || down != text || title != text {
            got += &format!("{:x} {} {} {}\n", u32::from(c), hex(&up), hex(&down), hex(&title));
        }
    }
    let differing = expected.lines().zip(got.lines()).filter(|(a, b)| a != b).count();
    assert_eq!((differing, got.lines().count()), (0, expected.lines().count()), "the first difference: {:?}", expected.lines().zip(got.lines()).find(|(a, b)| a != b));
}
