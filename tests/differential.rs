//! Differential fixtures: Folio's own cases for each kramdown construct, with the HTML the
//! real kramdown gives (written by `scripts/kramdown-fixtures.sh`, committed so no Ruby is
//! needed). Every case must match after normalisation.
//!
//! `tests/fixtures/kramdown/TOPIC/CASE.md` is the body; `CASE.options` (optional) holds
//! `key: value` kramdown options over Jekyll's defaults; `CASE.html` is kramdown's output.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::{Options, Value};
use std::path::{Path, PathBuf};

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            cases(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

fn options_for(case: &Path) -> Options {
    let mut options = Options::jekyll();
    let file = case.with_extension("options");
    if file.exists() {
        for line in support::read(&file).lines().filter(|l| !l.trim().is_empty()) {
            let (key, value) = line.split_once(": ").unwrap_or_else(|| panic!("{}: `key: value` lines", file.display()));
            let value = folio::yaml::load(value).unwrap_or(Value::String(value.to_owned()));
            let value = match value {
                Value::Map(_) | Value::Seq(_) => value,
                // kramdown-ref parses scalars as strings, the way _config.yml values arrive.
                scalar => Value::String(scalar.to_scalar_string().unwrap_or_default()),
            };
            options.set(key, &value).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        }
    }
    options
}

#[test]
fn every_fixture_should_render_as_kramdown_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kramdown");
    let mut all = Vec::new();
    cases(&root, &mut all);
    assert!(!all.is_empty(), "no fixtures under {}", root.display());
    let mut failures = Vec::new();
    for case in &all {
        let id = case.strip_prefix(&root).unwrap().display().to_string();
        let want = support::read(&case.with_extension("html"));
        let body = support::read(case);
        let options = options_for(case);
        let outcome = support::judge(id.clone(), String::new(), &want, || folio::render_body(&body, &options));
        if let Some((want, got)) = outcome.difference {
            failures.push(format!("{id}\n  want: {want}\n  got:  {got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures differ:\n{}", failures.len(), all.len(), failures.join("\n"));
}
