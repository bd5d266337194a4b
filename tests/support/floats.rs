//! The float cases (`tests/fixtures/floats/cases.tsv`, from Ruby), checked natively by
//! `tests/floats.rs` and in WebAssembly by `tests/browser.rs`: the two builds read and write
//! floats with different platforms (`src/float.rs`).

use folio::json;
use folio::Value;

/// One case: the YAML text of a float, Ruby's `Float#to_s` of it, Folio's JSON of it.
pub struct Case {
    pub yaml: &'static str,
    pub ruby: &'static str,
    pub json: &'static str,
}

pub fn cases() -> Vec<Case> {
    include_str!("../fixtures/floats/cases.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| match line.split('\t').collect::<Vec<_>>()[..] {
            [yaml, ruby, json] => Case { yaml, ruby, json },
            _ => panic!("a case is three columns split by tabs: {line:?}"),
        })
        .collect()
}

/// The float Folio reads from `v: <yaml>`.
pub fn read(case: &Case) -> f64 {
    match folio::yaml::load(&format!("v: {}", case.yaml)) {
        Ok(value) => match value.get("v") {
            Some(Value::Float(f)) => *f,
            other => panic!("{} should read as a float, not {other:?}", case.yaml),
        },
        Err(error) => panic!("{} should read as a float: {error}", case.yaml),
    }
}

/// Each case read, then written as Ruby and as JSON, is what the fixture says.
pub fn check_all() {
    let cases = cases();
    assert!(cases.len() > 20, "the fixture holds the cases");
    for case in &cases {
        let f = read(case);
        assert_eq!(Value::Float(f).to_scalar_string().as_deref(), Some(case.ruby), "Ruby's text of {}", case.yaml);
        assert_eq!(json::to_string(&f), case.json, "JSON of {}", case.yaml);
    }
}
