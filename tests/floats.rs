//! Floats read from YAML and written back as Ruby and serde_json write them (natively; the
//! same cases run in WebAssembly in `tests/browser.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/floats.rs"]
mod floats;

#[test]
fn yaml_floats_read_and_write_as_ruby_and_json_do() {
    floats::check_all();
}

#[test]
fn the_fixtures_json_is_serde_jsons() {
    for case in floats::cases() {
        assert_eq!(serde_json::to_string(&floats::read(&case)).unwrap(), case.json, "{}", case.yaml);
    }
}
