//! What the fidelity runners (`tests/conformance.rs`, `tests/corpus.rs`) share: where the
//! shared folder is, how one rendering is judged against its reference, the ratchet of known
//! failures, and the report tables.

// Each test binary that includes this module uses a part of it.
#![allow(dead_code)]

pub mod normalize;
pub mod random;
pub mod ratchet;
pub mod safety;

use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// The shared folder (conformance suites, corpus): `$FOLIO_SHARED` when set, else `../shared`
/// beside the crate, else `/work/shared`. Panics when there is none: a fidelity run that finds
/// nothing to measure must not pass as if it had.
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("FOLIO_SHARED") {
        let dir = PathBuf::from(dir);
        assert!(dir.is_dir(), "FOLIO_SHARED is {}, which is not a folder", dir.display());
        return dir;
    }
    let candidates = [Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"), PathBuf::from("/work/shared")];
    candidates.iter().find(|dir| dir.is_dir()).cloned().unwrap_or_else(|| {
        panic!(
            "no shared folder (conformance suites and corpus) at {} or {}; set FOLIO_SHARED to its path",
            candidates[0].display(),
            candidates[1].display()
        )
    })
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// How one document compares with its reference, after normalisation.
pub struct Outcome {
    /// The case or document, as written in the known-failures file.
    pub id: String,
    /// The report row it counts in (a conformance folder, a reference tree).
    pub group: String,
    /// [`normalize::block_similarity`] of the reference and the rendering.
    pub similarity: f64,
    /// The first normalised blocks that differ (reference, rendering), when any do.
    pub difference: Option<(String, String)>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.difference.is_none()
    }
}

/// Renders with `render` (a panic counts as a rendering that differs) and compares with `want`.
pub fn judge(id: String, group: String, want: &str, render: impl FnOnce() -> String) -> Outcome {
    let want = normalize::blocks(want);
    let got = match panic::catch_unwind(AssertUnwindSafe(render)) {
        Ok(html) => normalize::blocks(&html),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            return Outcome {
                id,
                group,
                similarity: 0.0,
                difference: Some((want.first().cloned().unwrap_or_default(), format!("render panicked: {message}"))),
            };
        }
    };
    // As compare.py: pair the blocks in order, the shorter list padded with empty blocks.
    let blank = String::new();
    let difference = (0..want.len().max(got.len()))
        .map(|i| (want.get(i).unwrap_or(&blank), got.get(i).unwrap_or(&blank)))
        .find(|(w, g)| w != g)
        .map(|(w, g)| (w.clone(), g.clone()));
    Outcome { id, group, similarity: normalize::block_similarity(&want, &got), difference }
}

/// `outcomes` by group, in first-seen order.
pub fn by_group(outcomes: &[Outcome]) -> Vec<(String, Vec<&Outcome>)> {
    let mut groups: Vec<(String, Vec<&Outcome>)> = Vec::new();
    for outcome in outcomes {
        match groups.iter_mut().find(|(name, _)| *name == outcome.group) {
            Some((_, members)) => members.push(outcome),
            None => groups.push((outcome.group.clone(), vec![outcome])),
        }
    }
    groups
}

/// A Markdown table with one row per group of outcomes: how many passed, of how many, and the
/// mean block similarity. `header` names the first two columns.
pub fn table(header: [&str; 2], rows: &[(String, Vec<&Outcome>)]) -> String {
    let [name, passed] = header;
    let mut out = format!("| {name} | {passed} | total | mean block similarity |\n|---|---:|---:|---:|\n");
    for (name, outcomes) in rows {
        let count = outcomes.iter().filter(|o| o.passed()).count();
        let mean = outcomes.iter().map(|o| o.similarity).sum::<f64>() / outcomes.len().max(1) as f64;
        writeln!(out, "| {name} | {count} | {} | {mean:.3} |", outcomes.len()).unwrap();
    }
    out
}

/// Writes a report beside the build output (`target/NAME`), where `scripts/test.sh` prints it.
pub fn write_report(name: &str, report: &str) {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().expect("CARGO_TARGET_TMPDIR is inside the target folder");
    let path = target.join(name);
    std::fs::write(&path, report).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `s` cut to about `max` characters, for messages.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// The articles (`.md`, `.markdown`) under `dir`, sorted.
pub fn articles_under(dir: &Path) -> Vec<PathBuf> {
    files_under(dir, |path| path.extension().is_some_and(|x| x == "md" || x == "markdown"))
}

/// The files under `dir`, at any depth, that `keep` keeps, sorted.
pub fn files_under(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for path in entries.map(|e| e.expect("a readable folder entry").path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if keep(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}
