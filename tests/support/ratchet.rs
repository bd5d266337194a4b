//! The ratchet: a committed list of what fails today, one `ID<TAB>reason` line each. A run fails
//! when something outside the list fails (a regression) or something listed passes (a stale
//! entry: the list must shrink as Folio improves). `FOLIO_UPDATE_KNOWN_FAILURES=1` rewrites the
//! list from the run: reasons of what still fails are kept, new failures get `not yet triaged`,
//! and what passes is dropped.

use super::{clip, Outcome};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const UPDATE_VARIABLE: &str = "FOLIO_UPDATE_KNOWN_FAILURES";
const UNTRIAGED: &str = "not yet triaged";
const SHOWN_DIFFERENCES: usize = 20;

pub struct KnownFailures {
    path: PathBuf,
    /// The `cargo test --test NAME` that owns the list, for the hints in messages.
    test: &'static str,
    reasons: BTreeMap<String, String>,
}

impl KnownFailures {
    /// The list at `path`, first rewritten from `outcomes` when `FOLIO_UPDATE_KNOWN_FAILURES=1`.
    /// `what` names the entries in the file's header ("Conformance cases").
    pub fn for_run(path: &Path, what: &str, test: &'static str, outcomes: &[Outcome]) -> Self {
        let mut known = KnownFailures { path: path.to_owned(), test, reasons: read(path) };
        if std::env::var(UPDATE_VARIABLE).is_ok_and(|v| v == "1") {
            known.reasons = outcomes
                .iter()
                .filter(|o| !o.passed())
                .map(|o| (o.id.clone(), known.reasons.get(&o.id).cloned().unwrap_or_else(|| UNTRIAGED.to_owned())))
                .collect();
            known.write(what);
        }
        known
    }

    pub fn len(&self) -> usize {
        self.reasons.len()
    }

    /// Failures the list does not have, described with their first differing block; `None` when
    /// there are none.
    pub fn regressions(&self, outcomes: &[Outcome]) -> Option<String> {
        let new: Vec<&Outcome> = outcomes.iter().filter(|o| !o.passed() && !self.reasons.contains_key(&o.id)).collect();
        if new.is_empty() {
            return None;
        }
        let mut message = format!("{} fail(s) not listed in {}:\n", new.len(), self.path.display());
        for (i, outcome) in new.iter().enumerate() {
            writeln!(message, "  {}  (block similarity {:.3})", outcome.id, outcome.similarity).unwrap();
            // The first differing blocks of the first few are enough to see what broke.
            if i < SHOWN_DIFFERENCES {
                let (want, got) = outcome.difference.as_ref().expect("a failing outcome has a difference");
                writeln!(message, "    want: {:?}\n    got:  {:?}", clip(want, 300), clip(got, 300)).unwrap();
            }
        }
        write!(
            message,
            "Fix the regression, or list what is expected to fail with a reason \
             (`{UPDATE_VARIABLE}=1 cargo test --test {}` adds them as `{UNTRIAGED}`).",
            self.test
        )
        .unwrap();
        Some(message)
    }

    /// Listed entries that pass, or that name nothing the run has; `None` when there are none.
    pub fn stale(&self, outcomes: &[Outcome]) -> Option<String> {
        let stale: Vec<String> = self
            .reasons
            .keys()
            .filter_map(|id| match outcomes.iter().find(|o| o.id == *id) {
                Some(outcome) if outcome.passed() => Some(format!("  {id}  (passes now)")),
                Some(_) => None,
                None => Some(format!("  {id}  (no such case)")),
            })
            .collect();
        (!stale.is_empty()).then(|| {
            format!(
                "{} entr(ies) of {} must be removed:\n{}\n(`{UPDATE_VARIABLE}=1 cargo test --test {}` removes them.)",
                stale.len(),
                self.path.display(),
                stale.join("\n"),
                self.test
            )
        })
    }

    fn write(&self, what: &str) {
        let mut text = format!(
            "# {what} where Folio's HTML differs from the reference today, sorted: ID<TAB>reason.\n\
             # `cargo test --test {test}` fails when an unlisted one differs or a listed one matches.\n\
             # `{UPDATE_VARIABLE}=1 cargo test --test {test}` rewrites this file, keeping the reasons.\n",
            test = self.test
        );
        for (id, reason) in &self.reasons {
            writeln!(text, "{id}\t{reason}").unwrap();
        }
        std::fs::write(&self.path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", self.path.display()));
    }
}

/// The entries of the list at `path`; none when the file does not exist yet.
fn read(path: &Path) -> BTreeMap<String, String> {
    let Ok(text) = std::fs::read_to_string(path) else { return BTreeMap::new() };
    let mut reasons = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = || format!("{}:{}", path.display(), n + 1);
        let (id, reason) = line.split_once('\t').unwrap_or_else(|| panic!("{}: expected `ID<TAB>reason`", at()));
        if reasons.insert(id.to_owned(), reason.to_owned()).is_some() {
            panic!("{}: {id} is listed twice", at());
        }
    }
    reasons
}
