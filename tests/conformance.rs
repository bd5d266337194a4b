//! kramdown's own test suites (`shared/conformance/`): every case is rendered with
//! `folio::render_body` under the options kramdown's runners give it, and compared with the
//! expected HTML after normalisation (`support::normalize`). The per-folder table goes to
//! `target/conformance-report.md`; `tests/conformance/known-failures.txt` is the ratchet.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::options::Input;
use folio::{Options, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::ratchet::KnownFailures;
use support::{read, Outcome};

const KNOWN_FAILURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/known-failures.txt");

/// The two suites, each a folder of `shared/conformance/`.
const KRAMDOWN: &str = "kramdown";
const KRAMDOWN_GFM: &str = "kramdown-gfm";

#[test]
fn every_failing_case_should_be_a_known_failure() {
    let run = run();
    if let Some(message) = run.known.regressions(&run.outcomes) {
        panic!("{message}");
    }
}

#[test]
fn known_failures_that_pass_must_be_removed() {
    let run = run();
    if let Some(message) = run.known.stale(&run.outcomes) {
        panic!("{message}");
    }
}

#[test]
fn every_case_options_file_should_be_understood() {
    // A case whose options Folio cannot read would be measured under other options than kramdown's.
    assert!(run().option_errors.is_empty(), "{}", run().option_errors.join("\n"));
}

#[test]
fn both_suites_should_have_cases() {
    for suite in [KRAMDOWN, KRAMDOWN_GFM] {
        assert!(run().outcomes.iter().any(|o| o.id.starts_with(&format!("{suite}/"))), "no case found in {suite}/");
    }
}

struct Run {
    outcomes: Vec<Outcome>,
    option_errors: Vec<String>,
    known: KnownFailures,
}

#[test]
fn writing_block_by_block_gives_the_html_of_the_whole_tree() {
    // `render_body` writes each top-level block as soon as it is finished; kramdown writes the
    // whole tree at the end. Byte for byte, before any normalisation.
    let mut compared = 0;
    for case in cases(&support::shared_dir().join("conformance")) {
        let (options, _) = options(&case);
        let text = read(&case.dir.join(format!("{}.text", case.name)));
        let whole = folio::kramdown::Document::parse(&text, &options).to_html();
        assert_eq!(folio::render_body(&text, &options), whole, "{}", case.id);
        compared += 1;
    }
    assert!(compared > 200, "only {compared} cases");
}

/// Every case, rendered and judged once for all the tests above.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| {
        let root = support::shared_dir().join("conformance");
        let mut outcomes = Vec::new();
        let mut option_errors = Vec::new();
        for case in cases(&root) {
            let (options, errors) = options(&case);
            option_errors.extend(errors.into_iter().map(|e| format!("{}: {e}", case.id)));
            let text = read(&case.dir.join(format!("{}.text", case.name)));
            let want = read(&case.dir.join(format!("{}.html", case.name)));
            outcomes.push(support::judge(case.id, case.folder, &want, || folio::render_body(&text, &options)));
        }
        let known = KnownFailures::for_run(Path::new(KNOWN_FAILURES), "Conformance cases", "conformance", &outcomes);
        let report = report(&outcomes, &known);
        println!("{report}");
        support::write_report("conformance-report.md", &report);
        Run { outcomes, option_errors, known }
    })
}

/// One case: `NAME.text` (input) and `NAME.html` (expected) in `dir`.
struct Case {
    /// The case's path under `conformance/`, without extension (`kramdown/block/04_header/atx_header`).
    id: String,
    /// Its folder under `conformance/` (`kramdown/block/04_header`).
    folder: String,
    dir: PathBuf,
    name: String,
}

/// Every case under `root`, sorted: each `.text` that has a `.html` beside it.
fn cases(root: &Path) -> Vec<Case> {
    let texts = support::files_under(root, |path| path.extension().is_some_and(|x| x == "text") && path.with_extension("html").is_file());
    let mut cases: Vec<Case> = texts
        .into_iter()
        .map(|path| {
            let dir = path.parent().expect("a file is in a folder").to_owned();
            let folder = dir.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            Case { id: format!("{folder}/{name}"), folder, dir, name }
        })
        .collect();
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    cases
}

/// The options kramdown's runners give a case, with what Folio could not read in them.
///
/// The settings come from `NAME.options`, else a file named `options` in the same folder, else
/// `{auto_ids: false, footnote_nr: 1}`, over kramdown's defaults (not Jekyll's, which are
/// Folio's): `input: kramdown` for `kramdown/` unless the settings say otherwise; for
/// `kramdown-gfm/` the GFM parser with its own default `hard_wrap: true`, and `input: GFM`
/// merged last, whatever the settings say.
fn options(case: &Case) -> (Options, Vec<String>) {
    let gfm = case.id.starts_with(&format!("{KRAMDOWN_GFM}/"));
    let mut options = Options::kramdown();
    if gfm {
        options.input = Input::Gfm;
    }
    let file = [case.dir.join(format!("{}.options", case.name)), case.dir.join("options")].into_iter().find(|p| p.is_file());
    let settings = match &file {
        Some(path) => match folio::yaml::load(&read(path)) {
            Ok(settings) => settings,
            Err(e) => return (options, vec![format!("{}: {e}", path.display())]),
        },
        None => Value::Map(vec![("auto_ids".into(), Value::Bool(false)), ("footnote_nr".into(), Value::Int(1))]),
    };
    let errors = options.merge(&settings).iter().map(ToString::to_string).collect();
    if gfm {
        options.input = Input::Gfm;
    }
    (options, errors)
}

fn report(outcomes: &[Outcome], known: &KnownFailures) -> String {
    // Folders in path order, each suite's folders followed by the suite's total.
    let mut groups = support::by_group(outcomes);
    groups.sort_by(|(a, _), (b, _)| Path::new(a).cmp(Path::new(b)));
    let mut rows = Vec::new();
    for suite in [KRAMDOWN, KRAMDOWN_GFM] {
        let in_suite = |folder: &str| Path::new(folder).starts_with(suite);
        rows.extend(groups.iter().filter(|(folder, _)| in_suite(folder)).cloned());
        rows.push((format!("**{suite} (all)**"), outcomes.iter().filter(|o| in_suite(&o.group)).collect()));
    }
    rows.push(("**all**".into(), outcomes.iter().collect()));
    format!(
        "## Conformance: kramdown's test suites\n\n\
         `folio::render_body` against kramdown 2.4.0's expected HTML (`shared/conformance/`), after normalisation.\n\n\
         {}\n{} known failures listed in `tests/conformance/known-failures.txt`.\n",
        support::table(["folder", "passed"], &rows),
        known.len()
    )
}
