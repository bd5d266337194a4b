//! Prints the normalised blocks of HTML files, one JSON line per file, for
//! `scripts/check-htmlnorm-port.py`, which compares them with `htmlnorm.py`'s.
//!
//! usage: cargo run --example htmlnorm -- FILE...

#[path = "../tests/support/normalize.rs"]
#[allow(dead_code)] // the check needs only `blocks`; the tests use the rest
mod normalize;

fn main() {
    for path in std::env::args().skip(1) {
        let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        println!("{}", serde_json::json!({ "file": path, "blocks": normalize::blocks(&html) }));
    }
}
