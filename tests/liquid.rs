//! Liquid fixtures: posts using the Liquid Folio runs, with the HTML the real Jekyll 4.3 gives
//! (written by `scripts/liquid-fixtures.rb`, committed so no Ruby is needed). Every case must
//! match after normalisation, with no problem with its Liquid (kramdown's warnings are its own)
//! but the warnings that something prints nothing, as in Jekyll.
//!
//! `tests/fixtures/liquid/DATE-NAME.md` is the post (its name is its file name in `_posts/`);
//! `DATE-NAME.html` is Jekyll's body for it, built with the site the profile below describes; or,
//! for a post Jekyll stops on, `DATE-NAME.error` is Jekyll's message, and Folio must report an
//! error in its Liquid.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use folio::{Options, Profile, Request, Severity};
use std::path::Path;

/// The site of `scripts/liquid-fixtures.rb`'s `_config.yml`.
fn profile() -> Profile {
    let (mut profile, problems) = Profile::from_yaml("url: https://example.org\nbaseurl: /blog\ntimezone: Europe/Paris\n").unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    profile.options = Options::jekyll4();
    profile
}

#[test]
fn every_fixture_should_render_as_jekyll_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/liquid");
    let profile = profile();
    let mut cases: Vec<_> = support::files_under(&root, |p| p.extension().is_some_and(|e| e == "md"));
    cases.sort();
    assert!(cases.len() >= 5, "the fixtures under {}", root.display());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let source = support::read(case);
        let request = Request { file_name: Some(&name), ..Request::new(&profile) };
        if case.with_extension("error").exists() {
            let article = folio::render_with(&source, &request);
            if !article.diagnostics.iter().any(|d| d.severity == Severity::Error && d.message.starts_with("Liquid")) {
                failures.push(format!("{name}: Jekyll stops on it, Folio reports no error in its Liquid: {:?}", article.diagnostics));
            }
            continue;
        }
        let want = support::read(&case.with_extension("html"));
        let mut problems = Vec::new();
        let outcome = support::judge(name.clone(), String::new(), &want, || {
            let article = folio::render_with(&source, &request);
            problems = article.diagnostics.into_iter().filter(|d| d.message.starts_with("Liquid") && !d.message.contains("` prints nothing: ")).collect();
            article.body_html.to_string()
        });
        if let Some((want, got)) = outcome.difference {
            failures.push(format!("{name}\n  want: {want}\n  got:  {got}"));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {problems:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
