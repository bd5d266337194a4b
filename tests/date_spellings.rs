//! Front matter dates in the spellings of Ruby's `Time.parse`, read by Folio as Jekyll reads
//! them: the cases and Ruby's answers are in tests/fixtures/date_spellings.tsv, written by
//! scripts/date-spellings-fixtures.rb (which says how they are chosen and what each column
//! means). Natively only: the zones come from the system's tz database.
#![cfg(not(target_arch = "wasm32"))]

use folio::calendar::Builtin;
use folio::front_matter::date::{self, Zone};
use folio::Value;

struct Case<'a> {
    zone: &'a str,
    text: &'a str,
    ruby: &'a str,
    folio_reads: bool,
}

fn cases() -> Vec<Case<'static>> {
    include_str!("fixtures/date_spellings.tsv")
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [zone, text, ruby, folio] = fields[..] else { panic!("a fixture line has four fields: {line:?}") };
            Case { zone, text, ruby, folio_reads: folio == "reads" }
        })
        .collect()
}

fn folio(case: &Case) -> Result<String, date::DateError> {
    let zone = Zone { name: case.zone, calendar: &Builtin };
    date::read(&Value::String(case.text.to_owned()), &zone).map(|time| time.to_string())
}

#[test]
fn every_spelling_ruby_reads_folio_reads_as_the_same_moment_or_reports() {
    let mut differences = Vec::new();
    for case in cases() {
        let ruby_reads = !matches!(case.ruby, "refused" | "today");
        match folio(&case) {
            Ok(time) if time == case.ruby => {}
            Err(_) if !(ruby_reads && case.folio_reads) => {}
            other => differences.push(format!("{} in {}: Ruby {}, Folio {other:?}", case.text, case.zone, case.ruby)),
        }
    }
    assert!(differences.is_empty(), "{} differences:\n{}", differences.len(), differences.join("\n"));
}

#[test]
fn what_ruby_refuses_or_reads_with_the_day_of_the_build_is_reported() {
    for case in cases().iter().filter(|c| matches!(c.ruby, "refused" | "today")) {
        assert!(folio(case).is_err(), "{} in {} should be reported (Ruby: {})", case.text, case.zone, case.ruby);
    }
}
