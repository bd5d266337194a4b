//! Differential test: every corpus front matter, read by Folio, against what Ruby's
//! `YAML.safe_load(yaml, permitted_classes: [Date, Time], aliases: true)` read from it
//! (fixtures written by `scripts/front-matter-fixtures.rb`; Ruby is not needed here).
//!
//! When the corpus itself is there (`../shared/corpus`, or `FOLIO_CORPUS`), it also checks that
//! Folio cuts each article's front matter out exactly where Jekyll does.
#![cfg(not(target_arch = "wasm32"))]

use folio::Value;
use serde_json::{json, Value as Json};
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/front_matter");

/// Folio's value in the fixtures' JSON convention (see the script's header).
fn to_fixture_json(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Float(f) if f.is_nan() => json!({ "$float": "NaN" }),
        Value::Float(f) if f.is_infinite() => json!({ "$float": if *f > 0.0 { "Infinity" } else { "-Infinity" } }),
        Value::Float(f) => json!(f),
        Value::String(s) => json!(s),
        Value::Date(d) => json!({ "$date": d.to_string() }),
        Value::Time(t) => json!({ "$time": t.to_string() }),
        Value::Seq(items) => Json::Array(items.iter().map(to_fixture_json).collect()),
        Value::Map(entries) => Json::Object(entries.iter().map(|(k, v)| (k.clone(), to_fixture_json(v))).collect()),
    }
}

fn fixtures(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            fixtures(&path, found);
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
}

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("FOLIO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

#[test]
fn every_corpus_front_matter_reads_as_ruby_reads_it() {
    let mut files = Vec::new();
    fixtures(Path::new(FIXTURES), &mut files);
    files.sort();
    assert_eq!(files.len(), 160, "should hold the 159 corpus articles and the seed");
    let mut differences = Vec::new();
    for file in &files {
        let fixture: Json = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        let name = file.strip_prefix(FIXTURES).unwrap().display().to_string();
        let yaml = fixture["yaml"].as_str().expect("every corpus article has a front matter");
        let folio = match folio::yaml::load(yaml) {
            Ok(Value::Null) => json!({}),
            Ok(value) => to_fixture_json(&value),
            Err(error) => json!({ "$error": error.to_string() }),
        };
        if folio != fixture["ruby"] {
            differences.push(format!("{name}:\n  ruby:  {}\n  folio: {folio}", fixture["ruby"]));
        }
    }
    println!("front matter: {} of {} read as Ruby reads them", files.len() - differences.len(), files.len());
    assert!(differences.is_empty(), "{} differ:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn folio_cuts_out_the_front_matter_where_jekyll_does() {
    let Some(corpus) = corpus() else {
        eprintln!("corpus not found (../shared/corpus or FOLIO_CORPUS): only the fixtures were checked");
        return;
    };
    let mut files = Vec::new();
    fixtures(Path::new(FIXTURES), &mut files);
    for file in files {
        let relative = file.strip_prefix(FIXTURES).unwrap().with_extension("");
        let article = if relative.starts_with("seed") { corpus.join(&relative) } else { corpus.join("jekyll").join(&relative) };
        let source = std::fs::read_to_string(&article).unwrap();
        let fixture: Json = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let split = folio::front_matter::split(&source);
        assert_eq!(split.yaml.map(|r| &source[r]), fixture["yaml"].as_str(), "{}", relative.display());
    }
}
