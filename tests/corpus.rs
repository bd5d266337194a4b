//! Real Jekyll articles (`shared/corpus/`): each body, its front matter stripped as Jekyll
//! strips it, is rendered with `folio::render_body` under each Jekyll preset and compared with
//! what kramdown 2.4.0 gives under the same options, after normalisation (`support::normalize`).
//! Documents equal and mean block similarity per reference tree go to
//! `target/corpus-report.md`; `tests/corpus/known-differences.txt` is the ratchet.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::Options;
use std::path::Path;
use std::sync::OnceLock;
use support::ratchet::KnownFailures;
use support::{read, Outcome};

const KNOWN_DIFFERENCES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/known-differences.txt");

/// Each reference tree of `shared/corpus/`: its folder, the articles it was made from, the
/// preset that gives kramdown the options it was made with, and that preset's name.
fn trees() -> [(&'static str, &'static str, Options, &'static str); 3] {
    [
        ("jekyll-ref", "jekyll", Options::jekyll(), "Options::jekyll()"),
        ("jekyll4-ref", "jekyll", Options::jekyll4(), "Options::jekyll4()"),
        ("seed-ref", "seed", Options::jekyll(), "Options::jekyll()"),
    ]
}

#[test]
fn every_differing_document_should_be_a_known_difference() {
    let run = run();
    if let Some(message) = run.known.regressions(&run.outcomes) {
        panic!("{message}");
    }
}

#[test]
fn known_differences_that_match_must_be_removed() {
    let run = run();
    if let Some(message) = run.known.stale(&run.outcomes) {
        panic!("{message}");
    }
}

#[test]
fn every_reference_tree_should_have_documents() {
    for (tree, ..) in trees() {
        assert!(run().outcomes.iter().any(|o| o.group == tree), "no article found for {tree}/");
    }
}

struct Run {
    outcomes: Vec<Outcome>,
    known: KnownFailures,
}

/// Every document under every preset, rendered and judged once for all the tests above.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let corpus = support::shared_dir().join("corpus");
        let mut outcomes = Vec::new();
        for (tree, articles, options, _) in trees() {
            for article in support::articles_under(&corpus.join(articles)) {
                let relative = article.strip_prefix(corpus.join(articles)).unwrap().to_string_lossy().into_owned();
                let reference = corpus.join(tree).join(format!("{relative}.html"));
                assert!(reference.is_file(), "{} has no reference at {}", article.display(), reference.display());
                let source = read(&article);
                let body = &source[folio::front_matter::split(&source).body_start..];
                outcomes.push(support::judge(format!("{tree}/{relative}"), tree.to_owned(), &read(&reference), || {
                    folio::render_body(body, &options)
                }));
            }
        }
        let known = KnownFailures::for_run(Path::new(KNOWN_DIFFERENCES), "Corpus documents", "corpus", &outcomes);
        let report = report(&outcomes, &known);
        println!("{report}");
        support::write_report("corpus-report.md", &report);
        Run { outcomes, known }
    })
}

fn report(outcomes: &[Outcome], known: &KnownFailures) -> String {
    let rows: Vec<(String, Vec<&Outcome>)> = support::by_group(outcomes)
        .into_iter()
        .map(|(tree, members)| {
            let preset = trees().into_iter().find(|(t, ..)| *t == tree).map(|(.., preset)| preset).unwrap();
            (format!("{tree} (`{preset}`)"), members)
        })
        .collect();
    format!(
        "## Corpus: Jekyll articles\n\n\
         `folio::render_body` of each body against kramdown 2.4.0's (`shared/corpus/`), after normalisation.\n\n\
         {}\n{} known differences listed in `tests/corpus/known-differences.txt`.\n",
        support::table(["reference (preset)", "equal"], &rows),
        known.len()
    )
}
